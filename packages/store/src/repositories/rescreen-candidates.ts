import type { ApplicationRecord, ScreeningResult, Signal } from '@hirewall/core'
import { sql, type Kysely } from 'kysely'
import type { Database } from '../database/database-schema.js'
import { unencrypted, type PersonalDataCipher } from '../privacy/personal-data-cipher.js'
import { openRecord } from '../privacy/personal-fields.js'
import { openSignalDetails } from '../privacy/workforce-personal-fields.js'
import { checkedOutcome } from './list-applications.js'
import type { StoredLinkFacts } from './model-assessment.js'

/** A stored, screened application as re-screening reads it: what it needs to score it again without linking. */
export type RescreenCandidate = {
  readonly id: string
  readonly record: ApplicationRecord
  readonly identitySignals: readonly Signal[]
  /** The identity graph's facts when it was linked, from its latest result (none for results before migration 014). */
  readonly linkFacts: StoredLinkFacts | undefined
  /** The persona cluster it is in now, else the one its latest result named. */
  readonly clusterId: string | undefined
  readonly latest: {
    readonly version: number
    readonly score: number
    readonly outcome: ScreeningResult['outcome']
    readonly policyVersion: string
    readonly dataVersions: Readonly<Record<string, string>>
  }
}

export type RescreenPageRequest = {
  /** Applications with ids after this one (keyset order by id). */
  readonly after?: string
  /** Only these applications (unknown ids are left out). */
  readonly applicationIds?: readonly string[]
  readonly limit: number
}

/** Screened applications in id order, with what re-screening needs: record, identity signals, cluster, latest result. */
export async function readRescreenPage(
  db: Kysely<Database>,
  request: RescreenPageRequest,
  cipher: PersonalDataCipher = unencrypted,
): Promise<readonly RescreenCandidate[]> {
  let query = db
    .selectFrom('applications as a')
    .innerJoin('screening_results as r', 'r.id', 'a.latest_result_id')
    .leftJoin('cluster_members as m', 'm.application_id', 'a.id')
    .select([
      'a.id',
      'a.record',
      'a.identity_signals',
      'a.latest_version',
      'r.score',
      'r.outcome',
      'r.policy_version',
      'r.data_versions',
      'r.cluster_id',
      'r.link_facts',
      'm.cluster_id as member_of',
    ])
  // An anonymised application has no record left to score: its last result stands.
  query = query.where('a.anonymised_at', 'is', null)
  if (request.after !== undefined) query = query.where('a.id', '>', request.after)
  if (request.applicationIds !== undefined)
    query = query.where('a.id', '=', sql<string>`any(${[...request.applicationIds]}::text[])`)
  const rows = await query.orderBy('a.id').limit(request.limit).execute()
  return rows.map((row) => ({
    id: row.id,
    record: openRecord(row.record, cipher),
    identitySignals: openSignalDetails(row.identity_signals ?? [], cipher) as readonly Signal[],
    linkFacts: (row.link_facts ?? undefined) as StoredLinkFacts | undefined,
    clusterId: row.member_of ?? row.cluster_id ?? undefined,
    latest: {
      version: row.latest_version,
      score: row.score,
      outcome: checkedOutcome(row.outcome, row.id),
      policyVersion: row.policy_version,
      dataVersions: row.data_versions,
    },
  }))
}
