import { z } from 'zod'
import type { ModelLabel } from './model-example.js'

/**
 * An analyst's verdict, the same vocabulary as the store's decisions (`@hirewall/store` decisionVerdicts; a test
 * keeps the two equal). `needs-verification` is not a label: such applications are left out of training.
 */
export const decisionVerdicts = ['confirmed-fraud', 'cleared', 'needs-verification'] as const
export type DecisionVerdict = (typeof decisionVerdicts)[number]

export const decisionSubjectKinds = ['application', 'cluster'] as const
export type DecisionSubjectKind = (typeof decisionSubjectKinds)[number]

/** One decision as a labels file holds it. */
export type DecisionRow = {
  readonly subject: { readonly kind: DecisionSubjectKind; readonly id: string }
  readonly verdict: DecisionVerdict
}

export type DecisionLineIssue = { readonly line: number; readonly path: string; readonly message: string }

const verdict = z.enum(decisionVerdicts)
const rowSchema = z.union([
  z
    .object({ subject: z.object({ kind: z.enum(decisionSubjectKinds), id: z.string().min(1) }), verdict })
    .loose()
    .transform((row): DecisionRow => ({ subject: row.subject, verdict: row.verdict })),
  z
    .object({ applicationId: z.string().min(1), verdict })
    .loose()
    .transform((row): DecisionRow => ({
      subject: { kind: 'application', id: row.applicationId },
      verdict: row.verdict,
    })),
])

/**
 * Reads a decisions file: JSON Lines, one decision per line, either `{"applicationId": "...", "verdict": "..."}` or
 * the store's shape `{"subject": {"kind": "application" | "cluster", "id": "..."}, "verdict": "..."}`, oldest first.
 * Blank lines are skipped; a bad line is reported with its number and field path, and the others are kept.
 */
export function parseDecisionLines(text: string): { rows: DecisionRow[]; issues: DecisionLineIssue[] } {
  const rows: DecisionRow[] = []
  const issues: DecisionLineIssue[] = []
  text.split('\n').forEach((raw, index) => {
    const line = index + 1
    if (raw.trim() === '') return
    let value: unknown
    try {
      value = JSON.parse(raw)
    } catch {
      issues.push({ line, path: '', message: 'is not valid JSON' })
      return
    }
    const parsed = rowSchema.safeParse(value)
    if (!parsed.success) {
      const issue = parsed.error.issues[0]
      const path = issue?.path.map(String).join('.') ?? ''
      issues.push({
        line,
        path,
        message:
          issue?.code === 'invalid_union'
            ? `needs "applicationId" or "subject" {kind, id}, and "verdict" (one of ${decisionVerdicts.join(', ')})`
            : (issue?.message ?? 'is not a decision'),
      })
      return
    }
    rows.push(parsed.data)
  })
  return { rows, issues }
}

/** The current label of each decided application or cluster: the latest verdict wins. */
export type LabelBook = {
  /** An application's own decision comes before its cluster's. */
  labelFor(
    applicationId: string,
    clusterId?: string,
  ): { readonly label: ModelLabel; readonly verdict?: DecisionVerdict }
}

const labelOf = (verdict: DecisionVerdict): ModelLabel =>
  verdict === 'confirmed-fraud' ? 1 : verdict === 'cleared' ? 0 : null

// Cluster ids are written with or without their `cluster:` prefix.
const keyOf = (kind: DecisionSubjectKind, id: string): string =>
  `${kind}:${kind === 'cluster' ? id.replace(/^cluster:/, '') : id}`

export function labelBook(rows: readonly DecisionRow[]): LabelBook {
  const latest = new Map<string, DecisionVerdict>()
  for (const row of rows) latest.set(keyOf(row.subject.kind, row.subject.id), row.verdict)
  return {
    labelFor(applicationId, clusterId) {
      const verdictFound =
        latest.get(keyOf('application', applicationId)) ??
        (clusterId === undefined ? undefined : latest.get(keyOf('cluster', clusterId)))
      return verdictFound === undefined ? { label: null } : { label: labelOf(verdictFound), verdict: verdictFound }
    },
  }
}
