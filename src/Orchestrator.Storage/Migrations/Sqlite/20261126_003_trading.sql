-- Migration: 20261126_003_trading
-- Description: The paper broker in the catalog, and per-account client order ids for idempotent orders
-- (See the PostgreSQL twin for why the claim is a table of its own.)

INSERT OR IGNORE INTO brokers (broker_id, broker_name, broker_type, base_url, documentation_url, is_active)
VALUES ('paper', 'Paper trading (simulated exchange)', 'EQUITY', NULL, NULL, 1);

CREATE TABLE order_client_ids (
    account_id UUID NOT NULL REFERENCES user_broker_accounts(account_id) ON DELETE CASCADE,
    client_order_id VARCHAR(100) NOT NULL,
    order_id UUID NOT NULL,
    order_submitted_at TIMESTAMP NOT NULL,
    created_at TIMESTAMP DEFAULT (strftime('%Y-%m-%d %H:%M:%f', 'now')),
    PRIMARY KEY (account_id, client_order_id),
    FOREIGN KEY (order_id, order_submitted_at) REFERENCES orders (order_id, submitted_at) ON DELETE CASCADE
);

CREATE INDEX idx_positions_account_open ON account_positions (account_id, symbol) WHERE closed_at IS NULL;
CREATE INDEX idx_balances_account_latest ON account_balances (account_id, currency, recorded_at DESC);

-- Realized P&L of the position (gross of commission, which the fills carry): the seed keeps quantity and
-- average price but nowhere to put what closing part of a position earned.
ALTER TABLE account_positions ADD COLUMN realized_pnl DECIMAL_TEXT(20,8) NOT NULL DEFAULT 0;
