import type { ApplicationDetail, AuditEntry } from '../api/api-types'

/** One line of an application's history, newest first. */
export type TrailEntry = { readonly at: string; readonly what: string; readonly who: string | null }

const verdictWords: Record<string, string> = {
  'confirmed-fraud': 'Confirmed fraud',
  cleared: 'Cleared',
  'needs-verification': 'Needs verification',
}

/** A verdict as words. */
export function verdictLabel(verdict: string): string {
  return verdictWords[verdict] ?? verdict
}

/**
 * The application's history from what its page already has (screenings, the case, decisions) and, for people who
 * may read the audit log, its audit entries. Entries that repeat a decision or screening already listed are left out.
 */
export function auditTrail(detail: ApplicationDetail, audit: readonly AuditEntry[] = []): readonly TrailEntry[] {
  const entries: TrailEntry[] = []
  for (const version of detail.history) {
    entries.push({
      at: version.screenedAt,
      what: `${version.trigger === 'rescreen' ? 'Re-screened' : 'Screened'} (version ${version.version}): score ${Math.round(version.score)}, ${version.outcome}, policy ${version.policyVersion}`,
      who: null,
    })
  }
  if (detail.case !== null) {
    entries.push({ at: detail.case.openedAt, what: 'Case opened for review', who: null })
    if (detail.case.closedAt !== undefined && detail.case.closedAt !== null) {
      entries.push({ at: detail.case.closedAt, what: 'Case closed', who: null })
    }
  }
  for (const decision of detail.decisions) {
    const note = decision.note === null || decision.note === '' ? '' : ` Note: ${decision.note}`
    entries.push({
      at: decision.decidedAt,
      what: `Decided: ${verdictLabel(decision.verdict)}. Reason: ${decision.reason}.${note}`,
      who: decision.actor,
    })
  }
  const listedActions = new Set([
    'decision.recorded',
    'case.decided',
    'application.submitted',
    'application.rescreened',
  ])
  for (const entry of audit) {
    if (listedActions.has(entry.action)) continue
    entries.push({ at: entry.at, what: auditWords(entry.action), who: entry.actor })
  }
  // Newest first; at the same instant the later event (a decision closing its case) comes first.
  const sorted = entries
    .map((entry, index) => ({ entry, index }))
    .sort((a, b) => (a.entry.at < b.entry.at ? 1 : a.entry.at > b.entry.at ? -1 : b.index - a.index))
    .map(({ entry }) => entry)
  return collapseRepeats(sorted)
}

/** Runs of the same event by the same person (an analyst opening the page again and again) read as one line. */
function collapseRepeats(entries: readonly TrailEntry[]): readonly TrailEntry[] {
  const collapsed: { entry: TrailEntry; count: number }[] = []
  for (const entry of entries) {
    const last = collapsed.at(-1)
    if (last !== undefined && last.entry.what === entry.what && last.entry.who === entry.who) last.count += 1
    else collapsed.push({ entry, count: 1 })
  }
  return collapsed.map(({ entry, count }) =>
    count === 1 ? entry : { ...entry, what: `${entry.what} (${count} times)` },
  )
}

function auditWords(action: string): string {
  switch (action) {
    case 'application.viewed':
      return 'Viewed'
    case 'applications.listed':
      return 'Listed in a search'
    default:
      return action
  }
}
