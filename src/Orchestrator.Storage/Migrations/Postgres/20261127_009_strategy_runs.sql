-- Migration: 20261127_009_strategy_runs
-- Description: Where a user strategy trades, and what its runner is doing
--
-- The seed says which strategies a user has and whether they are active, not where they trade. A running
-- strategy needs a paper (or broker) account and its symbols: account_id and symbols (a JSON array). run_state
-- is what the runner does with it, beside is_active (what the user asked for): RUNNING; STOPPED (stopped by
-- the user, or never started); HALTED (the user's kill switch is HALTED: it resumes when trading does);
-- DISABLED (it threw or timed out: is_active turned false, a risk alert raised), with the reason and when it changed.
ALTER TABLE user_strategies ADD COLUMN account_id UUID REFERENCES user_broker_accounts(account_id) ON DELETE SET NULL;
ALTER TABLE user_strategies ADD COLUMN symbols JSONB;
ALTER TABLE user_strategies ADD COLUMN run_state VARCHAR(10) NOT NULL DEFAULT 'STOPPED'
    CHECK (run_state IN ('RUNNING', 'STOPPED', 'HALTED', 'DISABLED'));
ALTER TABLE user_strategies ADD COLUMN run_state_reason TEXT;
ALTER TABLE user_strategies ADD COLUMN run_state_changed_at TIMESTAMPTZ;
CREATE INDEX idx_user_strategies_account ON user_strategies (account_id);
