-- migrate:no-transaction
-- Migration: 20241201_add_strategy_performance_indexes
-- Description: Add indexes for strategy performance queries
--
-- CREATE INDEX CONCURRENTLY cannot run inside a transaction (defect 9), so the migrator runs this file
-- statement by statement outside one. A CONCURRENTLY build that fails leaves an INVALID index behind, so
-- each index is dropped first: re-running the file after a failure rebuilds it instead of keeping the
-- broken one.

DROP INDEX CONCURRENTLY IF EXISTS idx_strategies_performance;
CREATE INDEX CONCURRENTLY idx_strategies_performance
ON strategies (user_id, total_pnl DESC, total_trades DESC)
WHERE is_active = true;

DROP INDEX CONCURRENTLY IF EXISTS idx_strategy_executions_performance;
CREATE INDEX CONCURRENTLY idx_strategy_executions_performance
ON strategy_executions (execution_type, created_at, pnl)
WHERE pnl IS NOT NULL;
