-- Migration: 20241130_003_data_retention
-- Description: Retention policies and their _archive tables
-- Periods are ISO 8601 durations (PERIOD_TEXT). SQLite has no stored procedures: the application's
-- retention job moves rows older than archive_after into <table>_archive, one transaction per batch.

INSERT INTO data_retention_policies (table_name, retention_period, archive_after, delete_after, time_column) VALUES
('orders', 'P2Y', 'P1Y', 'P2Y', 'submitted_at'),
('order_fills', 'P2Y', 'P1Y', 'P2Y', 'created_at'),
('trading_signals', 'P1Y', 'P6M', 'P1Y', 'created_at'),
('system_metrics', 'P30D', 'P7D', 'P30D', 'recorded_at'),
('api_usage', 'P90D', 'P30D', 'P90D', 'requested_at'),
('audit_log', 'P7Y', 'P3Y', 'P7Y', 'created_at')
ON CONFLICT (table_name) DO NOTHING;

-- Same columns and defaults as the live tables, no foreign keys: archived rows outlive their parents.
CREATE TABLE IF NOT EXISTS orders_archive (
    order_id UUID NOT NULL DEFAULT (lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)), 2) || '-' || substr('89ab', 1 + (abs(random()) % 4), 1) || substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6)))),
    user_id UUID NOT NULL,
    account_id UUID NOT NULL,
    client_order_id VARCHAR(100),
    broker_order_id VARCHAR(100),
    strategy_id UUID,
    symbol VARCHAR(20) NOT NULL,
    side VARCHAR(4) NOT NULL,
    order_type VARCHAR(10) NOT NULL,
    quantity DECIMAL_TEXT(20,8) NOT NULL,
    filled_quantity DECIMAL_TEXT(20,8) DEFAULT 0,
    limit_price DECIMAL_TEXT(15,8),
    stop_price DECIMAL_TEXT(15,8),
    average_fill_price DECIMAL_TEXT(15,8),
    time_in_force VARCHAR(10) DEFAULT 'DAY',
    good_till_date TIMESTAMP,
    status VARCHAR(20) NOT NULL,
    rejection_reason TEXT,
    order_source VARCHAR(20) DEFAULT 'MANUAL',
    commission DECIMAL_TEXT(10,4) DEFAULT 0,
    submitted_at TIMESTAMP NOT NULL DEFAULT (strftime('%Y-%m-%d %H:%M:%f', 'now')),
    filled_at TIMESTAMP,
    cancelled_at TIMESTAMP,
    updated_at TIMESTAMP DEFAULT (strftime('%Y-%m-%d %H:%M:%f', 'now')),
    PRIMARY KEY (order_id, submitted_at)
);
CREATE INDEX IF NOT EXISTS idx_orders_archive_time ON orders_archive (submitted_at);

CREATE TABLE IF NOT EXISTS order_fills_archive (
    fill_id UUID NOT NULL DEFAULT (lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)), 2) || '-' || substr('89ab', 1 + (abs(random()) % 4), 1) || substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6)))),
    order_id UUID NOT NULL,
    order_submitted_at TIMESTAMP NOT NULL,
    fill_quantity DECIMAL_TEXT(20,8) NOT NULL,
    fill_price DECIMAL_TEXT(15,8) NOT NULL,
    commission DECIMAL_TEXT(10,4) DEFAULT 0,
    liquidity_indicator VARCHAR(1),
    trade_id VARCHAR(100),
    exchange_time TIMESTAMP,
    created_at TIMESTAMP DEFAULT (strftime('%Y-%m-%d %H:%M:%f', 'now')),
    PRIMARY KEY (fill_id)
);
CREATE INDEX IF NOT EXISTS idx_order_fills_archive_time ON order_fills_archive (created_at);

CREATE TABLE IF NOT EXISTS trading_signals_archive (
    signal_id UUID NOT NULL DEFAULT (lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)), 2) || '-' || substr('89ab', 1 + (abs(random()) % 4), 1) || substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6)))),
    strategy_id UUID NOT NULL,
    symbol VARCHAR(20) NOT NULL,
    signal_type VARCHAR(10) NOT NULL,
    signal_strength DECIMAL_TEXT(5,4),
    signal_reason TEXT,
    technical_indicators JSON_TEXT,
    market_conditions JSON_TEXT,
    volatility DECIMAL_TEXT(10,6),
    volume_ratio DECIMAL_TEXT(10,4),
    recommended_quantity DECIMAL_TEXT(20,8),
    suggested_entry_price DECIMAL_TEXT(15,8),
    stop_loss_price DECIMAL_TEXT(15,8),
    take_profit_price DECIMAL_TEXT(15,8),
    status VARCHAR(20) DEFAULT 'ACTIVE',
    executed_at TIMESTAMP,
    expires_at TIMESTAMP,
    actual_entry_price DECIMAL_TEXT(15,8),
    actual_exit_price DECIMAL_TEXT(15,8),
    realized_pnl DECIMAL_TEXT(20,8),
    created_at TIMESTAMP DEFAULT (strftime('%Y-%m-%d %H:%M:%f', 'now')),
    PRIMARY KEY (signal_id)
);
CREATE INDEX IF NOT EXISTS idx_trading_signals_archive_time ON trading_signals_archive (created_at);

CREATE TABLE IF NOT EXISTS system_metrics_archive (
    metric_id UUID NOT NULL DEFAULT (lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)), 2) || '-' || substr('89ab', 1 + (abs(random()) % 4), 1) || substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6)))),
    metric_name VARCHAR(100) NOT NULL,
    metric_category VARCHAR(50) NOT NULL,
    metric_value DECIMAL_TEXT(20,8),
    metric_unit VARCHAR(20),
    service_name VARCHAR(50),
    endpoint VARCHAR(100),
    broker_id VARCHAR(50),
    recorded_at TIMESTAMP DEFAULT (strftime('%Y-%m-%d %H:%M:%f', 'now')),
    PRIMARY KEY (metric_id)
);
CREATE INDEX IF NOT EXISTS idx_system_metrics_archive_time ON system_metrics_archive (recorded_at);

CREATE TABLE IF NOT EXISTS api_usage_archive (
    usage_id UUID NOT NULL DEFAULT (lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)), 2) || '-' || substr('89ab', 1 + (abs(random()) % 4), 1) || substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6)))),
    user_id UUID,
    api_key_id UUID,
    endpoint VARCHAR(200) NOT NULL,
    http_method VARCHAR(10) NOT NULL,
    response_time_ms INTEGER,
    status_code INTEGER,
    request_size_bytes INTEGER,
    response_size_bytes INTEGER,
    rate_limit_remaining INTEGER,
    rate_limit_reset TIMESTAMP,
    ip_address INET_TEXT,
    user_agent TEXT,
    requested_at TIMESTAMP DEFAULT (strftime('%Y-%m-%d %H:%M:%f', 'now')),
    PRIMARY KEY (usage_id)
);
CREATE INDEX IF NOT EXISTS idx_api_usage_archive_time ON api_usage_archive (requested_at);

CREATE TABLE IF NOT EXISTS audit_log_archive (
    log_id UUID NOT NULL DEFAULT (lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)), 2) || '-' || substr('89ab', 1 + (abs(random()) % 4), 1) || substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6)))),
    user_id UUID,
    api_key_id UUID,
    session_id UUID,
    action VARCHAR(100) NOT NULL,
    resource_type VARCHAR(50),
    resource_id VARCHAR(100),
    old_values JSON_TEXT,
    new_values JSON_TEXT,
    metadata JSON_TEXT,
    ip_address INET_TEXT,
    user_agent TEXT,
    endpoint VARCHAR(200),
    created_at TIMESTAMP DEFAULT (strftime('%Y-%m-%d %H:%M:%f', 'now')),
    PRIMARY KEY (log_id)
);
CREATE INDEX IF NOT EXISTS idx_audit_log_archive_time ON audit_log_archive (created_at);
