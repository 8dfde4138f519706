import { sql, type Migration } from 'kysely'
import { runStatements } from './run-statements.js'

/**
 * The risk model in the store: each trained model file with its headline facts, the log of promotions and rollbacks
 * whose last row names the active model (every process reads the same one), and, next to each screening result, the
 * identity graph's facts at link time and the model's prediction with its per-feature contributions.
 */
export const riskModelsMigration: Migration = {
  up: (db) =>
    runStatements(db, [
      sql`create table risk_models (
        version text primary key check (version ~ '^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$' and version <> 'active'),
        created_at timestamptz(3) not null,
        label_source text not null check (length(label_source) > 0),
        labels_description text not null,
        evaluation_summary jsonb not null,
        file jsonb not null,
        stored_by text not null check (length(stored_by) > 0),
        stored_at timestamptz(3) not null default now()
      )`,
      sql`create index risk_models_created_idx on risk_models (created_at, version)`,
      sql`create table model_activations (
        id bigint generated always as identity primary key,
        action text not null check (action in ('promote', 'rollback')),
        version text not null references risk_models (version),
        stack text[] not null check (cardinality(stack) > 0),
        actor text not null check (length(actor) > 0),
        note text,
        at timestamptz(3) not null default now()
      )`,
      sql`alter table screening_results
        add column link_facts jsonb,
        add column model jsonb,
        add constraint screening_results_model_version_check check (model is null or model_version is not null)`,
    ]),
}
