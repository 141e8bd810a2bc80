-- Migration: 20261126_002_cache_epochs
-- Description: Epoch counters that tell every server process when to drop an in-process cache
--
-- Servers keep verified API keys in memory (a database round trip per request would halve the API's
-- throughput). Whatever revokes a credential (key revocation, user disabled or deleted) bumps the
-- 'credentials' epoch in the same transaction; each server polls the epoch every second and drops its
-- cache when it moves, so a revocation made by any process holds everywhere within a second (at once in
-- the process that made it).

CREATE TABLE cache_epochs (
    name VARCHAR(50) PRIMARY KEY,
    epoch BIGINT NOT NULL DEFAULT 0,
    updated_at TIMESTAMPTZ DEFAULT CURRENT_TIMESTAMP
);

INSERT INTO cache_epochs (name) VALUES ('credentials');
