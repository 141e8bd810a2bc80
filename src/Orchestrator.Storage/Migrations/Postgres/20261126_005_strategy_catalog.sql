-- Migration: 20261126_005_strategy_catalog
-- Description: Template parameter schemas, unique template and strategy names, user_strategies tied to strategies
--
-- NOTES.md defect 14: strategies, user_strategies and the strategy_configs documents overlap. strategies is the
-- source of truth for a user strategy; user_strategies (the template link, the overrides, the trading schedule)
-- and strategy_configs (the document, with the backtest configuration) are derived from it and written in the
-- same transaction, under the same UUID (strategies.strategy_id = user_strategies.user_strategy_id =
-- strategy_configs.strategy_id). This migration makes the database hold that shape:
--  * strategy_templates.parameter_schema: the JSON Schema (draft 2020-12) a user's parameter overrides are
--    validated against. Nullable: a template row written by hand may have none.
--  * template_name is unique: the catalog is seeded at start-up by name, and users pick templates by name.
--  * A user's strategy names are unique per user in strategies and (mirrored) in user_strategies.
--  * user_strategies.user_strategy_id references strategies(strategy_id) ON DELETE CASCADE: an instance row
--    cannot outlive, or exist without, its strategy (strategy_configs already cascades the same way).
-- No release before this one wrote user_strategies or strategies, so no existing row can break the new keys.

ALTER TABLE strategy_templates ADD COLUMN parameter_schema JSONB;

CREATE UNIQUE INDEX idx_templates_name ON strategy_templates (template_name);

CREATE UNIQUE INDEX idx_strategies_user_name ON strategies (user_id, strategy_name);

CREATE UNIQUE INDEX idx_user_strategies_user_name ON user_strategies (user_id, strategy_name);

ALTER TABLE user_strategies
    ADD CONSTRAINT fk_user_strategies_strategy FOREIGN KEY (user_strategy_id) REFERENCES strategies (strategy_id) ON DELETE CASCADE;
