-- Migration: 20241130_004_backup_and_maintenance
-- Description: The seed's default backup configuration
-- The PostgreSQL maintenance functions have no SQLite counterpart: the application's scheduler runs
-- ANALYZE and the retention job there.

INSERT INTO backup_config (table_name, backup_type, frequency, retention_count) VALUES
('users', 'FULL', 'WEEKLY', 4),
('orders', 'INCREMENTAL', 'DAILY', 30),
('user_broker_accounts', 'FULL', 'WEEKLY', 4),
('strategies', 'FULL', 'WEEKLY', 4),
('trading_signals', 'INCREMENTAL', 'DAILY', 7);
