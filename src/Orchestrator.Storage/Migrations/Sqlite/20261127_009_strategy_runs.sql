-- Migration: 20261127_009_strategy_runs
-- Description: Where a user strategy trades, and what its runner is doing
-- (See the PostgreSQL twin for the design.)
ALTER TABLE user_strategies ADD COLUMN account_id UUID REFERENCES user_broker_accounts(account_id) ON DELETE SET NULL;
ALTER TABLE user_strategies ADD COLUMN symbols JSON_TEXT;
ALTER TABLE user_strategies ADD COLUMN run_state VARCHAR(10) NOT NULL DEFAULT 'STOPPED'
    CHECK (run_state IN ('RUNNING', 'STOPPED', 'HALTED', 'DISABLED'));
ALTER TABLE user_strategies ADD COLUMN run_state_reason TEXT;
ALTER TABLE user_strategies ADD COLUMN run_state_changed_at TIMESTAMP;
CREATE INDEX idx_user_strategies_account ON user_strategies (account_id);
