import { outcomes, type Outcome } from '@hirewall/core'
import { sql, type Kysely } from 'kysely'
import type { Database } from '../database/database-schema.js'
import { StoreError } from '../database/store-error.js'
import { unencrypted, type PersonalDataCipher } from '../privacy/personal-data-cipher.js'
import { isOneOf } from '../store-vocabularies.js'
import { decodeCursor, encodeCursor, pageLimit, toPage, type Page, type PageRequest } from './page.js'

/** Filters on the application and its latest screening result; all given filters must hold. */
export type ApplicationFilter = {
  readonly outcomes?: readonly Outcome[]
  /** Inclusive bounds on the latest score (0-100). */
  readonly minScore?: number
  readonly maxScore?: number
  /** The latest result carries every one of these signal codes. */
  readonly signalCodes?: readonly string[]
  /** In this persona cluster now, or screened into it. */
  readonly clusterId?: string
  /** Submitted at or after this instant. */
  readonly submittedFrom?: Date
  /** Submitted strictly before this instant. */
  readonly submittedBefore?: Date
  readonly requisitionId?: string
  readonly sourceSystem?: string
  /** Received (stored) at or after this instant. */
  readonly receivedFrom?: Date
  /** Received strictly before this instant. */
  readonly receivedBefore?: Date
  /** `staffingVendor.name` of the record, compared without regard to case or surrounding spaces. */
  readonly staffingVendor?: string
  /** Only these applications (a cluster's members, say). */
  readonly applicationIds?: readonly string[]
}

/** `newest`: by submission time; `riskiest`: by latest score (screened applications only), then newest. */
export const applicationOrders = ['newest', 'riskiest'] as const
export type ApplicationOrder = (typeof applicationOrders)[number]

export type ApplicationListRequest = PageRequest & { readonly order?: ApplicationOrder }

/** The latest result as a list shows it; `StoredScreeningResult` has the signals and their evidence. */
export type ResultSummary = {
  readonly version: number
  readonly score: number
  readonly outcome: Outcome
  readonly signalCodes: readonly string[]
  readonly clusterId: string | null
  readonly policyVersion: string
  readonly screenedAt: Date
}

export type ApplicationSummary = {
  readonly id: string
  readonly sourceSystem: string
  readonly externalId: string | null
  readonly requisitionId: string | null
  readonly submittedAt: Date
  readonly receivedAt: Date
  /** `cv.basics.name` as submitted. */
  readonly candidateName: string | null
  /** `staffingVendor.name` as submitted, when a vendor placed the candidate. */
  readonly staffingVendor: string | null
  /** Null until the application is first screened. */
  readonly latestResult: ResultSummary | null
}

/** Lists applications with their latest result by keyset pagination (a cursor, never an offset). */
export async function listApplications(
  db: Kysely<Database>,
  filter: ApplicationFilter,
  request: ApplicationListRequest,
  cipher: PersonalDataCipher = unencrypted,
): Promise<Page<ApplicationSummary>> {
  const limit = pageLimit(request)
  const order = request.order ?? 'newest'
  let query = db
    .selectFrom('applications as a')
    .leftJoin('screening_results as r', 'r.id', 'a.latest_result_id')
    .select([
      'a.id',
      'a.source_system',
      'a.external_id',
      'a.requisition_id',
      'a.submitted_at',
      'a.received_at',
      sql<string | null>`a.record -> 'cv' -> 'basics' ->> 'name'`.as('candidate_name'),
      sql<string | null>`a.record -> 'staffingVendor' ->> 'name'`.as('staffing_vendor'),
      'r.version',
      'r.score',
      'r.outcome',
      'r.signal_codes',
      'r.cluster_id',
      'r.policy_version',
      'r.created_at as screened_at',
    ])
  if (filter.outcomes !== undefined) {
    // An empty list matches nothing (SQL has no empty `in ()`).
    query =
      filter.outcomes.length > 0
        ? query.where('r.outcome', 'in', [...filter.outcomes])
        : query.where(sql<boolean>`false`)
  }
  if (filter.minScore !== undefined) query = query.where('r.score', '>=', filter.minScore)
  if (filter.maxScore !== undefined) query = query.where('r.score', '<=', filter.maxScore)
  if (filter.signalCodes !== undefined && filter.signalCodes.length > 0) {
    query = query.where(sql<boolean>`r.signal_codes @> ${[...filter.signalCodes]}::text[]`)
  }
  const { clusterId } = filter
  if (clusterId !== undefined) {
    query = query.where((eb) =>
      eb.or([
        eb('r.cluster_id', '=', clusterId),
        eb('a.id', 'in', eb.selectFrom('cluster_members').select('application_id').where('cluster_id', '=', clusterId)),
      ]),
    )
  }
  if (filter.submittedFrom !== undefined) query = query.where('a.submitted_at', '>=', filter.submittedFrom)
  if (filter.submittedBefore !== undefined) query = query.where('a.submitted_at', '<', filter.submittedBefore)
  if (filter.requisitionId !== undefined) query = query.where('a.requisition_id', '=', filter.requisitionId)
  if (filter.sourceSystem !== undefined) query = query.where('a.source_system', '=', filter.sourceSystem)
  if (filter.receivedFrom !== undefined) query = query.where('a.received_at', '>=', filter.receivedFrom)
  if (filter.receivedBefore !== undefined) query = query.where('a.received_at', '<', filter.receivedBefore)
  if (filter.staffingVendor !== undefined) {
    // The same expression as the index of migration 007.
    const vendor = filter.staffingVendor.trim().toLowerCase()
    query = query.where(sql<boolean>`lower(btrim(a.record -> 'staffingVendor' ->> 'name')) = ${vendor}`)
  }
  if (filter.applicationIds !== undefined) {
    query =
      filter.applicationIds.length > 0
        ? query.where('a.id', 'in', [...filter.applicationIds])
        : query.where(sql<boolean>`false`)
  }

  const list = `applications-${order}`
  switch (order) {
    case 'newest': {
      if (request.after !== undefined) {
        const [time, id] = decodeCursor(list, request.after, ['number', 'string'])
        query = query.where(sql<boolean>`(a.submitted_at, a.id) < (${new Date(time)}::timestamptz, ${id}::text)`)
      }
      query = query.orderBy('a.submitted_at', 'desc').orderBy('a.id', 'desc')
      break
    }
    case 'riskiest': {
      query = query.where('r.id', 'is not', null)
      if (request.after !== undefined) {
        const [score, time, id] = decodeCursor(list, request.after, ['number', 'number', 'string'])
        // `r.score <= score` first, so the index on screening_results.score can seek to the cursor.
        query = query.where(
          sql<boolean>`r.score <= ${score}::float8 and (r.score < ${score}::float8
            or (a.submitted_at, a.id) < (${new Date(time)}::timestamptz, ${id}::text))`,
        )
      }
      query = query.orderBy('r.score', 'desc').orderBy('a.submitted_at', 'desc').orderBy('a.id', 'desc')
      break
    }
  }
  const rows = await query.limit(limit + 1).execute()
  return toPage(
    rows,
    limit,
    (row): ApplicationSummary => ({
      id: row.id,
      sourceSystem: row.source_system,
      externalId: row.external_id,
      requisitionId: row.requisition_id,
      submittedAt: row.submitted_at,
      receivedAt: row.received_at,
      candidateName: cipher.open(row.candidate_name) as string | null,
      staffingVendor: row.staffing_vendor,
      latestResult:
        row.version === null || row.score === null || row.policy_version === null || row.screened_at === null
          ? null
          : {
              version: row.version,
              score: row.score,
              outcome: checkedOutcome(row.outcome, row.id),
              signalCodes: row.signal_codes ?? [],
              clusterId: row.cluster_id,
              policyVersion: row.policy_version,
              screenedAt: row.screened_at,
            },
    }),
    (row) =>
      order === 'newest'
        ? encodeCursor(list, [row.submitted_at.getTime(), row.id])
        : encodeCursor(list, [row.score ?? 0, row.submitted_at.getTime(), row.id]),
  )
}

/** An outcome read back from the database, checked against the vocabulary. */
export function checkedOutcome(value: unknown, applicationId: string): Outcome {
  if (isOneOf(outcomes, value)) return value
  throw new StoreError('invalid-data', `screening_results.outcome of ${applicationId} is ${String(value)}`, {
    target: 'screening_results.outcome',
  })
}
