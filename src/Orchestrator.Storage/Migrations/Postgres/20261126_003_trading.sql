-- Migration: 20261126_003_trading
-- Description: The paper broker in the catalog, and per-account client order ids for idempotent orders
--
-- client_order_id must be unique per account (re-sending an order returns the original). orders is
-- partitioned by month, and PostgreSQL only enforces a unique key on a partitioned table when the key
-- contains the partition key (submitted_at), which would let the same client id recur in another month.
-- So the claim lives in this small unpartitioned table, written in the same transaction as the order and
-- pointing at the order's full primary key.

INSERT INTO brokers (broker_id, broker_name, broker_type, base_url, documentation_url, is_active)
VALUES ('paper', 'Paper trading (simulated exchange)', 'EQUITY', NULL, NULL, true)
ON CONFLICT (broker_id) DO NOTHING;

CREATE TABLE order_client_ids (
    account_id UUID NOT NULL REFERENCES user_broker_accounts(account_id) ON DELETE CASCADE,
    client_order_id VARCHAR(100) NOT NULL,
    order_id UUID NOT NULL,
    order_submitted_at TIMESTAMPTZ NOT NULL,
    created_at TIMESTAMPTZ DEFAULT CURRENT_TIMESTAMP,
    PRIMARY KEY (account_id, client_order_id),
    FOREIGN KEY (order_id, order_submitted_at) REFERENCES orders (order_id, submitted_at) ON DELETE CASCADE
);

-- The per-account writer rebuilds an account from its open orders, open positions and latest balance.
CREATE INDEX idx_positions_account_open ON account_positions (account_id, symbol) WHERE closed_at IS NULL;
CREATE INDEX idx_balances_account_latest ON account_balances (account_id, currency, recorded_at DESC);

-- Realized P&L of the position (gross of commission, which the fills carry): the seed keeps quantity and
-- average price but nowhere to put what closing part of a position earned.
ALTER TABLE account_positions ADD COLUMN realized_pnl DECIMAL(20,8) NOT NULL DEFAULT 0;
