-- Migration: 20261126_004_bar_read_order
-- Description: The seed's time index on market_data_1m also orders by symbol, so range reads need no sort
-- (See the PostgreSQL twin; SQLite's default BINARY collation is already ordinal.)

DROP INDEX IF EXISTS idx_market_data_1m_timestamp;
CREATE INDEX idx_market_data_1m_timestamp ON market_data_1m (timestamp, symbol);
