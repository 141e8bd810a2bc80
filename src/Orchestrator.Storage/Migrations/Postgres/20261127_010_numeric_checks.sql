-- Migration: 20261127_010_numeric_checks
-- Description: CHECK constraints on decimal columns compare numbers, not text (SQLite only)
-- PostgreSQL's NUMERIC columns always compared as numbers; the version exists here too so both dialects list the
-- same ledger.
SELECT 1;
