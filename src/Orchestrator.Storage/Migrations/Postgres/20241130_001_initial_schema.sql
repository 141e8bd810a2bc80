-- Migration: 20241130_001_initial_schema
-- Description: The seed's tables with their columns, defaults, keys and indexes
--
-- Deviations from the seed's SQL, each required by spec/NOTES.md:
--  * Indexes are created with CREATE INDEX, not MySQL's inline INDEX (defect 1).
--  * orders is range-partitioned by month on submitted_at. PostgreSQL requires every unique key of a
--    partitioned table to contain the partition key, so the primary key is (order_id, submitted_at) and the
--    referencing tables (order_fills, strategy_executions) carry order_submitted_at beside order_id for a
--    composite foreign key (defect 2). order_id alone stays unique in practice (UUIDv7 from the application).
--  * market_data_1m keeps only its primary key on (symbol, timestamp); the seed's duplicate index is gone
--    (defect 10).
--  * session_token, refresh_token, verification_token and api_key_hash store SHA-256 hashes, never the
--    token itself (defect 13).
--  * Foreign keys keep the seed's ON DELETE rules exactly; users are normally soft-deleted (deleted_at).
--  * Instants are TIMESTAMPTZ (UTC) instead of TIMESTAMP: same type family, no time-zone ambiguity.
--  * risk_alerts.risk_metrics gets the GIN index the seed put on risk_calculations (defect 6).

CREATE EXTENSION IF NOT EXISTS pgcrypto;

-- 1. Users and authentication -----------------------------------------------------------------------

CREATE TABLE users (
    user_id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    email VARCHAR(255) UNIQUE NOT NULL,
    password_hash VARCHAR(255) NOT NULL,
    first_name VARCHAR(100) NOT NULL,
    last_name VARCHAR(100) NOT NULL,
    phone VARCHAR(20),
    date_of_birth DATE,
    country_code VARCHAR(3),
    timezone VARCHAR(50) DEFAULT 'UTC',
    is_active BOOLEAN DEFAULT true,
    is_verified BOOLEAN DEFAULT false,
    verification_token VARCHAR(255),
    verification_expires TIMESTAMPTZ,
    preferred_currency VARCHAR(3) DEFAULT 'USD',
    risk_tolerance VARCHAR(20) DEFAULT 'MODERATE'
        CHECK (risk_tolerance IN ('CONSERVATIVE', 'MODERATE', 'AGGRESSIVE')),
    max_daily_loss DECIMAL(15,2) DEFAULT 1000.00,
    created_at TIMESTAMPTZ DEFAULT CURRENT_TIMESTAMP,
    updated_at TIMESTAMPTZ DEFAULT CURRENT_TIMESTAMP,
    last_login TIMESTAMPTZ,
    deleted_at TIMESTAMPTZ
);

CREATE TABLE user_sessions (
    session_id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    user_id UUID NOT NULL REFERENCES users(user_id) ON DELETE CASCADE,
    session_token VARCHAR(255) UNIQUE NOT NULL,
    refresh_token VARCHAR(255) UNIQUE,
    ip_address INET,
    user_agent TEXT,
    expires_at TIMESTAMPTZ NOT NULL,
    created_at TIMESTAMPTZ DEFAULT CURRENT_TIMESTAMP
);
CREATE INDEX idx_user_sessions_user_id ON user_sessions (user_id);
CREATE INDEX idx_user_sessions_token ON user_sessions (session_token);
CREATE INDEX idx_user_sessions_expires ON user_sessions (expires_at);

CREATE TABLE user_api_keys (
    api_key_id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    user_id UUID NOT NULL REFERENCES users(user_id) ON DELETE CASCADE,
    key_name VARCHAR(100) NOT NULL,
    api_key_hash VARCHAR(255) NOT NULL,
    api_key_prefix VARCHAR(20) NOT NULL,
    can_read BOOLEAN DEFAULT true,
    can_write BOOLEAN DEFAULT false,
    can_trade BOOLEAN DEFAULT false,
    rate_limit_per_hour INTEGER DEFAULT 1000,
    allowed_ips INET[],
    allowed_endpoints TEXT[],
    is_active BOOLEAN DEFAULT true,
    last_used_at TIMESTAMPTZ,
    expires_at TIMESTAMPTZ,
    created_at TIMESTAMPTZ DEFAULT CURRENT_TIMESTAMP,
    updated_at TIMESTAMPTZ DEFAULT CURRENT_TIMESTAMP,
    UNIQUE (user_id, key_name)
);
CREATE INDEX idx_api_keys_user ON user_api_keys (user_id);
CREATE INDEX idx_api_keys_hash ON user_api_keys (api_key_hash);

-- 2. Broker accounts --------------------------------------------------------------------------------

CREATE TABLE brokers (
    broker_id VARCHAR(50) PRIMARY KEY,
    broker_name VARCHAR(100) NOT NULL,
    broker_type VARCHAR(20) NOT NULL CHECK (broker_type IN ('EQUITY', 'FOREX', 'CRYPTO', 'FUTURES')),
    base_url VARCHAR(255),
    documentation_url VARCHAR(255),
    is_active BOOLEAN DEFAULT true,
    created_at TIMESTAMPTZ DEFAULT CURRENT_TIMESTAMP
);

CREATE TABLE user_broker_accounts (
    account_id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    user_id UUID NOT NULL REFERENCES users(user_id) ON DELETE CASCADE,
    broker_id VARCHAR(50) NOT NULL REFERENCES brokers(broker_id),
    account_name VARCHAR(100),
    broker_account_id VARCHAR(100) NOT NULL,
    encrypted_credentials BYTEA,
    account_type VARCHAR(20) DEFAULT 'INDIVIDUAL' CHECK (account_type IN ('INDIVIDUAL', 'JOINT', 'CORPORATE')),
    currency VARCHAR(3) DEFAULT 'USD',
    base_currency VARCHAR(3) DEFAULT 'USD',
    is_connected BOOLEAN DEFAULT false,
    last_connected_at TIMESTAMPTZ,
    connection_error TEXT,
    max_position_size DECIMAL(15,2),
    max_daily_volume DECIMAL(15,2),
    allowed_symbols TEXT[],
    created_at TIMESTAMPTZ DEFAULT CURRENT_TIMESTAMP,
    updated_at TIMESTAMPTZ DEFAULT CURRENT_TIMESTAMP,
    deleted_at TIMESTAMPTZ,
    UNIQUE (user_id, broker_id, broker_account_id)
);
CREATE INDEX idx_broker_accounts_user ON user_broker_accounts (user_id);
CREATE INDEX idx_broker_accounts_broker ON user_broker_accounts (broker_id);
CREATE INDEX idx_broker_accounts_connected ON user_broker_accounts (is_connected);

CREATE TABLE account_positions (
    position_id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    account_id UUID NOT NULL REFERENCES user_broker_accounts(account_id) ON DELETE CASCADE,
    symbol VARCHAR(20) NOT NULL,
    quantity DECIMAL(20,8) NOT NULL,
    average_price DECIMAL(15,8) NOT NULL,
    current_price DECIMAL(15,8),
    position_type VARCHAR(10) NOT NULL CHECK (position_type IN ('LONG', 'SHORT')),
    sector VARCHAR(50),
    asset_class VARCHAR(20),
    opened_at TIMESTAMPTZ NOT NULL,
    updated_at TIMESTAMPTZ DEFAULT CURRENT_TIMESTAMP,
    closed_at TIMESTAMPTZ
);
CREATE INDEX idx_positions_account ON account_positions (account_id);
CREATE INDEX idx_positions_symbol ON account_positions (symbol);
-- The seed names two indexes idx_positions_open; this plain one is renamed, the partial one below keeps it.
CREATE INDEX idx_positions_opened_at ON account_positions (opened_at);
CREATE INDEX idx_positions_type ON account_positions (position_type);

CREATE TABLE account_balances (
    balance_id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    account_id UUID NOT NULL REFERENCES user_broker_accounts(account_id) ON DELETE CASCADE,
    currency VARCHAR(3) NOT NULL,
    cash_balance DECIMAL(20,8) DEFAULT 0,
    buying_power DECIMAL(20,8) DEFAULT 0,
    portfolio_value DECIMAL(20,8) DEFAULT 0,
    margin_used DECIMAL(20,8) DEFAULT 0,
    margin_available DECIMAL(20,8) DEFAULT 0,
    recorded_at TIMESTAMPTZ DEFAULT CURRENT_TIMESTAMP,
    UNIQUE (account_id, currency, recorded_at)
);
CREATE INDEX idx_balances_account ON account_balances (account_id);
CREATE INDEX idx_balances_recorded ON account_balances (recorded_at);

-- 3. Orders and executions --------------------------------------------------------------------------

-- Partitioned by month on submitted_at (see 20241130_002_order_partitions for the partitions themselves).
CREATE TABLE orders (
    order_id UUID NOT NULL DEFAULT gen_random_uuid(),
    user_id UUID NOT NULL REFERENCES users(user_id),
    account_id UUID NOT NULL REFERENCES user_broker_accounts(account_id),
    client_order_id VARCHAR(100),
    broker_order_id VARCHAR(100),
    strategy_id UUID,
    symbol VARCHAR(20) NOT NULL,
    side VARCHAR(4) NOT NULL CHECK (side IN ('BUY', 'SELL')),
    order_type VARCHAR(10) NOT NULL CHECK (order_type IN ('MARKET', 'LIMIT', 'STOP', 'STOP_LIMIT')),
    quantity DECIMAL(20,8) NOT NULL CHECK (quantity > 0),
    filled_quantity DECIMAL(20,8) DEFAULT 0,
    limit_price DECIMAL(15,8),
    stop_price DECIMAL(15,8),
    average_fill_price DECIMAL(15,8),
    time_in_force VARCHAR(10) DEFAULT 'DAY' CHECK (time_in_force IN ('DAY', 'GTC', 'IOC', 'FOK', 'GTD')),
    good_till_date TIMESTAMPTZ,
    status VARCHAR(20) NOT NULL
        CHECK (status IN ('NEW', 'PARTIALLY_FILLED', 'FILLED', 'CANCELLED', 'REJECTED', 'EXPIRED')),
    rejection_reason TEXT,
    order_source VARCHAR(20) DEFAULT 'MANUAL' CHECK (order_source IN ('MANUAL', 'STRATEGY', 'API')),
    commission DECIMAL(10,4) DEFAULT 0,
    -- NOT NULL because it is the partition key (the seed's DEFAULT already made it always present).
    submitted_at TIMESTAMPTZ NOT NULL DEFAULT CURRENT_TIMESTAMP,
    filled_at TIMESTAMPTZ,
    cancelled_at TIMESTAMPTZ,
    updated_at TIMESTAMPTZ DEFAULT CURRENT_TIMESTAMP,
    CHECK (filled_quantity >= 0 AND filled_quantity <= quantity),
    PRIMARY KEY (order_id, submitted_at)
) PARTITION BY RANGE (submitted_at);
CREATE INDEX idx_orders_user ON orders (user_id);
CREATE INDEX idx_orders_account ON orders (account_id);
CREATE INDEX idx_orders_symbol ON orders (symbol);
CREATE INDEX idx_orders_status ON orders (status);
CREATE INDEX idx_orders_submitted ON orders (submitted_at);
CREATE INDEX idx_orders_strategy ON orders (strategy_id);
CREATE INDEX idx_orders_order_id ON orders (order_id);

CREATE TABLE order_fills (
    fill_id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    order_id UUID NOT NULL,
    -- Carried so the foreign key can name orders' full primary key (order_id, submitted_at): defect 2.
    order_submitted_at TIMESTAMPTZ NOT NULL,
    fill_quantity DECIMAL(20,8) NOT NULL CHECK (fill_quantity > 0),
    fill_price DECIMAL(15,8) NOT NULL,
    commission DECIMAL(10,4) DEFAULT 0,
    liquidity_indicator VARCHAR(1) CHECK (liquidity_indicator IN ('P', 'A')),
    trade_id VARCHAR(100),
    exchange_time TIMESTAMPTZ,
    created_at TIMESTAMPTZ DEFAULT CURRENT_TIMESTAMP,
    FOREIGN KEY (order_id, order_submitted_at) REFERENCES orders (order_id, submitted_at) ON DELETE CASCADE
);
CREATE INDEX idx_fills_order ON order_fills (order_id);
CREATE INDEX idx_fills_trade_id ON order_fills (trade_id);

-- 4. Market data ------------------------------------------------------------------------------------

CREATE TABLE market_symbols (
    symbol_id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    symbol VARCHAR(20) UNIQUE NOT NULL,
    company_name VARCHAR(255),
    exchange VARCHAR(50) NOT NULL,
    sector VARCHAR(50),
    industry VARCHAR(100),
    asset_class VARCHAR(20) NOT NULL,
    currency VARCHAR(3) NOT NULL,
    tick_size DECIMAL(10,8),
    contract_size DECIMAL(15,8),
    is_active BOOLEAN DEFAULT true,
    trading_hours JSONB,
    created_at TIMESTAMPTZ DEFAULT CURRENT_TIMESTAMP,
    updated_at TIMESTAMPTZ DEFAULT CURRENT_TIMESTAMP
);
CREATE INDEX idx_symbols_exchange ON market_symbols (exchange);
CREATE INDEX idx_symbols_asset_class ON market_symbols (asset_class);
CREATE INDEX idx_symbols_active ON market_symbols (is_active);

CREATE TABLE market_data_1m (
    symbol VARCHAR(20) NOT NULL,
    timestamp TIMESTAMPTZ NOT NULL,
    open_price DECIMAL(15,8) NOT NULL,
    high_price DECIMAL(15,8) NOT NULL,
    low_price DECIMAL(15,8) NOT NULL,
    close_price DECIMAL(15,8) NOT NULL,
    volume BIGINT DEFAULT 0,
    vwap DECIMAL(15,8),
    bid DECIMAL(15,8),
    ask DECIMAL(15,8),
    bid_size INTEGER,
    ask_size INTEGER,
    PRIMARY KEY (symbol, timestamp)
);
-- idx_market_data_1m_symbol_time would repeat the primary key (defect 10); only the time index is added.
CREATE INDEX idx_market_data_1m_timestamp ON market_data_1m (timestamp);

-- 5. Strategies and signals -------------------------------------------------------------------------

CREATE TABLE strategies (
    strategy_id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    user_id UUID NOT NULL REFERENCES users(user_id) ON DELETE CASCADE,
    strategy_name VARCHAR(100) NOT NULL,
    strategy_type VARCHAR(50) NOT NULL,
    strategy_category VARCHAR(30),
    parameters JSONB,
    risk_settings JSONB,
    description TEXT,
    author VARCHAR(100),
    version VARCHAR(20) DEFAULT '1.0.0',
    is_active BOOLEAN DEFAULT false,
    is_public BOOLEAN DEFAULT false,
    total_trades INTEGER DEFAULT 0,
    winning_trades INTEGER DEFAULT 0,
    total_pnl DECIMAL(20,8) DEFAULT 0,
    max_drawdown DECIMAL(10,4) DEFAULT 0,
    sharpe_ratio DECIMAL(10,4),
    created_at TIMESTAMPTZ DEFAULT CURRENT_TIMESTAMP,
    updated_at TIMESTAMPTZ DEFAULT CURRENT_TIMESTAMP,
    last_run_at TIMESTAMPTZ
);
CREATE INDEX idx_strategies_user ON strategies (user_id);
CREATE INDEX idx_strategies_type ON strategies (strategy_type);
CREATE INDEX idx_strategies_active ON strategies (is_active);
CREATE INDEX idx_strategies_public ON strategies (is_public);

CREATE TABLE trading_signals (
    signal_id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    strategy_id UUID NOT NULL REFERENCES strategies(strategy_id) ON DELETE CASCADE,
    symbol VARCHAR(20) NOT NULL,
    signal_type VARCHAR(10) NOT NULL CHECK (signal_type IN ('BUY', 'SELL', 'CLOSE')),
    signal_strength DECIMAL(5,4) CHECK (signal_strength BETWEEN 0 AND 1),
    signal_reason TEXT,
    technical_indicators JSONB,
    market_conditions JSONB,
    volatility DECIMAL(10,6),
    volume_ratio DECIMAL(10,4),
    recommended_quantity DECIMAL(20,8),
    suggested_entry_price DECIMAL(15,8),
    stop_loss_price DECIMAL(15,8),
    take_profit_price DECIMAL(15,8),
    status VARCHAR(20) DEFAULT 'ACTIVE' CHECK (status IN ('ACTIVE', 'EXECUTED', 'EXPIRED', 'CANCELLED')),
    executed_at TIMESTAMPTZ,
    expires_at TIMESTAMPTZ,
    actual_entry_price DECIMAL(15,8),
    actual_exit_price DECIMAL(15,8),
    realized_pnl DECIMAL(20,8),
    created_at TIMESTAMPTZ DEFAULT CURRENT_TIMESTAMP
);
CREATE INDEX idx_signals_strategy ON trading_signals (strategy_id);
CREATE INDEX idx_signals_symbol ON trading_signals (symbol);
CREATE INDEX idx_signals_created ON trading_signals (created_at);
CREATE INDEX idx_signals_status ON trading_signals (status);

CREATE TABLE strategy_executions (
    execution_id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    signal_id UUID NOT NULL REFERENCES trading_signals(signal_id),
    order_id UUID NOT NULL,
    -- See order_fills.order_submitted_at: the composite key into the partitioned orders table.
    order_submitted_at TIMESTAMPTZ NOT NULL,
    execution_type VARCHAR(20) NOT NULL CHECK (execution_type IN ('ENTRY', 'EXIT', 'ADJUSTMENT')),
    execution_price DECIMAL(15,8) NOT NULL,
    execution_quantity DECIMAL(20,8) NOT NULL,
    pnl DECIMAL(20,8),
    pnl_percentage DECIMAL(10,6),
    slippage DECIMAL(10,6),
    latency_ms INTEGER,
    created_at TIMESTAMPTZ DEFAULT CURRENT_TIMESTAMP,
    FOREIGN KEY (order_id, order_submitted_at) REFERENCES orders (order_id, submitted_at)
);
CREATE INDEX idx_executions_signal ON strategy_executions (signal_id);
CREATE INDEX idx_executions_order ON strategy_executions (order_id);
CREATE INDEX idx_executions_type ON strategy_executions (execution_type);

-- 6. Strategy management ----------------------------------------------------------------------------

CREATE TABLE strategy_templates (
    template_id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    template_name VARCHAR(100) NOT NULL,
    template_type VARCHAR(50) NOT NULL,
    description TEXT,
    default_parameters JSONB NOT NULL,
    default_risk_settings JSONB,
    author VARCHAR(100),
    version VARCHAR(20) DEFAULT '1.0.0',
    category VARCHAR(30),
    tags TEXT[],
    is_premium BOOLEAN DEFAULT false,
    license_type VARCHAR(20) DEFAULT 'FREE' CHECK (license_type IN ('FREE', 'PREMIUM', 'SUBSCRIPTION')),
    is_active BOOLEAN DEFAULT true,
    is_verified BOOLEAN DEFAULT false,
    verification_date TIMESTAMPTZ,
    created_at TIMESTAMPTZ DEFAULT CURRENT_TIMESTAMP,
    updated_at TIMESTAMPTZ DEFAULT CURRENT_TIMESTAMP
);
CREATE INDEX idx_templates_type ON strategy_templates (template_type);
CREATE INDEX idx_templates_active ON strategy_templates (is_active);
CREATE INDEX idx_templates_premium ON strategy_templates (is_premium);

CREATE TABLE user_strategies (
    user_strategy_id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    user_id UUID NOT NULL REFERENCES users(user_id) ON DELETE CASCADE,
    template_id UUID REFERENCES strategy_templates(template_id),
    strategy_name VARCHAR(100) NOT NULL,
    is_active BOOLEAN DEFAULT false,
    parameters JSONB,
    risk_settings JSONB,
    trading_schedule JSONB,
    total_trades INTEGER DEFAULT 0,
    total_pnl DECIMAL(20,8) DEFAULT 0,
    win_rate DECIMAL(5,4),
    max_drawdown DECIMAL(10,4) DEFAULT 0,
    created_at TIMESTAMPTZ DEFAULT CURRENT_TIMESTAMP,
    updated_at TIMESTAMPTZ DEFAULT CURRENT_TIMESTAMP,
    last_run_at TIMESTAMPTZ
);
CREATE INDEX idx_user_strategies_user ON user_strategies (user_id);
CREATE INDEX idx_user_strategies_active ON user_strategies (is_active);
CREATE INDEX idx_user_strategies_template ON user_strategies (template_id);

CREATE TABLE strategy_backtests (
    backtest_id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    strategy_id UUID NOT NULL REFERENCES strategies(strategy_id),
    start_date DATE NOT NULL,
    end_date DATE NOT NULL,
    initial_capital DECIMAL(20,8) NOT NULL,
    commission_rate DECIMAL(6,4) DEFAULT 0.001,
    final_value DECIMAL(20,8) NOT NULL,
    total_return DECIMAL(10,6) NOT NULL,
    annualized_return DECIMAL(10,6),
    volatility DECIMAL(10,6),
    sharpe_ratio DECIMAL(10,6),
    max_drawdown DECIMAL(10,6),
    win_rate DECIMAL(5,4),
    profit_factor DECIMAL(10,4),
    total_trades INTEGER,
    winning_trades INTEGER,
    losing_trades INTEGER,
    avg_win DECIMAL(15,8),
    avg_loss DECIMAL(15,8),
    largest_win DECIMAL(20,8),
    largest_loss DECIMAL(20,8),
    notes TEXT,
    created_at TIMESTAMPTZ DEFAULT CURRENT_TIMESTAMP,
    CHECK (end_date >= start_date)
);
CREATE INDEX idx_backtests_strategy ON strategy_backtests (strategy_id);
CREATE INDEX idx_backtests_period ON strategy_backtests (start_date, end_date);

-- 7. Risk management --------------------------------------------------------------------------------

CREATE TABLE risk_profiles (
    profile_id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    user_id UUID NOT NULL REFERENCES users(user_id) ON DELETE CASCADE,
    profile_name VARCHAR(100) NOT NULL,
    description TEXT,
    max_position_size DECIMAL(15,8),
    max_sector_concentration DECIMAL(5,4) DEFAULT 0.30,
    max_correlation_exposure DECIMAL(5,4) DEFAULT 0.50,
    max_daily_loss DECIMAL(15,8),
    max_portfolio_risk DECIMAL(5,4) DEFAULT 0.02,
    max_long_positions INTEGER DEFAULT 20,
    max_short_positions INTEGER DEFAULT 10,
    min_cash_percentage DECIMAL(5,4) DEFAULT 0.05,
    default_stop_loss_percentage DECIMAL(5,4) DEFAULT 0.02,
    trailing_stop_enabled BOOLEAN DEFAULT true,
    trailing_stop_percentage DECIMAL(5,4) DEFAULT 0.01,
    created_at TIMESTAMPTZ DEFAULT CURRENT_TIMESTAMP,
    updated_at TIMESTAMPTZ DEFAULT CURRENT_TIMESTAMP
);
CREATE INDEX idx_risk_profiles_user ON risk_profiles (user_id);

CREATE TABLE risk_calculations (
    calculation_id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    user_id UUID NOT NULL REFERENCES users(user_id),
    account_id UUID REFERENCES user_broker_accounts(account_id),
    portfolio_value DECIMAL(20,8) NOT NULL,
    cash_balance DECIMAL(20,8) NOT NULL,
    invested_amount DECIMAL(20,8) NOT NULL,
    portfolio_var_1d DECIMAL(20,8),
    portfolio_var_5d DECIMAL(20,8),
    expected_shortfall DECIMAL(20,8),
    portfolio_beta DECIMAL(10,6),
    sector_concentrations JSONB,
    symbol_concentrations JSONB,
    correlation_risk DECIMAL(10,6),
    long_exposure DECIMAL(20,8),
    short_exposure DECIMAL(20,8),
    net_exposure DECIMAL(20,8),
    illiquid_positions JSONB,
    portfolio_turnover DECIMAL(10,6),
    calculated_at TIMESTAMPTZ DEFAULT CURRENT_TIMESTAMP
);
CREATE INDEX idx_risk_calculations_user ON risk_calculations (user_id);
CREATE INDEX idx_risk_calculations_account ON risk_calculations (account_id);
CREATE INDEX idx_risk_calculations_time ON risk_calculations (calculated_at);

CREATE TABLE risk_alerts (
    alert_id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    user_id UUID NOT NULL REFERENCES users(user_id),
    alert_type VARCHAR(50) NOT NULL,
    severity VARCHAR(20) NOT NULL CHECK (severity IN ('LOW', 'MEDIUM', 'HIGH', 'CRITICAL')),
    title VARCHAR(255) NOT NULL,
    message TEXT NOT NULL,
    symbol VARCHAR(20),
    current_value DECIMAL(20,8),
    threshold_value DECIMAL(20,8),
    violation_percentage DECIMAL(10,6),
    risk_metrics JSONB,
    is_acknowledged BOOLEAN DEFAULT false,
    acknowledged_at TIMESTAMPTZ,
    acknowledged_by UUID,
    resolution_action TEXT,
    resolved_at TIMESTAMPTZ,
    created_at TIMESTAMPTZ DEFAULT CURRENT_TIMESTAMP
);
CREATE INDEX idx_risk_alerts_user ON risk_alerts (user_id);
CREATE INDEX idx_risk_alerts_type ON risk_alerts (alert_type);
CREATE INDEX idx_risk_alerts_severity ON risk_alerts (severity);
CREATE INDEX idx_risk_alerts_created ON risk_alerts (created_at);
CREATE INDEX idx_risk_alerts_acknowledged ON risk_alerts (is_acknowledged);

-- 8. System monitoring ------------------------------------------------------------------------------

CREATE TABLE system_metrics (
    metric_id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    metric_name VARCHAR(100) NOT NULL,
    metric_category VARCHAR(50) NOT NULL,
    metric_value DECIMAL(20,8),
    metric_unit VARCHAR(20),
    service_name VARCHAR(50),
    endpoint VARCHAR(100),
    broker_id VARCHAR(50),
    recorded_at TIMESTAMPTZ DEFAULT CURRENT_TIMESTAMP
);
CREATE INDEX idx_metrics_name ON system_metrics (metric_name);
CREATE INDEX idx_metrics_category ON system_metrics (metric_category);
CREATE INDEX idx_metrics_service ON system_metrics (service_name);
CREATE INDEX idx_metrics_recorded ON system_metrics (recorded_at);

CREATE TABLE api_usage (
    usage_id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    user_id UUID REFERENCES users(user_id),
    api_key_id UUID REFERENCES user_api_keys(api_key_id),
    endpoint VARCHAR(200) NOT NULL,
    http_method VARCHAR(10) NOT NULL,
    response_time_ms INTEGER,
    status_code INTEGER,
    request_size_bytes INTEGER,
    response_size_bytes INTEGER,
    rate_limit_remaining INTEGER,
    rate_limit_reset TIMESTAMPTZ,
    ip_address INET,
    user_agent TEXT,
    requested_at TIMESTAMPTZ DEFAULT CURRENT_TIMESTAMP
);
CREATE INDEX idx_api_usage_user ON api_usage (user_id);
CREATE INDEX idx_api_usage_endpoint ON api_usage (endpoint);
CREATE INDEX idx_api_usage_requested ON api_usage (requested_at);
CREATE INDEX idx_api_usage_key ON api_usage (api_key_id);

-- No foreign keys, as in the seed: the audit trail outlives the users and keys it names.
CREATE TABLE audit_log (
    log_id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    user_id UUID,
    api_key_id UUID,
    session_id UUID,
    action VARCHAR(100) NOT NULL,
    resource_type VARCHAR(50),
    resource_id VARCHAR(100),
    old_values JSONB,
    new_values JSONB,
    metadata JSONB,
    ip_address INET,
    user_agent TEXT,
    endpoint VARCHAR(200),
    created_at TIMESTAMPTZ DEFAULT CURRENT_TIMESTAMP
);
CREATE INDEX idx_audit_user ON audit_log (user_id);
CREATE INDEX idx_audit_action ON audit_log (action);
CREATE INDEX idx_audit_resource ON audit_log (resource_type, resource_id);
CREATE INDEX idx_audit_created ON audit_log (created_at);

-- 9. Indexing strategy (the seed's composite, partial, expression and GIN indexes) ------------------
-- Created plainly here: the tables are new and empty, and CONCURRENTLY is not supported on a
-- partitioned table such as orders.

CREATE INDEX idx_orders_user_status_date ON orders (user_id, status, submitted_at);
CREATE INDEX idx_positions_account_symbol ON account_positions (account_id, symbol);
CREATE INDEX idx_signals_strategy_status_time ON trading_signals (strategy_id, status, created_at);
CREATE INDEX idx_orders_pending ON orders (submitted_at) WHERE status IN ('NEW', 'PARTIALLY_FILLED');
CREATE INDEX idx_positions_open ON account_positions (symbol, opened_at) WHERE closed_at IS NULL;
CREATE INDEX idx_orders_pnl ON orders (user_id, (filled_quantity * average_fill_price)) WHERE status = 'FILLED';
CREATE INDEX idx_strategies_parameters_gin ON strategies USING GIN (parameters);
-- The seed names risk_calculations(risk_metrics), a column that table lacks; risk_alerts has it (defect 6).
CREATE INDEX idx_risk_alerts_metrics_gin ON risk_alerts USING GIN (risk_metrics);

-- 11-14. Retention, migrations, backup and recovery -------------------------------------------------

CREATE TABLE data_retention_policies (
    policy_id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    table_name VARCHAR(100) NOT NULL,
    retention_period INTERVAL NOT NULL,
    archive_after INTERVAL NOT NULL,
    delete_after INTERVAL NOT NULL,
    -- Added to the seed (defect 4): the column that dates a row differs per table.
    time_column VARCHAR(63) NOT NULL DEFAULT 'created_at',
    is_active BOOLEAN DEFAULT true,
    created_at TIMESTAMPTZ DEFAULT CURRENT_TIMESTAMP,
    updated_at TIMESTAMPTZ DEFAULT CURRENT_TIMESTAMP,
    UNIQUE (table_name)
);

-- schema_migrations itself is created by the migrator before the first migration runs (it must exist to
-- record this one); the definition there is the seed's.

CREATE TABLE backup_config (
    config_id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    table_name VARCHAR(100) NOT NULL,
    backup_type VARCHAR(20) NOT NULL CHECK (backup_type IN ('FULL', 'INCREMENTAL', 'DIFFERENTIAL')),
    frequency VARCHAR(20) NOT NULL CHECK (frequency IN ('DAILY', 'WEEKLY', 'MONTHLY')),
    retention_count INTEGER DEFAULT 7,
    compress BOOLEAN DEFAULT true,
    encrypt BOOLEAN DEFAULT true,
    destination_path TEXT,
    is_active BOOLEAN DEFAULT true,
    created_at TIMESTAMPTZ DEFAULT CURRENT_TIMESTAMP
);

CREATE TABLE recovery_log (
    recovery_id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    backup_id VARCHAR(100),
    table_name VARCHAR(100) NOT NULL,
    recovery_type VARCHAR(20) NOT NULL CHECK (recovery_type IN ('FULL', 'PARTIAL', 'POINT_IN_TIME')),
    recovered_records INTEGER,
    recovery_time TIMESTAMPTZ DEFAULT CURRENT_TIMESTAMP,
    status VARCHAR(20) NOT NULL CHECK (status IN ('SUCCESS', 'FAILED', 'IN_PROGRESS')),
    notes TEXT
);

-- 15. Document data (MongoDB in the seed; JSONB here, behind one document-store interface) -----------

CREATE TABLE strategy_configs (
    config_id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    strategy_id UUID NOT NULL REFERENCES strategies(strategy_id) ON DELETE CASCADE,
    user_id UUID NOT NULL REFERENCES users(user_id) ON DELETE CASCADE,
    document JSONB NOT NULL,
    is_active BOOLEAN DEFAULT true,
    version VARCHAR(20) DEFAULT '1.0.0',
    created_at TIMESTAMPTZ DEFAULT CURRENT_TIMESTAMP,
    updated_at TIMESTAMPTZ DEFAULT CURRENT_TIMESTAMP,
    UNIQUE (strategy_id)
);
CREATE INDEX idx_strategy_configs_user ON strategy_configs (user_id);

CREATE TABLE system_logs (
    log_id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    timestamp TIMESTAMPTZ NOT NULL DEFAULT CURRENT_TIMESTAMP,
    level VARCHAR(10) NOT NULL CHECK (level IN ('DEBUG', 'INFO', 'WARN', 'ERROR')),
    service VARCHAR(50) NOT NULL,
    message TEXT NOT NULL,
    user_id UUID,
    strategy_id UUID,
    metadata JSONB
);
CREATE INDEX idx_system_logs_timestamp ON system_logs (timestamp);
CREATE INDEX idx_system_logs_level_service ON system_logs (level, service);
CREATE INDEX idx_system_logs_user ON system_logs (user_id);

CREATE TABLE analytics_data (
    analytics_id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    date DATE NOT NULL UNIQUE,
    trading_stats JSONB,
    system_stats JSONB,
    user_stats JSONB,
    created_at TIMESTAMPTZ DEFAULT CURRENT_TIMESTAMP
);
