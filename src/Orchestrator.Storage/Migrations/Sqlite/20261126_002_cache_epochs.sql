-- Migration: 20261126_002_cache_epochs
-- Description: Epoch counters that tell every server process when to drop an in-process cache
-- (See the PostgreSQL twin for how the credentials epoch is used.)

CREATE TABLE cache_epochs (
    name VARCHAR(50) NOT NULL PRIMARY KEY,
    epoch BIGINT NOT NULL DEFAULT 0,
    updated_at TIMESTAMP DEFAULT (strftime('%Y-%m-%d %H:%M:%f', 'now'))
);

INSERT INTO cache_epochs (name) VALUES ('credentials');
