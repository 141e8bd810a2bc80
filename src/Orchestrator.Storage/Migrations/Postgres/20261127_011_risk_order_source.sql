-- Migration: 20261127_011_risk_order_source
-- Description: orders.order_source may be RISK: the exits the platform places for a protective stop
--
-- The seed lists MANUAL, STRATEGY and API. A protective stop's exit is none of them (nobody sent it, through the API
-- or otherwise), and recording it as API told a user reading their orders that some client of theirs had sold.
-- The partitions inherit the parent's CHECK, so changing it on orders changes it on every month.
ALTER TABLE orders DROP CONSTRAINT orders_order_source_check;
ALTER TABLE orders ADD CONSTRAINT orders_order_source_check CHECK (order_source IN ('MANUAL', 'STRATEGY', 'API', 'RISK'));
