-- Migration: 20261126_007_risk_state
-- Description: A user's active risk profile and the kill switch's state
-- (See the PostgreSQL twin for the design.)

ALTER TABLE risk_profiles ADD COLUMN is_active BOOLEAN NOT NULL DEFAULT 0;
UPDATE risk_profiles SET is_active = 1
WHERE profile_id IN (
    SELECT profile_id FROM risk_profiles p
    WHERE NOT EXISTS (
        SELECT 1 FROM risk_profiles q
        WHERE q.user_id = p.user_id AND (q.created_at < p.created_at OR (q.created_at = p.created_at AND q.profile_id < p.profile_id))));
CREATE UNIQUE INDEX idx_risk_profiles_active ON risk_profiles (user_id) WHERE is_active;

ALTER TABLE users ADD COLUMN trading_state VARCHAR(10) NOT NULL DEFAULT 'ACTIVE'
    CHECK (trading_state IN ('ACTIVE', 'REDUCING', 'HALTED'));
ALTER TABLE users ADD COLUMN trading_state_reason TEXT;
ALTER TABLE users ADD COLUMN trading_state_changed_at TIMESTAMP;
