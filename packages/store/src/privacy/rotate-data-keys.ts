import { isIdentifierKind } from '@hirewall/core'
import { sql, type Transaction } from 'kysely'
import type { Database } from '../database/database-schema.js'
import { toJson } from '../database/json-text.js'
import { StoreError } from '../database/store-error.js'
import { createAuditLogRepository } from '../repositories/audit-log-repository.js'
import { isSealed, type PersonalDataCipher } from './personal-data-cipher.js'
import { openSignalDetails, sealSignalDetails, signalDetailValues } from './workforce-personal-fields.js'
import {
  openDocument,
  openIdentifier,
  openRecord,
  personalValuesOf,
  sealDocument,
  sealedEnvelopeOf,
  sealIdentifier,
  sealRecord,
} from './personal-fields.js'
import { rotateWorkforceData, type WorkforceRotation } from './rotate-workforce-data.js'
import type { PersonalDataContext } from './subject-requests.js'

export type RotationProgress = {
  /** Applications read so far, and how many of them were rewritten under the current key. */
  readonly applicationsRead: number
  readonly applicationsRewritten: number
  readonly identifiersRewritten: number
  /** Screening results whose signals' messages and evidence were sealed again. */
  readonly resultsRewritten?: number
  readonly stagedRowsRewritten: number
  /** The last application id done: pass it as `after` to go on from there. */
  readonly lastApplicationId: string | undefined
} & Partial<WorkforceRotation>

/**
 * Re-encrypts every row holding personal data under the current key (the first of `HIREWALL_DATA_KEYS`), and
 * encrypts rows written before keys were configured: applications (raw, record, facts), their identifiers (display
 * sealed, and hashed again under the current identifier key, the first of `HIREWALL_IDENTIFIER_KEY`, from the value
 * the display seals), staged import rows, and the workforce tables (employees, post-hire records, assessment signals). It walks applications in id order, a page per transaction; rows already
 * under the current key are read and left alone, so a stopped run is simply run again (or resumed with `after`).
 * When it returns, no row needs an older data or identifier key: remove it from the ring.
 */
export async function rotateDataKeys(
  context: PersonalDataContext,
  options: {
    readonly actor: string
    readonly after?: string
    readonly pageSize?: number
    readonly onPage?: (progress: RotationProgress) => void
  },
): Promise<RotationProgress> {
  const { db, cipher } = context
  if (!cipher.isEncrypting) {
    throw new StoreError('invalid-configuration', 'Rotating needs HIREWALL_DATA_KEYS and HIREWALL_IDENTIFIER_KEY', {
      target: 'HIREWALL_DATA_KEYS',
    })
  }
  const pageSize = options.pageSize ?? 200
  let progress: RotationProgress = {
    applicationsRead: 0,
    applicationsRewritten: 0,
    identifiersRewritten: 0,
    stagedRowsRewritten: 0,
    lastApplicationId: options.after,
  }
  const stale = (value: unknown): boolean => cipher.needsResealing(value)
  for (;;) {
    const after = progress.lastApplicationId
    const page = await db.transaction().execute(async (transaction) => {
      let query = transaction
        .selectFrom('applications')
        .select(['id', 'raw', 'record', 'facts', 'identity_signals'])
        .orderBy('id')
      if (after !== undefined) query = query.where('id', '>', after)
      const rows = await query.limit(pageSize).forUpdate().execute()
      let rewritten = 0
      for (const row of rows) {
        if (signalDetailValues(row.identity_signals).some(stale)) {
          const signals = sealSignalDetails(openSignalDetails(row.identity_signals, cipher) as unknown[], cipher)
          await sql`update applications set identity_signals = ${toJson(signals)}::jsonb where id = ${row.id}`.execute(
            transaction,
          )
        }
        const needs =
          (row.raw !== null && stale(sealedEnvelopeOf(row.raw) ?? row.raw)) ||
          stale(sealedEnvelopeOf(row.facts) ?? row.facts) ||
          personalValuesOf(row.record).some((value) => isSealed(value) && stale(value))
        if (!needs && personalValuesOf(row.record).every((value) => isSealed(value))) continue
        const record = openRecord(row.record, cipher)
        await transaction
          .updateTable('applications')
          .set({
            // Null stays null: the raw payload was the record itself.
            raw: row.raw === null ? null : toJson(sealDocument(openDocument(row.raw, cipher), cipher)),
            record: toJson(sealRecord(record, cipher)),
            facts: toJson(sealDocument(openDocument(row.facts, cipher), cipher)),
          })
          .where('id', '=', row.id)
          .execute()
        rewritten += 1
      }
      const ids = rows.map((row) => row.id)
      const identifiers =
        ids.length === 0
          ? []
          : await transaction
              .selectFrom('application_identifiers')
              .select(['application_id', 'kind', 'value', 'display', 'created_at'])
              .where(sql<boolean>`application_id = any(${ids}::text[])`)
              .execute()
      let identifiersRewritten = 0
      for (const row of identifiers) {
        if (!cipher.needsRehashing(row.value) && !stale(row.display)) continue
        if (!isIdentifierKind(row.kind)) continue
        const opened = openIdentifier(row, cipher)
        const sealed = sealIdentifier({ kind: row.kind, ...opened }, cipher)
        if (sealed.value === row.value) {
          await transaction
            .updateTable('application_identifiers')
            .set({ display: sealed.display })
            .where('application_id', '=', row.application_id)
            .where('kind', '=', row.kind)
            .where('value', '=', row.value)
            .execute()
        } else {
          // A new hash is a new key of the row: insert it (the application may hold it already, written under the
          // new key by a re-screening) and drop the old one.
          await transaction
            .insertInto('application_identifiers')
            .values({ application_id: row.application_id, ...sealed, created_at: row.created_at })
            .onConflict((conflict) => conflict.columns(['application_id', 'kind', 'value']).doNothing())
            .execute()
          await transaction
            .deleteFrom('application_identifiers')
            .where('application_id', '=', row.application_id)
            .where('kind', '=', row.kind)
            .where('value', '=', row.value)
            .execute()
        }
        identifiersRewritten += 1
      }
      const resultsRewritten = await resealResults(transaction, ids, cipher)
      return { ids, rewritten, identifiersRewritten, resultsRewritten }
    })
    progress = {
      ...progress,
      applicationsRead: progress.applicationsRead + page.ids.length,
      applicationsRewritten: progress.applicationsRewritten + page.rewritten,
      identifiersRewritten: progress.identifiersRewritten + page.identifiersRewritten,
      resultsRewritten: (progress.resultsRewritten ?? 0) + page.resultsRewritten,
      lastApplicationId: page.ids.at(-1) ?? progress.lastApplicationId,
    }
    options.onPage?.(progress)
    if (page.ids.length < pageSize) break
  }
  const staged = await rotateStagedRows(context)
  const workforce = await rotateWorkforceData(context, pageSize)
  progress = { ...progress, stagedRowsRewritten: staged, ...workforce }
  await createAuditLogRepository(db).append({
    actor: options.actor,
    action: 'data-keys.rotated',
    details: {
      keyId: cipher.currentKeyId,
      identifierKeyId: cipher.currentIdentifierKeyId ?? null,
      applicationsRead: progress.applicationsRead,
      applicationsRewritten: progress.applicationsRewritten,
      identifiersRewritten: progress.identifiersRewritten,
      resultsRewritten: progress.resultsRewritten ?? 0,
      stagedRowsRewritten: staged,
      ...workforce,
    },
  })
  return progress
}

/**
 * Seals again the messages and evidence of the applications' results that are not under the current key (or not
 * sealed): the one change migration 015 lets through on results, in a transaction that sets `hirewall.redacting`.
 */
async function resealResults(
  transaction: Transaction<Database>,
  ids: readonly string[],
  cipher: PersonalDataCipher,
): Promise<number> {
  if (ids.length === 0) return 0
  const results = await transaction
    .selectFrom('screening_results')
    .select(['id', 'signals'])
    .where(sql<boolean>`application_id = any(${ids}::text[])`)
    .execute()
  const stale = results.filter((row) =>
    signalDetailValues(row.signals).some((value) => !isSealed(value) || cipher.needsResealing(value)),
  )
  if (stale.length === 0) return 0
  await sql`select set_config('hirewall.redacting', 'on', true)`.execute(transaction)
  for (const row of stale) {
    const signals = sealSignalDetails(openSignalDetails(row.signals, cipher) as unknown[], cipher)
    await transaction
      .updateTable('screening_results')
      .set({ signals: toJson(signals) })
      .where('id', '=', row.id)
      .execute()
  }
  return stale.length
}

/** Staged import rows are few (deleted as screened): one pass over them. */
async function rotateStagedRows({ db, cipher }: PersonalDataContext): Promise<number> {
  const rows = await db.selectFrom('import_job_inputs').select(['job_id', 'line', 'record', 'raw']).execute()
  let rewritten = 0
  for (const row of rows) {
    const recordEnvelope = sealedEnvelopeOf(row.record)
    const rawEnvelope = sealedEnvelopeOf(row.raw)
    const isCurrent =
      recordEnvelope !== undefined &&
      rawEnvelope !== undefined &&
      !cipher.needsResealing(recordEnvelope) &&
      !cipher.needsResealing(rawEnvelope)
    if (isCurrent) continue
    await db
      .updateTable('import_job_inputs')
      .set({
        record: toJson(sealDocument(openDocument(row.record, cipher), cipher)),
        raw: toJson(sealDocument(openDocument(row.raw, cipher), cipher)),
      })
      .where('job_id', '=', row.job_id)
      .where('line', '=', row.line)
      .execute()
    rewritten += 1
  }
  return rewritten
}
