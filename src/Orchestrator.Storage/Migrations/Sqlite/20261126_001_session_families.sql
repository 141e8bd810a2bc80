-- Migration: 20261126_001_session_families
-- Description: Session families for refresh-token rotation, revocation times, key revocation
-- (See the PostgreSQL twin for what each column is for.) SQLite's ALTER TABLE cannot add a NOT NULL column
-- without a default, so family_id gets an impossible default and existing rows are set to their own id.

ALTER TABLE user_sessions ADD COLUMN family_id UUID NOT NULL DEFAULT '00000000-0000-0000-0000-000000000000';
UPDATE user_sessions SET family_id = session_id;
ALTER TABLE user_sessions ADD COLUMN refresh_expires_at TIMESTAMP;
ALTER TABLE user_sessions ADD COLUMN rotated_at TIMESTAMP;
ALTER TABLE user_sessions ADD COLUMN revoked_at TIMESTAMP;
CREATE INDEX idx_user_sessions_family ON user_sessions (family_id);

ALTER TABLE user_api_keys ADD COLUMN revoked_at TIMESTAMP;
