-- Migration: 20261127_010_numeric_checks
-- Description: CHECK constraints on decimal columns compare numbers, not text (SQLite only)
--
-- Decimal columns are DECIMAL_TEXT (text affinity, to keep every decimal exact), so the seed's CHECKs on them
-- compared text: orders' (filled_quantity >= 0 AND filled_quantity <= quantity) refused a partial fill of 2 of 10
-- ('2.0' sorts after '10.0'), failing the whole commit of the fill, while (quantity > 0) and (fill_quantity > 0)
-- let anything through (text always sorts after a number) and (signal_strength BETWEEN 0 AND 1) refused 0.5. Each
-- now casts to REAL, as exact as a CHECK needs. A CHECK does not change how rows are stored, so SQLite's documented
-- way to change one in place applies (https://www.sqlite.org/lang_altertable.html, "other kinds of table schema
-- changes"): edit the table's SQL in sqlite_schema under writable_schema, and move the schema cookie so that every
-- open connection reads the new schema (any value other than the current one does; later changes count from it).
PRAGMA writable_schema = ON;
UPDATE sqlite_schema
SET sql = replace(replace(sql,
        'CHECK (filled_quantity >= 0 AND filled_quantity <= quantity)',
        'CHECK (CAST(filled_quantity AS REAL) >= 0 AND CAST(filled_quantity AS REAL) <= CAST(quantity AS REAL))'),
        'CHECK (quantity > 0)', 'CHECK (CAST(quantity AS REAL) > 0)')
WHERE type = 'table' AND name = 'orders';
UPDATE sqlite_schema
SET sql = replace(sql, 'CHECK (fill_quantity > 0)', 'CHECK (CAST(fill_quantity AS REAL) > 0)')
WHERE type = 'table' AND name = 'order_fills';
UPDATE sqlite_schema
SET sql = replace(sql, 'CHECK (signal_strength BETWEEN 0 AND 1)', 'CHECK (CAST(signal_strength AS REAL) BETWEEN 0 AND 1)')
WHERE type = 'table' AND name = 'trading_signals';
PRAGMA schema_version = 1000000007;
PRAGMA writable_schema = OFF;
