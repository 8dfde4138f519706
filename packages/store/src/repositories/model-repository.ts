import type { ApplicationRecord } from '@hirewall/core'
import { sql, type Kysely, type Selectable } from 'kysely'
import type { Database, RiskModelsTable } from '../database/database-schema.js'
import { inTransaction } from '../database/in-transaction.js'
import { toJson } from '../database/json-text.js'
import { StoreError, translatingErrors } from '../database/store-error.js'
import { unencrypted, type PersonalDataCipher } from '../privacy/personal-data-cipher.js'
import { openRecord } from '../privacy/personal-fields.js'
import type { DecisionVerdict, SubjectKind } from '../store-vocabularies.js'
import type { StoredLinkFacts } from './model-assessment.js'
import type { BacktestEntry } from './policy-version-repository.js'
import { toStoredResult, type StoredScreeningResult } from './screening-result-repository.js'

export const modelActivationActions = ['promote', 'rollback'] as const
export type ModelActivationAction = (typeof modelActivationActions)[number]

/** A trained risk model as the store lists it (the file itself is read with `find`). */
export type StoredModel = {
  readonly version: string
  readonly createdAt: Date
  /** `generated-world` or `analyst-decisions`. */
  readonly labelSource: string
  /** The sentence that says where the labels came from. */
  readonly labelsDescription: string
  /** Headline metrics of the held-out evaluation (PR-AUC of rules, model and both...). */
  readonly evaluationSummary: Readonly<Record<string, unknown>>
  readonly storedBy: string
  readonly storedAt: Date
}

export type NewStoredModel = Omit<StoredModel, 'storedAt'> & {
  /** The model file as JSON (`@hirewall/model`'s RiskModelFile); checked by the caller, stored as it is. */
  readonly file: unknown
}

export type ModelActivation = {
  readonly id: number
  readonly action: ModelActivationAction
  /** The model active after this change. */
  readonly version: string
  readonly actor: string
  readonly note: string | null
  readonly at: Date
}

/** The active model and how it got there. */
export type ActiveModelState = {
  readonly version: string
  /** Promoted versions, oldest first; the last is active. A rollback removes the last. */
  readonly stack: readonly string[]
  /** Every promotion and rollback, oldest first. */
  readonly log: readonly ModelActivation[]
}

/** One stored application as training reads it: the record, its latest result with link facts, its cluster now. */
export type ModelTrainingRow = {
  readonly record: ApplicationRecord
  readonly result: StoredScreeningResult
  /** The persona cluster it is in now (cluster decisions label every member), else the one its result named. */
  readonly clusterId: string | undefined
}

/** A stored application's latest result as a model backtest replays it: what a policy backtest reads, and more. */
export type ModelBacktestEntry = BacktestEntry & {
  /** The identity graph's facts as of linking; null for results screened before they were kept. */
  readonly linkFacts: StoredLinkFacts | null
  /** The persona cluster it is in now (cluster decisions label every member), else the one its result named. */
  readonly clusterId: string | undefined
  /** The model that scored the stored result, null when the rules decided alone. */
  readonly modelVersion: string | null
  /** That model's score (its probability on the 0-100 scale), null without one. */
  readonly modelScore: number | null
}

export type LabelDecision = {
  readonly subject: { readonly kind: SubjectKind; readonly id: string }
  readonly verdict: DecisionVerdict
}

export type ModelRepository = {
  /** Stores a model; `exists` when that version is stored already (same version, same content: left as it is). */
  save(model: NewStoredModel): Promise<'created' | 'exists'>
  find(version: string): Promise<(StoredModel & { readonly file: unknown }) | undefined>
  /** Every stored model, oldest first. */
  list(): Promise<readonly StoredModel[]>
  /** The active version: one indexed read, cheap enough for every screening batch. */
  activeVersion(): Promise<string | undefined>
  active(): Promise<ActiveModelState | undefined>
  /**
   * Makes a stored model the active one, under a transaction-level advisory lock so concurrent promotions and
   * rollbacks are applied one after the other. `not-found` when the version is not stored.
   */
  promote(version: string, actor: string, note?: string): Promise<ActiveModelState>
  /** Returns to the model active before the last promotion; undefined when there is none to return to. */
  rollback(actor: string, note?: string): Promise<ActiveModelState | undefined>
  /** Screened applications in id order with their latest result, a page at a time (`after` the last id). */
  trainingPage(request: { readonly after?: string; readonly limit: number }): Promise<readonly ModelTrainingRow[]>
  /** Every analyst decision's subject and verdict, oldest first: the labels for training. */
  labelDecisions(): Promise<readonly LabelDecision[]>
  /**
   * Screened applications in id order after `after`, each with its latest result's outcome, scores, signal codes and
   * severities, link facts and cluster (no record, no messages or evidence, so a page is small): what a model
   * backtest replays.
   */
  backtestPage(request: {
    readonly after?: string | undefined
    readonly limit: number
  }): Promise<readonly ModelBacktestEntry[]>
}

/**
 * The advisory lock key of model activation: the first 8 bytes of SHA-256("hirewall.model-activation") as a signed
 * bigint (linking uses another).
 */
export const modelActivationLockKey = -3_337_394_482_284_156_785n

export function createModelRepository(db: Kysely<Database>, cipher: PersonalDataCipher = unencrypted): ModelRepository {
  const readActive = async (handle: Kysely<Database>): Promise<ActiveModelState | undefined> => {
    const rows = await handle.selectFrom('model_activations').selectAll().orderBy('id').execute()
    const last = rows[rows.length - 1]
    if (last === undefined) return undefined
    return {
      version: last.version,
      stack: last.stack,
      log: rows.map((row) => ({
        id: row.id,
        action: row.action === 'rollback' ? 'rollback' : 'promote',
        version: row.version,
        actor: row.actor,
        note: row.note,
        at: row.at,
      })),
    }
  }
  const lock = async (transaction: Kysely<Database>): Promise<void> => {
    await sql`select pg_advisory_xact_lock(${modelActivationLockKey.toString()}::bigint)`.execute(transaction)
  }
  const activate = async (
    transaction: Kysely<Database>,
    row: { action: ModelActivationAction; version: string; stack: readonly string[]; actor: string; note?: string },
  ): Promise<ActiveModelState> => {
    await transaction
      .insertInto('model_activations')
      .values({
        action: row.action,
        version: row.version,
        stack: [...row.stack],
        actor: row.actor,
        note: row.note ?? null,
      })
      .execute()
    return (await readActive(transaction)) as ActiveModelState
  }

  return {
    save: (model) =>
      translatingErrors(async () => {
        const inserted = await db
          .insertInto('risk_models')
          .values({
            version: model.version,
            created_at: model.createdAt,
            label_source: model.labelSource,
            labels_description: model.labelsDescription,
            evaluation_summary: toJson(model.evaluationSummary),
            file: toJson(model.file),
            stored_by: model.storedBy,
          })
          .onConflict((conflict) => conflict.column('version').doNothing())
          .executeTakeFirst()
        return Number(inserted.numInsertedOrUpdatedRows ?? 0) > 0 ? 'created' : 'exists'
      }),
    find: async (version) => {
      const row = await db.selectFrom('risk_models').selectAll().where('version', '=', version).executeTakeFirst()
      return row && { ...toStoredModel(row), file: row.file }
    },
    list: async () => {
      const rows = await db
        .selectFrom('risk_models')
        .select([
          'version',
          'created_at',
          'label_source',
          'labels_description',
          'evaluation_summary',
          'stored_by',
          'stored_at',
        ])
        .orderBy('created_at')
        .orderBy('version')
        .execute()
      return rows.map(toStoredModel)
    },
    activeVersion: async () => {
      const row = await db
        .selectFrom('model_activations')
        .select('version')
        .orderBy('id', 'desc')
        .limit(1)
        .executeTakeFirst()
      return row?.version
    },
    active: () => readActive(db),
    promote: (version, actor, note) =>
      translatingErrors(() =>
        inTransaction(db, async (transaction) => {
          await lock(transaction)
          const stored = await transaction
            .selectFrom('risk_models')
            .select('version')
            .where('version', '=', version)
            .executeTakeFirst()
          if (!stored) throw new StoreError('not-found', `No stored model ${version}`, { target: 'version' })
          const current = await readActive(transaction)
          return activate(transaction, {
            action: 'promote',
            version,
            stack: [...(current?.stack ?? []), version],
            actor,
            ...(note === undefined ? {} : { note }),
          })
        }),
      ),
    rollback: (actor, note) =>
      translatingErrors(() =>
        inTransaction(db, async (transaction) => {
          await lock(transaction)
          const current = await readActive(transaction)
          if (!current || current.stack.length < 2) return undefined
          const stack = current.stack.slice(0, -1)
          return activate(transaction, {
            action: 'rollback',
            version: stack[stack.length - 1] as string,
            stack,
            actor,
            note: note ?? `from ${current.version}`,
          })
        }),
      ),
    trainingPage: async (request) => {
      let query = db
        .selectFrom('applications as a')
        .innerJoin('screening_results as r', 'r.id', 'a.latest_result_id')
        .leftJoin('cluster_members as m', 'm.application_id', 'a.id')
        .selectAll('r')
        .select(['a.record', 'm.cluster_id as member_of'])
      if (request.after !== undefined) query = query.where('a.id', '>', request.after)
      const rows = await query.orderBy('a.id').limit(request.limit).execute()
      return rows.map((row) => {
        const { record, member_of: memberOf, ...result } = row
        const stored = toStoredResult(result, cipher)
        return { record: openRecord(record, cipher), result: stored, clusterId: memberOf ?? stored.clusterId }
      })
    },
    labelDecisions: async () => {
      const rows = await db
        .selectFrom('decisions')
        .select(['subject_kind', 'subject_id', 'verdict'])
        .orderBy('id')
        .execute()
      return rows.map((row) => ({ subject: { kind: row.subject_kind, id: row.subject_id }, verdict: row.verdict }))
    },
    backtestPage: async (request) => {
      let query = db
        .selectFrom('applications as a')
        .innerJoin('screening_results as r', 'r.id', 'a.latest_result_id')
        .leftJoin('cluster_members as m', 'm.application_id', 'a.id')
        .select([
          'a.id',
          'r.score',
          'r.outcome',
          'r.policy_version',
          'r.model_version',
          'r.cluster_id',
          'r.link_facts',
          'm.cluster_id as member_of',
          sql<number | null>`(r.model->>'score')::float8`.as('model_score'),
          sql<[string, string][]>`coalesce((select jsonb_agg(jsonb_build_array(s->>'code', s->>'severity'))
            from jsonb_array_elements(r.signals) as s), '[]'::jsonb)`.as('signals'),
        ])
      if (request.after !== undefined) query = query.where('a.id', '>', request.after)
      const rows = await query.orderBy('a.id').limit(request.limit).execute()
      return rows.map((row) => ({
        applicationId: row.id,
        score: row.score,
        outcome: row.outcome,
        policyVersion: row.policy_version,
        signals: row.signals,
        linkFacts: (row.link_facts as StoredLinkFacts | null) ?? null,
        clusterId: row.member_of ?? row.cluster_id ?? undefined,
        modelVersion: row.model_version,
        modelScore: row.model_score === null ? null : Number(row.model_score),
      }))
    },
  }
}

function toStoredModel(row: Omit<Selectable<RiskModelsTable>, 'file'>): StoredModel {
  return {
    version: row.version,
    createdAt: row.created_at,
    labelSource: row.label_source,
    labelsDescription: row.labels_description,
    evaluationSummary: row.evaluation_summary,
    storedBy: row.stored_by,
    storedAt: row.stored_at,
  }
}
