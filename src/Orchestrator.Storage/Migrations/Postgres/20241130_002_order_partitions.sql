-- Migration: 20241130_002_order_partitions
-- Description: Monthly partitions of orders and a DEFAULT partition
-- Partitions are created ahead of time by an idempotent function; the DEFAULT partition means an order
-- of any date is accepted (defect 3).

-- Rows outside every monthly partition land here: an insert never fails for want of a partition.
CREATE TABLE IF NOT EXISTS orders_default PARTITION OF orders DEFAULT;

-- Creates the monthly partitions orders_yYYYYmMM covering [p_from, p_from + p_months months).
-- Idempotent: a month whose partition exists is skipped. A month that already has rows in the DEFAULT
-- partition is skipped too (PostgreSQL refuses to create it, and moving those rows would fire the
-- ON DELETE CASCADE of order_fills); such rows stay, correctly, in the DEFAULT partition.
-- Returns the number of partitions it created.
CREATE OR REPLACE FUNCTION create_monthly_partitions(p_table TEXT, p_from DATE, p_months INTEGER)
RETURNS INTEGER AS $$
DECLARE
    month_start DATE;
    month_end DATE;
    partition_name TEXT;
    created INTEGER := 0;
    default_has_rows BOOLEAN;
BEGIN
    IF p_table <> 'orders' THEN
        RAISE EXCEPTION 'create_monthly_partitions: % is not partitioned by month', p_table;
    END IF;
    FOR i IN 0 .. p_months - 1 LOOP
        month_start := (date_trunc('month', p_from) + make_interval(months => i))::DATE;
        month_end := (month_start + INTERVAL '1 month')::DATE;
        partition_name := format('%s_y%sm%s', p_table, to_char(month_start, 'YYYY'), to_char(month_start, 'MM'));
        CONTINUE WHEN to_regclass(partition_name) IS NOT NULL;
        EXECUTE format('SELECT EXISTS (SELECT 1 FROM %I WHERE submitted_at >= %L AND submitted_at < %L)',
                       p_table || '_default', month_start, month_end)
            INTO default_has_rows;
        IF default_has_rows THEN
            RAISE NOTICE 'partition % skipped: its month already has rows in %_default', partition_name, p_table;
            CONTINUE;
        END IF;
        EXECUTE format('CREATE TABLE %I PARTITION OF %I FOR VALUES FROM (%L) TO (%L)',
                       partition_name, p_table, month_start, month_end);
        created := created + 1;
    END LOOP;
    RETURN created;
END;
$$ LANGUAGE plpgsql;

-- The seed's one-argument form: next month's partition. Kept for its callers; the schedule uses the
-- three-argument form with a longer horizon.
CREATE OR REPLACE FUNCTION create_monthly_partitions(table_name TEXT)
RETURNS void AS $$
BEGIN
    PERFORM create_monthly_partitions(table_name, (date_trunc('month', CURRENT_DATE) + INTERVAL '1 month')::DATE, 1);
END;
$$ LANGUAGE plpgsql;

-- The months in use: the previous three and the next twelve, from the day the migration runs.
SELECT create_monthly_partitions('orders', (date_trunc('month', CURRENT_DATE) - INTERVAL '3 months')::DATE, 16);
