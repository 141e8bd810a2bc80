-- Migration: 20241130_004_backup_and_maintenance
-- Description: The seed's default backup configuration, maintenance functions and their schedule
-- Defects 7 and 8 are fixed; the pg_cron schedule is created where pg_cron is installed.

INSERT INTO backup_config (table_name, backup_type, frequency, retention_count) VALUES
('users', 'FULL', 'WEEKLY', 4),
('orders', 'INCREMENTAL', 'DAILY', 30),
('user_broker_accounts', 'FULL', 'WEEKLY', 4),
('strategies', 'FULL', 'WEEKLY', 4),
('trading_signals', 'INCREMENTAL', 'DAILY', 7);

-- ANALYZE on the hot tables. ANALYZE of a partitioned table also samples its partitions, so the seed's
-- nested DO block over orders_y% (which does not parse: defect 7) is a plain loop here for explicitness.
CREATE OR REPLACE FUNCTION update_table_statistics()
RETURNS void AS $$
DECLARE
    partition_name TEXT;
BEGIN
    ANALYZE users;
    ANALYZE orders;
    ANALYZE trading_signals;
    ANALYZE strategies;
    ANALYZE account_positions;
    FOR partition_name IN
        SELECT format('%I.%I', schemaname, tablename) FROM pg_tables WHERE tablename LIKE 'orders\_y%'
    LOOP
        EXECUTE 'ANALYZE ' || partition_name;
    END LOOP;
END;
$$ LANGUAGE plpgsql;

-- Reindexes the indexes of tables whose dead tuples exceed 20% of live ones (at least 1,000 dead):
-- the churn that leaves B-tree pages half empty. The seed's random tenth "for demo" is gone (defect 8).
-- Returns the number of indexes rebuilt.
CREATE OR REPLACE FUNCTION reindex_fragmented_indexes()
RETURNS INTEGER AS $$
DECLARE
    idx_record RECORD;
    reindexed_count INTEGER := 0;
BEGIN
    FOR idx_record IN
        SELECT i.schemaname, i.indexrelname
        FROM pg_stat_user_indexes i
        JOIN pg_stat_user_tables t ON t.relid = i.relid
        JOIN pg_class c ON c.oid = i.indexrelid
        WHERE i.schemaname = 'public'
          AND c.relkind = 'i'
          AND t.n_dead_tup >= 1000
          AND t.n_dead_tup > 0.2 * GREATEST(t.n_live_tup, 1)
    LOOP
        EXECUTE format('REINDEX INDEX %I.%I', idx_record.schemaname, idx_record.indexrelname);
        reindexed_count := reindexed_count + 1;
    END LOOP;
    RETURN reindexed_count;
END;
$$ LANGUAGE plpgsql;

-- pg_cron can only be created by a superuser in the database named by cron.database_name. Where that is
-- not this database, or pg_cron is absent, the application's own scheduler runs the same functions.
DO $$
BEGIN
    IF EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'pg_cron') THEN
        PERFORM cron.schedule('daily-maintenance', '0 2 * * *',
            'SELECT update_table_statistics(); SELECT reindex_fragmented_indexes(); SELECT archive_old_data();');
        PERFORM cron.schedule('weekly-cleanup', '0 3 * * 0',
            'SELECT cleanup_expired_data(); SELECT create_monthly_partitions(''orders'', CURRENT_DATE, 12);');
    ELSE
        RAISE NOTICE 'pg_cron is not installed in this database; maintenance runs from the application scheduler';
    END IF;
EXCEPTION WHEN OTHERS THEN
    RAISE NOTICE 'pg_cron schedule not created (%); maintenance runs from the application scheduler', SQLERRM;
END $$;
