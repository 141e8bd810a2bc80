-- Migration: 20261126_007_risk_state
-- Description: A user's active risk profile and the kill switch's state
--
-- A user may keep several risk profiles (the seed's table allows it) but exactly one is enforced: is_active,
-- at most one per user (partial unique index). Every user's oldest profile becomes the active one. The kill
-- switch is per user: ACTIVE (trading), REDUCING (only orders that reduce a position), HALTED (the same, and
-- working orders cancelled, strategies stopped); with the reason and when it changed.

ALTER TABLE risk_profiles ADD COLUMN is_active BOOLEAN NOT NULL DEFAULT false;
UPDATE risk_profiles SET is_active = true
WHERE profile_id IN (SELECT DISTINCT ON (user_id) profile_id FROM risk_profiles ORDER BY user_id, created_at, profile_id);
CREATE UNIQUE INDEX idx_risk_profiles_active ON risk_profiles (user_id) WHERE is_active;

ALTER TABLE users ADD COLUMN trading_state VARCHAR(10) NOT NULL DEFAULT 'ACTIVE'
    CHECK (trading_state IN ('ACTIVE', 'REDUCING', 'HALTED'));
ALTER TABLE users ADD COLUMN trading_state_reason TEXT;
ALTER TABLE users ADD COLUMN trading_state_changed_at TIMESTAMPTZ;
