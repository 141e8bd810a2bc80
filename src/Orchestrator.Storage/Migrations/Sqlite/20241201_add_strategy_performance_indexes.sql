-- Migration: 20241201_add_strategy_performance_indexes
-- Description: Add indexes for strategy performance queries
-- (SQLite has no CONCURRENTLY; a plain build inside the migration's transaction.)

CREATE INDEX IF NOT EXISTS idx_strategies_performance
ON strategies (user_id, total_pnl DESC, total_trades DESC)
WHERE is_active = 1;

CREATE INDEX IF NOT EXISTS idx_strategy_executions_performance
ON strategy_executions (execution_type, created_at, pnl)
WHERE pnl IS NOT NULL;
