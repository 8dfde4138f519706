import { sql, type Kysely } from 'kysely'
import type { Database } from '../database/database-schema.js'
import type { ClusterAssignment } from './identity-repository.js'
import { chunks } from './chunks.js'

/**
 * Writes persona clusters as they now stand, for a whole batch: upserts the clusters, moves only the members that are
 * in another cluster (or none), and deletes the clusters a move left empty. Four statements whatever the batch size;
 * run it in a transaction.
 */
export async function writeClusterAssignments(
  db: Kysely<Database>,
  assignments: readonly ClusterAssignment[],
): Promise<void> {
  const now = new Date()
  await db
    .insertInto('clusters')
    .values(
      assignments.map((assignment) => ({
        id: assignment.clusterId,
        claimed_people: assignment.claimedPeople,
        is_ring: assignment.isRing,
        updated_at: now,
      })),
    )
    .onConflict((conflict) =>
      conflict.column('id').doUpdateSet((eb) => ({
        claimed_people: eb.ref('excluded.claimed_people'),
        is_ring: eb.ref('excluded.is_ring'),
        updated_at: eb.ref('excluded.updated_at'),
      })),
    )
    .execute()
  const wanted = new Map<string, string>()
  for (const assignment of assignments) for (const id of assignment.applicationIds) wanted.set(id, assignment.clusterId)
  if (wanted.size === 0) return
  const current = await db
    .selectFrom('cluster_members')
    .select(['application_id', 'cluster_id'])
    .where('application_id', '=', sql<string>`any(${[...wanted.keys()]}::text[])`)
    .execute()
  const memberOf = new Map(current.map((row) => [row.application_id, row.cluster_id]))
  const moves = [...wanted].filter(([id, clusterId]) => memberOf.get(id) !== clusterId)
  if (moves.length === 0) return
  for (const chunk of chunks(moves, 5000)) {
    await db
      .insertInto('cluster_members')
      .values(chunk.map(([id, clusterId]) => ({ application_id: id, cluster_id: clusterId, joined_at: now })))
      .onConflict((conflict) =>
        conflict.column('application_id').doUpdateSet((eb) => ({
          cluster_id: eb.ref('excluded.cluster_id'),
          joined_at: eb.ref('excluded.joined_at'),
        })),
      )
      .execute()
  }
  const left = [...new Set(moves.flatMap(([id]) => memberOf.get(id) ?? []))]
  if (left.length === 0) return
  await db
    .deleteFrom('clusters')
    .where('id', '=', sql<string>`any(${left}::text[])`)
    .where((eb) =>
      eb.not(
        eb.exists(eb.selectFrom('cluster_members').select('application_id').whereRef('cluster_id', '=', 'clusters.id')),
      ),
    )
    .execute()
}
