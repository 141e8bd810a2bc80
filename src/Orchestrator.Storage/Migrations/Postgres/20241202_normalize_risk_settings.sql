-- Migration: 20241202_normalize_risk_settings
-- Description: Normalize user risk settings into risk_profiles table
-- (the ledger row is written by the migrator, in the same transaction)

-- Create default risk profiles for users without one
INSERT INTO risk_profiles (user_id, profile_name, description)
SELECT
    u.user_id,
    'Default Risk Profile',
    'Automatically generated default risk profile'
FROM users u
LEFT JOIN risk_profiles rp ON u.user_id = rp.user_id
WHERE rp.profile_id IS NULL;

-- Migrate risk settings from users table to risk_profiles
UPDATE risk_profiles rp
SET
    max_daily_loss = u.max_daily_loss,
    max_position_size = u.max_daily_loss * 0.10, -- 10% of daily loss limit
    max_portfolio_risk = CASE
        WHEN u.risk_tolerance = 'CONSERVATIVE' THEN 0.01  -- 1%
        WHEN u.risk_tolerance = 'MODERATE' THEN 0.02     -- 2%
        WHEN u.risk_tolerance = 'AGGRESSIVE' THEN 0.05   -- 5%
        ELSE 0.02
    END
FROM users u
WHERE rp.user_id = u.user_id
  AND u.max_daily_loss IS NOT NULL;
