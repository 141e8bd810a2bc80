-- Migration: 20261127_008_protective_stops
-- Description: A position's protective stop and take-profit, as the account's writer manages them
--
-- A new position gets the active risk profile's protective stop (trailing at trailing_stop_percentage when
-- trailing_stop_enabled, else fixed at default_stop_loss_percentage from the entry; a signal's own stop loss
-- replaces the fixed one) and the signal's take-profit. The writer holds them in memory, as an order
-- emulator does, and keeps these columns current so a restart resumes exactly where the stop stood:
-- stop_price (where it stands now; it only moves toward the price), stop_trailing_percentage (null: fixed),
-- stop_best_price (the best price since the entry, that a trailing stop follows) and take_profit_price.
ALTER TABLE account_positions ADD COLUMN stop_price DECIMAL(15,8);
ALTER TABLE account_positions ADD COLUMN stop_trailing_percentage DECIMAL(5,4);
ALTER TABLE account_positions ADD COLUMN stop_best_price DECIMAL(15,8);
ALTER TABLE account_positions ADD COLUMN take_profit_price DECIMAL(15,8);
