-- Migration: 20261126_005_strategy_catalog
-- Description: Template parameter schemas, unique template and strategy names, user_strategies tied to strategies
-- (See the PostgreSQL twin for why.) SQLite cannot add a foreign key to an existing table, so user_strategies
-- is rebuilt as https://sqlite.org/lang_altertable.html#otheralter describes: the same columns, types, defaults
-- and indexes as the initial schema, plus the reference to strategies.

ALTER TABLE strategy_templates ADD COLUMN parameter_schema JSON_TEXT;

CREATE UNIQUE INDEX idx_templates_name ON strategy_templates (template_name);

CREATE UNIQUE INDEX idx_strategies_user_name ON strategies (user_id, strategy_name);

CREATE TABLE user_strategies_new (
    user_strategy_id UUID NOT NULL PRIMARY KEY DEFAULT (lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)), 2) || '-' || substr('89ab', 1 + (abs(random()) % 4), 1) || substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6))))
        REFERENCES strategies (strategy_id) ON DELETE CASCADE,
    user_id UUID NOT NULL REFERENCES users(user_id) ON DELETE CASCADE,
    template_id UUID REFERENCES strategy_templates(template_id),
    strategy_name VARCHAR(100) NOT NULL,
    is_active BOOLEAN DEFAULT false,
    parameters JSON_TEXT,
    risk_settings JSON_TEXT,
    trading_schedule JSON_TEXT,
    total_trades INTEGER DEFAULT 0,
    total_pnl DECIMAL_TEXT(20,8) DEFAULT 0,
    win_rate DECIMAL_TEXT(5,4),
    max_drawdown DECIMAL_TEXT(10,4) DEFAULT 0,
    created_at TIMESTAMP DEFAULT (strftime('%Y-%m-%d %H:%M:%f', 'now')),
    updated_at TIMESTAMP DEFAULT (strftime('%Y-%m-%d %H:%M:%f', 'now')),
    last_run_at TIMESTAMP
);
INSERT INTO user_strategies_new SELECT * FROM user_strategies;
DROP TABLE user_strategies;
ALTER TABLE user_strategies_new RENAME TO user_strategies;
CREATE INDEX idx_user_strategies_user ON user_strategies (user_id);
CREATE INDEX idx_user_strategies_active ON user_strategies (is_active);
CREATE INDEX idx_user_strategies_template ON user_strategies (template_id);
CREATE UNIQUE INDEX idx_user_strategies_user_name ON user_strategies (user_id, strategy_name);
