import type { ApplicationRecord } from '@hirewall/core'

/**
 * The identity graph measured against the synthetic labels. Truth: records of one fraud ring (`label.ringId`), or of
 * one persona without a ring (the same person applying twice), belong together; nothing else does. Prediction: the
 * persona clusters the index built. Pairs are counted, never listed, so a million records cost no more than a pass.
 */
export type LinkingMetrics = {
  /** Labelled records that were linked (had a cluster or were singletons). */
  readonly records: number
  /** Truth rings of two or more records. */
  readonly rings: number
  /** Share of rings whose members all ended in one persona cluster. */
  readonly ringRecall: number | null
  /** Share of rings with at least two members linked together. */
  readonly ringPartialRecall: number | null
  readonly pairs: {
    readonly truth: number
    readonly predicted: number
    readonly correct: number
    readonly precision: number | null
    readonly recall: number | null
  }
  /** Legitimate hard negatives (roommates, family phone, campus IP...) put in a cluster with someone else. */
  readonly falseLinksByHardNegative: Readonly<
    Record<string, { readonly total: number; readonly falselyLinked: number; readonly rate: number | null }>
  >
  /** All legitimate records put in a cluster with a record of another person or ring. */
  readonly legitimateFalseLinkRate: number | null
}

const ratio = (numerator: number, denominator: number): number | null =>
  denominator === 0 ? null : numerator / denominator
const pairsOf = (count: number): number => (count * (count - 1)) / 2

/**
 * @param clusterOf the final persona cluster of an application id (undefined: linked to nobody)
 */
export function evaluateLinking(
  records: Iterable<ApplicationRecord>,
  clusterOf: (applicationId: string) => string | undefined,
): LinkingMetrics {
  const truthSize = new Map<string, number>()
  const clusterSize = new Map<string, number>()
  const both = new Map<string, number>()
  const ringMembersByCluster = new Map<string, Map<string, number>>()
  const legitimate: { truth: string; cluster: string | undefined; hardNegative: string | undefined }[] = []
  let count = 0
  for (const record of records) {
    const label = record.label
    if (!label) continue
    count++
    const truth = label.ringId ?? label.personaId ?? `record:${record.id}`
    const cluster = clusterOf(record.id) ?? `single:${record.id}`
    truthSize.set(truth, (truthSize.get(truth) ?? 0) + 1)
    clusterSize.set(cluster, (clusterSize.get(cluster) ?? 0) + 1)
    const key = `${truth}\u0000${cluster}`
    both.set(key, (both.get(key) ?? 0) + 1)
    if (label.ringId) {
      const byCluster = ringMembersByCluster.get(label.ringId) ?? new Map<string, number>()
      byCluster.set(cluster, (byCluster.get(cluster) ?? 0) + 1)
      ringMembersByCluster.set(label.ringId, byCluster)
    }
    if (!label.isFraud) legitimate.push({ truth, cluster: clusterOf(record.id), hardNegative: label.hardNegative })
  }

  let rings = 0
  let whole = 0
  let partial = 0
  for (const [ringId, byCluster] of ringMembersByCluster) {
    if ((truthSize.get(ringId) ?? 0) < 2) continue
    rings++
    if (byCluster.size === 1 && ![...byCluster.keys()][0]?.startsWith('single:')) whole++
    if ([...byCluster].some(([cluster, members]) => members >= 2 && !cluster.startsWith('single:'))) partial++
  }

  const sum = (map: Map<string, number>): number => [...map.values()].reduce((total, n) => total + pairsOf(n), 0)
  const truthPairs = sum(truthSize)
  const predictedPairs = sum(clusterSize)
  const correctPairs = sum(both)

  // A legitimate record is falsely linked when its cluster holds records of another truth group.
  const falseLinks = new Map<string, { total: number; falselyLinked: number }>()
  let falselyLinked = 0
  for (const record of legitimate) {
    const isFalse =
      record.cluster !== undefined &&
      (clusterSize.get(record.cluster) ?? 0) > (both.get(`${record.truth}\u0000${record.cluster}`) ?? 0)
    if (isFalse) falselyLinked++
    if (record.hardNegative) {
      const entry = falseLinks.get(record.hardNegative) ?? { total: 0, falselyLinked: 0 }
      entry.total++
      if (isFalse) entry.falselyLinked++
      falseLinks.set(record.hardNegative, entry)
    }
  }
  return {
    records: count,
    rings,
    ringRecall: ratio(whole, rings),
    ringPartialRecall: ratio(partial, rings),
    pairs: {
      truth: truthPairs,
      predicted: predictedPairs,
      correct: correctPairs,
      precision: ratio(correctPairs, predictedPairs),
      recall: ratio(correctPairs, truthPairs),
    },
    falseLinksByHardNegative: Object.fromEntries(
      [...falseLinks]
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([kind, entry]) => [kind, { ...entry, rate: ratio(entry.falselyLinked, entry.total) }]),
    ),
    legitimateFalseLinkRate: ratio(falselyLinked, legitimate.length),
  }
}

const percent = (value: number | null): string => (value === null ? '-' : `${(value * 100).toFixed(1)}%`)

/** The linking metrics as a plain-text table, for `hirewall eval`. */
export function formatLinkingTable(metrics: LinkingMetrics): string {
  const lines = [
    'Identity graph',
    `  rings ${metrics.rings}   ring recall ${percent(metrics.ringRecall)} (all members in one cluster)   ` +
      `partly linked ${percent(metrics.ringPartialRecall)}`,
    `  linked pairs: precision ${percent(metrics.pairs.precision)}   recall ${percent(metrics.pairs.recall)}   ` +
      `(${metrics.pairs.correct} correct of ${metrics.pairs.predicted} predicted, ${metrics.pairs.truth} true)`,
    `  legitimate applicants falsely linked ${percent(metrics.legitimateFalseLinkRate)}`,
    '',
    '  hard negative   total  falsely linked  rate',
  ]
  for (const [kind, entry] of Object.entries(metrics.falseLinksByHardNegative)) {
    lines.push(
      `  ${kind.padEnd(14)} ${String(entry.total).padStart(6)}  ${String(entry.falselyLinked).padStart(14)}  ${percent(entry.rate).padStart(6)}`,
    )
  }
  return `${lines.join('\n')}\n`
}
