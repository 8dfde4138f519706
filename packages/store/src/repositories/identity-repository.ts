import { isIdentifierKind, type ApplicationIdentifier, type Identifier } from '@hirewall/core'
import { sql, type Kysely } from 'kysely'
import type { Database } from '../database/database-schema.js'
import { inTransaction } from '../database/in-transaction.js'
import { StoreError, translatingErrors } from '../database/store-error.js'
import { unencrypted, type PersonalDataCipher } from '../privacy/personal-data-cipher.js'
import { openIdentifier, sealIdentifier } from '../privacy/personal-fields.js'

/** A persona cluster as stored: its members in the order the store received them, earliest first. */
export type StoredCluster = {
  readonly id: string
  readonly applicationIds: readonly string[]
  readonly claimedPeople: number
  readonly isRing: boolean
  readonly createdAt: Date
  readonly updatedAt: Date
}

export type ClusterAssignment = {
  readonly clusterId: string
  /** Applications now in the cluster; each leaves the cluster it was in (clusters merge this way). */
  readonly applicationIds: readonly string[]
  readonly claimedPeople: number
  readonly isRing: boolean
}

/**
 * The identity graph's persistent memory: each application's normalised identifiers, and the persona cluster each
 * application is in. The linking logic stays in core; a PostgreSQL-backed identity index reads and writes through this.
 */
export type IdentityRepository = {
  /** Records the application's identifiers; ones already recorded are kept as they are. */
  addIdentifiers(applicationId: string, identifiers: readonly Identifier[]): Promise<void>
  identifiersOf(applicationId: string): Promise<readonly Identifier[]>
  /** Applications carrying this identifier, in the order they were recorded, at most `limit` (default 100). */
  applicationsWith(identifier: Pick<Identifier, 'kind' | 'value'>, limit?: number): Promise<readonly string[]>
  /** Puts the applications into the cluster (creating or updating it) and deletes clusters left empty. */
  assignCluster(assignment: ClusterAssignment): Promise<void>
  clusterOf(applicationId: string): Promise<string | undefined>
  cluster(clusterId: string): Promise<StoredCluster | undefined>
  /**
   * The identifiers two or more of these applications carry, one row per application that carries each, by kind and
   * value: the edges of their identity graph (`sharedIdentifierGraph` in core builds it). Empty values (a CV text's
   * row: its near-duplicates are matched by MinHash, not by value) are never shared.
   */
  sharedIdentifiers(applicationIds: readonly string[]): Promise<readonly ApplicationIdentifier[]>
}

export function createIdentityRepository(
  db: Kysely<Database>,
  cipher: PersonalDataCipher = unencrypted,
): IdentityRepository {
  const checkedKind = (kind: string, applicationId: string): Identifier['kind'] => {
    if (isIdentifierKind(kind)) return kind
    throw new StoreError('invalid-data', `application_identifiers.kind of ${applicationId} is ${kind}`, {
      target: 'application_identifiers.kind',
    })
  }

  return {
    addIdentifiers: (applicationId, identifiers) =>
      translatingErrors(async () => {
        if (identifiers.length === 0) return
        await db
          .insertInto('application_identifiers')
          .values(
            identifiers.map((identifier) => ({ application_id: applicationId, ...sealIdentifier(identifier, cipher) })),
          )
          .onConflict((conflict) => conflict.columns(['application_id', 'kind', 'value']).doNothing())
          .execute()
      }),
    identifiersOf: async (applicationId) => {
      const rows = await db
        .selectFrom('application_identifiers')
        .select(['kind', 'value', 'display'])
        .where('application_id', '=', applicationId)
        .orderBy('kind')
        .orderBy('value')
        .execute()
      const identifiers = rows.map((row) => ({
        kind: checkedKind(row.kind, applicationId),
        ...openIdentifier(row, cipher),
      }))
      // Hashed values sort in hash order: put each kind's values back in their own order.
      return cipher.isEncrypting
        ? identifiers.sort((a, b) => (a.kind === b.kind ? compare(a.value, b.value) : 0))
        : identifiers
    },
    applicationsWith: async ({ kind, value }, limit = 100) => {
      const rows = await db
        .selectFrom('application_identifiers')
        .select('application_id')
        .where('kind', '=', kind)
        // Under every identifier key: while a rotation runs, older applications still hold the old key's hashes.
        .where('value', 'in', [...cipher.identifierHashes(kind, value)])
        .orderBy('created_at')
        .orderBy('application_id')
        .limit(limit)
        .execute()
      return rows.map((row) => row.application_id)
    },
    assignCluster: (assignment) =>
      translatingErrors(() =>
        inTransaction(db, async (transaction) => {
          const now = new Date()
          await transaction
            .insertInto('clusters')
            .values({
              id: assignment.clusterId,
              claimed_people: assignment.claimedPeople,
              is_ring: assignment.isRing,
              updated_at: now,
            })
            .onConflict((conflict) =>
              conflict.column('id').doUpdateSet({
                claimed_people: assignment.claimedPeople,
                is_ring: assignment.isRing,
                updated_at: now,
              }),
            )
            .execute()
          if (assignment.applicationIds.length === 0) return
          const moved = await transaction
            .selectFrom('cluster_members')
            .select('cluster_id')
            .distinct()
            .where('application_id', 'in', [...assignment.applicationIds])
            .where('cluster_id', '<>', assignment.clusterId)
            .execute()
          await transaction
            .insertInto('cluster_members')
            .values(
              assignment.applicationIds.map((applicationId) => ({
                application_id: applicationId,
                cluster_id: assignment.clusterId,
                joined_at: now,
              })),
            )
            .onConflict((conflict) =>
              conflict
                .column('application_id')
                .doUpdateSet({ cluster_id: assignment.clusterId, joined_at: now })
                .where('cluster_members.cluster_id', '<>', assignment.clusterId),
            )
            .execute()
          if (moved.length === 0) return
          await transaction
            .deleteFrom('clusters')
            .where(
              'id',
              'in',
              moved.map((row) => row.cluster_id),
            )
            .where((eb) =>
              eb.not(
                eb.exists(
                  eb.selectFrom('cluster_members').select('application_id').whereRef('cluster_id', '=', 'clusters.id'),
                ),
              ),
            )
            .execute()
        }),
      ),
    clusterOf: async (applicationId) => {
      const row = await db
        .selectFrom('cluster_members')
        .select('cluster_id')
        .where('application_id', '=', applicationId)
        .executeTakeFirst()
      return row?.cluster_id
    },
    cluster: async (clusterId) => {
      const cluster = await db.selectFrom('clusters').selectAll().where('id', '=', clusterId).executeTakeFirst()
      if (!cluster) return undefined
      const members = await db
        .selectFrom('cluster_members as m')
        .innerJoin('applications as a', 'a.id', 'm.application_id')
        .select('m.application_id')
        .where('m.cluster_id', '=', clusterId)
        .orderBy('a.received_at')
        .orderBy('a.id')
        .execute()
      return {
        id: cluster.id,
        applicationIds: members.map((member) => member.application_id),
        claimedPeople: cluster.claimed_people,
        isRing: cluster.is_ring,
        createdAt: cluster.created_at,
        updatedAt: cluster.updated_at,
      }
    },
    sharedIdentifiers: async (applicationIds) => {
      if (applicationIds.length === 0) return []
      const ids = [...applicationIds]
      if (cipher.identifierKeyCount > 1) return sharedByOpenedValue(db, ids, cipher, checkedKind)
      const rows = await db
        .selectFrom('application_identifiers as i')
        .select(['i.application_id', 'i.kind', 'i.value', 'i.display'])
        .where(sql<boolean>`i.application_id = any(${ids}::text[])`)
        .where('i.value', '<>', '')
        .where(
          sql<boolean>`(i.kind, i.value) in (select s.kind, s.value from application_identifiers s
            where s.application_id = any(${ids}::text[]) and s.value <> ''
            group by s.kind, s.value having count(*) > 1)`,
        )
        .orderBy('i.kind')
        .orderBy('i.value')
        .orderBy('i.application_id')
        .execute()
      return rows.map((row) => ({
        applicationId: row.application_id,
        kind: checkedKind(row.kind, row.application_id),
        value: openIdentifier(row, cipher).value,
      }))
    },
  }
}

/**
 * The shared identifiers of the applications while an identifier rotation runs: one value may be hashed under either
 * key, so the values are opened and compared (the applications shown at once are few).
 */
async function sharedByOpenedValue(
  db: Kysely<Database>,
  ids: readonly string[],
  cipher: PersonalDataCipher,
  checkedKind: (kind: string, applicationId: string) => Identifier['kind'],
): Promise<readonly ApplicationIdentifier[]> {
  const rows = await db
    .selectFrom('application_identifiers')
    .select(['application_id', 'kind', 'value', 'display'])
    .where(sql<boolean>`application_id = any(${ids}::text[])`)
    .where('value', '<>', '')
    .execute()
  const holders = new Map<string, Set<string>>()
  const opened = rows.map((row) => {
    const value = openIdentifier(row, cipher).value
    const key = `${row.kind}\u0000${value}`
    holders.set(key, (holders.get(key) ?? new Set()).add(row.application_id))
    return { applicationId: row.application_id, kind: checkedKind(row.kind, row.application_id), value, key }
  })
  const seen = new Set<string>()
  return opened
    .filter((row) => (holders.get(row.key)?.size ?? 0) > 1)
    .filter((row) => {
      const once = `${row.key}\u0000${row.applicationId}`
      if (seen.has(once)) return false
      seen.add(once)
      return true
    })
    .sort((a, b) => compare(a.kind, b.kind) || compare(a.value, b.value) || compare(a.applicationId, b.applicationId))
    .map(({ applicationId, kind, value }) => ({ applicationId, kind, value }))
}

/** Code-unit order, as the database's `text` order is for the values identifiers hold (C collation aside). */
function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}
