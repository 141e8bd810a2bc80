-- Migration: 20241130_003_data_retention
-- Description: Retention policies, their _archive tables and the archive and cleanup functions
-- The policies are the seed's default rows; the functions move rows without loss or duplication
-- (defects 4 and 5).

INSERT INTO data_retention_policies (table_name, retention_period, archive_after, delete_after, time_column) VALUES
('orders', '2 years', '1 year', '2 years', 'submitted_at'),
('order_fills', '2 years', '1 year', '2 years', 'created_at'),
('trading_signals', '1 year', '6 months', '1 year', 'created_at'),
('system_metrics', '30 days', '7 days', '30 days', 'recorded_at'),
('api_usage', '90 days', '30 days', '90 days', 'requested_at'),
('audit_log', '7 years', '3 years', '7 years', 'created_at')
ON CONFLICT (table_name) DO NOTHING;

-- Same columns and defaults as the live tables, no foreign keys: archived rows outlive their parents.
CREATE TABLE IF NOT EXISTS orders_archive (LIKE orders INCLUDING DEFAULTS, PRIMARY KEY (order_id, submitted_at));
CREATE TABLE IF NOT EXISTS order_fills_archive (LIKE order_fills INCLUDING DEFAULTS, PRIMARY KEY (fill_id));
CREATE TABLE IF NOT EXISTS trading_signals_archive (LIKE trading_signals INCLUDING DEFAULTS, PRIMARY KEY (signal_id));
CREATE TABLE IF NOT EXISTS system_metrics_archive (LIKE system_metrics INCLUDING DEFAULTS, PRIMARY KEY (metric_id));
CREATE TABLE IF NOT EXISTS api_usage_archive (LIKE api_usage INCLUDING DEFAULTS, PRIMARY KEY (usage_id));
CREATE TABLE IF NOT EXISTS audit_log_archive (LIKE audit_log INCLUDING DEFAULTS, PRIMARY KEY (log_id));
CREATE INDEX IF NOT EXISTS idx_orders_archive_time ON orders_archive (submitted_at);
CREATE INDEX IF NOT EXISTS idx_order_fills_archive_time ON order_fills_archive (created_at);
CREATE INDEX IF NOT EXISTS idx_trading_signals_archive_time ON trading_signals_archive (created_at);
CREATE INDEX IF NOT EXISTS idx_system_metrics_archive_time ON system_metrics_archive (recorded_at);
CREATE INDEX IF NOT EXISTS idx_api_usage_archive_time ON api_usage_archive (requested_at);
CREATE INDEX IF NOT EXISTS idx_audit_log_archive_time ON audit_log_archive (created_at);

-- Moves rows older than each policy's archive_after into <table>_archive and returns how many moved in all.
-- Each table's move is one statement (DELETE ... RETURNING feeding INSERT), so a row is either in the
-- live table or in the archive, never both and never neither. Children are archived before parents
-- (order_fills before orders) so a cascade never deletes an unarchived fill; a table whose rows are still
-- referenced (an order named by a strategy execution) is skipped with a warning and retried next run.
CREATE OR REPLACE FUNCTION archive_old_data()
RETURNS INTEGER AS $$
DECLARE
    policy RECORD;
    moved INTEGER;
    archived_count INTEGER := 0;
BEGIN
    FOR policy IN
        SELECT * FROM data_retention_policies WHERE is_active
        ORDER BY CASE table_name WHEN 'order_fills' THEN 0 WHEN 'orders' THEN 2 ELSE 1 END, table_name
    LOOP
        BEGIN
            EXECUTE format(
                'WITH moved AS (DELETE FROM %1$I WHERE %2$I < NOW() - %3$L::INTERVAL RETURNING *)
                 INSERT INTO %4$I SELECT * FROM moved',
                policy.table_name, policy.time_column, policy.archive_after, policy.table_name || '_archive');
            GET DIAGNOSTICS moved = ROW_COUNT;
            archived_count := archived_count + moved;
        EXCEPTION WHEN foreign_key_violation THEN
            RAISE WARNING 'archive of % skipped: %', policy.table_name, SQLERRM;
        END;
    END LOOP;
    RETURN archived_count;
END;
$$ LANGUAGE plpgsql;

-- Deletes archived rows older than each policy's delete_after; returns the total deleted.
CREATE OR REPLACE FUNCTION cleanup_expired_data()
RETURNS INTEGER AS $$
DECLARE
    policy RECORD;
    deleted INTEGER;
    deleted_count INTEGER := 0;
BEGIN
    FOR policy IN SELECT * FROM data_retention_policies WHERE is_active LOOP
        EXECUTE format('DELETE FROM %I WHERE %I < NOW() - %L::INTERVAL',
                       policy.table_name || '_archive', policy.time_column, policy.delete_after);
        GET DIAGNOSTICS deleted = ROW_COUNT;
        deleted_count := deleted_count + deleted;
    END LOOP;
    RETURN deleted_count;
END;
$$ LANGUAGE plpgsql;
