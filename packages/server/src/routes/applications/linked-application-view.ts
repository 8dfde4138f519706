import { identifierKinds, outcomes, type ApplicationIdentifier } from '@hirewall/core'
import type { ApplicationSummary } from '@hirewall/store'
import { z } from 'zod'

/** Another application of the same persona cluster, and the identifiers it shares with the one being viewed. */
export const linkedApplicationViewSchema = z
  .object({
    id: z.string(),
    candidateName: z.string().nullable(),
    sourceSystem: z.string(),
    submittedAt: z.iso.datetime(),
    latestResult: z.object({ score: z.number(), outcome: z.enum(outcomes) }).nullable(),
    shared: z
      .array(z.object({ kind: z.enum(identifierKinds), value: z.string().describe('The normalised identifier.') }))
      .describe('Identifiers both carry; empty when they are linked only through other members.'),
  })
  .meta({ id: 'LinkedApplication' })

export type LinkedApplicationView = z.infer<typeof linkedApplicationViewSchema>

/**
 * The cluster's other members in `order` (the cluster's own order), each with the identifiers it shares with
 * `applicationId`, given the members' summaries and the identifiers shared within the set.
 */
export function toLinkedApplicationViews(
  applicationId: string,
  order: readonly string[],
  summaries: readonly ApplicationSummary[],
  shared: readonly ApplicationIdentifier[],
): LinkedApplicationView[] {
  const mine = new Set(
    shared.filter((row) => row.applicationId === applicationId).map((row) => `${row.kind}\u0000${row.value}`),
  )
  const sharedWith = new Map<string, { kind: ApplicationIdentifier['kind']; value: string }[]>()
  for (const row of shared) {
    if (row.applicationId === applicationId || !mine.has(`${row.kind}\u0000${row.value}`)) continue
    const list = sharedWith.get(row.applicationId) ?? []
    list.push({ kind: row.kind, value: row.value })
    sharedWith.set(row.applicationId, list)
  }
  const byId = new Map(summaries.map((summary) => [summary.id, summary]))
  return order.flatMap((id) => {
    const summary = byId.get(id)
    if (summary === undefined || id === applicationId) return []
    const result = summary.latestResult
    return [
      {
        id,
        candidateName: summary.candidateName,
        sourceSystem: summary.sourceSystem,
        submittedAt: summary.submittedAt.toISOString(),
        latestResult: result === null ? null : { score: result.score, outcome: result.outcome },
        shared: sharedWith.get(id) ?? [],
      },
    ]
  })
}
