-- Migration: 20261126_001_session_families
-- Description: Session families for refresh-token rotation, revocation times, key revocation
--
-- Added to the seed's model (issue 3):
--  * user_sessions.family_id: every session created by refreshing another shares its family; a refresh
--    token presented twice (a stolen copy) revokes the whole family.
--  * user_sessions.refresh_expires_at: the refresh token outlives the access token (expires_at).
--  * user_sessions.rotated_at / revoked_at: a row is kept as the record when it is rotated or revoked.
--  * user_api_keys.revoked_at: when a key was revoked (is_active = false says that it was).

ALTER TABLE user_sessions ADD COLUMN family_id UUID;
UPDATE user_sessions SET family_id = session_id WHERE family_id IS NULL;
ALTER TABLE user_sessions ALTER COLUMN family_id SET NOT NULL;
ALTER TABLE user_sessions ADD COLUMN refresh_expires_at TIMESTAMPTZ;
ALTER TABLE user_sessions ADD COLUMN rotated_at TIMESTAMPTZ;
ALTER TABLE user_sessions ADD COLUMN revoked_at TIMESTAMPTZ;
CREATE INDEX idx_user_sessions_family ON user_sessions (family_id);

ALTER TABLE user_api_keys ADD COLUMN revoked_at TIMESTAMPTZ;
