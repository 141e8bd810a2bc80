-- Migration: 20261127_011_risk_order_source
-- Description: orders.order_source may be RISK: the exits the platform places for a protective stop
--
-- The seed lists MANUAL, STRATEGY and API. A protective stop's exit is none of them (nobody sent it, through the API
-- or otherwise), and recording it as API told a user reading their orders that some client of theirs had sold.
-- Widening a CHECK does not change how rows are stored, so, as in 20261127_010_numeric_checks, the table's SQL is
-- edited in place under writable_schema and the schema cookie moved (to a value no earlier migration left).
PRAGMA writable_schema = ON;
UPDATE sqlite_schema
SET sql = replace(sql,
        'CHECK (order_source IN (''MANUAL'', ''STRATEGY'', ''API''))',
        'CHECK (order_source IN (''MANUAL'', ''STRATEGY'', ''API'', ''RISK''))')
WHERE type = 'table' AND name = 'orders';
PRAGMA schema_version = 1000000111;
PRAGMA writable_schema = OFF;
