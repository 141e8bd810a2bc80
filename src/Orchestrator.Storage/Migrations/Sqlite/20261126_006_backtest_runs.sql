-- Migration: 20261126_006_backtest_runs
-- Description: Backtest results beside the seed's summary columns, and backtests as background jobs
-- (See the PostgreSQL twin for the design.)

ALTER TABLE strategy_backtests ADD COLUMN symbols JSON_TEXT;
ALTER TABLE strategy_backtests ADD COLUMN parameters JSON_TEXT;
ALTER TABLE strategy_backtests ADD COLUMN settings JSON_TEXT;
ALTER TABLE strategy_backtests ADD COLUMN statistics JSON_TEXT;
ALTER TABLE strategy_backtests ADD COLUMN equity_curve JSON_TEXT;
ALTER TABLE strategy_backtests ADD COLUMN trades JSON_TEXT;
ALTER TABLE strategy_backtests ADD COLUMN bars_processed BIGINT;
ALTER TABLE strategy_backtests ADD COLUMN optimization_id UUID;
CREATE INDEX idx_backtests_optimization ON strategy_backtests (optimization_id) WHERE optimization_id IS NOT NULL;

CREATE TABLE backtest_runs (
    run_id UUID NOT NULL PRIMARY KEY,
    user_id UUID NOT NULL REFERENCES users(user_id) ON DELETE CASCADE,
    strategy_id UUID NOT NULL REFERENCES strategies(strategy_id) ON DELETE CASCADE,
    status VARCHAR(20) NOT NULL DEFAULT 'QUEUED' CHECK (status IN ('QUEUED', 'RUNNING', 'COMPLETED', 'FAILED')),
    progress DECIMAL_TEXT(5,4) NOT NULL DEFAULT 0,
    request JSON_TEXT NOT NULL,
    backtest_id UUID REFERENCES strategy_backtests(backtest_id) ON DELETE SET NULL,
    error TEXT,
    created_at TIMESTAMP NOT NULL DEFAULT (strftime('%Y-%m-%d %H:%M:%f', 'now')),
    started_at TIMESTAMP,
    finished_at TIMESTAMP
);
CREATE INDEX idx_backtest_runs_user ON backtest_runs (user_id, created_at DESC);
CREATE INDEX idx_backtest_runs_pending ON backtest_runs (created_at) WHERE status IN ('QUEUED', 'RUNNING');
