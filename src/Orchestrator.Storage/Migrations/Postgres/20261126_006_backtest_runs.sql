-- Migration: 20261126_006_backtest_runs
-- Description: Backtest results beside the seed's summary columns, and backtests as background jobs
--
-- strategy_backtests keeps the seed's columns (filled from every run) and gains what a result is read for:
-- the symbols, the resolved parameters, the trading settings (fees, slippage, benchmark), Lean's statistics
-- set keyed by its names, the daily equity and drawdown curve and the trade list. optimization_id groups the
-- runs of one grid search or walk-forward. backtest_runs is the job: queued, running (with progress),
-- completed (pointing at its strategy_backtests row) or failed with the reason; jobs still queued or
-- running when the server stops are picked up again when it starts.

ALTER TABLE strategy_backtests ADD COLUMN symbols JSONB;
ALTER TABLE strategy_backtests ADD COLUMN parameters JSONB;
ALTER TABLE strategy_backtests ADD COLUMN settings JSONB;
ALTER TABLE strategy_backtests ADD COLUMN statistics JSONB;
ALTER TABLE strategy_backtests ADD COLUMN equity_curve JSONB;
ALTER TABLE strategy_backtests ADD COLUMN trades JSONB;
ALTER TABLE strategy_backtests ADD COLUMN bars_processed BIGINT;
ALTER TABLE strategy_backtests ADD COLUMN optimization_id UUID;
CREATE INDEX idx_backtests_optimization ON strategy_backtests (optimization_id) WHERE optimization_id IS NOT NULL;

CREATE TABLE backtest_runs (
    run_id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    user_id UUID NOT NULL REFERENCES users(user_id) ON DELETE CASCADE,
    strategy_id UUID NOT NULL REFERENCES strategies(strategy_id) ON DELETE CASCADE,
    status VARCHAR(20) NOT NULL DEFAULT 'QUEUED' CHECK (status IN ('QUEUED', 'RUNNING', 'COMPLETED', 'FAILED')),
    progress DECIMAL(5,4) NOT NULL DEFAULT 0,
    request JSONB NOT NULL,
    backtest_id UUID REFERENCES strategy_backtests(backtest_id) ON DELETE SET NULL,
    error TEXT,
    created_at TIMESTAMPTZ NOT NULL DEFAULT CURRENT_TIMESTAMP,
    started_at TIMESTAMPTZ,
    finished_at TIMESTAMPTZ
);
CREATE INDEX idx_backtest_runs_user ON backtest_runs (user_id, created_at DESC);
CREATE INDEX idx_backtest_runs_pending ON backtest_runs (created_at) WHERE status IN ('QUEUED', 'RUNNING');
