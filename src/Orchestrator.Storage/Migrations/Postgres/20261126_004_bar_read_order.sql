-- Migration: 20261126_004_bar_read_order
-- Description: The seed's time index on market_data_1m also orders by symbol, so range reads need no sort
--
-- Bars are read across symbols in time order, ties by symbol (ordinal, as SQLite compares text). With an index
-- on (timestamp) alone PostgreSQL must sort every row of the range (a million rows spill to disk at the default
-- work_mem); with (timestamp, symbol COLLATE "C") the index scan returns them in order. The index keeps the
-- seed's name and still serves every query the seed's served (timestamp is its leading column).

DROP INDEX IF EXISTS idx_market_data_1m_timestamp;
CREATE INDEX idx_market_data_1m_timestamp ON market_data_1m (timestamp, symbol COLLATE "C");
