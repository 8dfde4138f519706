import { labelBook, toModelExample, type DecisionRow, type ModelExample, type TrainingLabels } from '@hirewall/model'
import type { Store } from '@hirewall/store'

/** Stored applications read per page when training from the store. */
const pageSize = 1000

export type StoreExamples = {
  readonly examples: readonly ModelExample[]
  readonly labels: Extract<TrainingLabels, { source: 'analyst-decisions' }>
  /** Decided applications left out because their results carry no link facts (screened before they were kept). */
  readonly withoutLinkFacts: number
  readonly screened: number
}

/**
 * The training set of a running installation: every stored, screened application with its latest result and the
 * link facts stored with it (the graph as it stood at link time), labelled by the analysts' decisions: confirmed
 * fraud 1, cleared 0, needs verification left out; the application's own latest decision before its cluster's.
 */
export async function storeExamples(store: Store): Promise<StoreExamples> {
  const decisions = await store.models.labelDecisions()
  const rows: DecisionRow[] = []
  for (const decision of decisions) {
    const { kind, id } = decision.subject
    if (kind === 'application' || kind === 'cluster') rows.push({ subject: { kind, id }, verdict: decision.verdict })
  }
  const book = labelBook(rows)
  const counts = { confirmedFraud: 0, cleared: 0, needsVerification: 0, undecided: 0 }
  const examples: ModelExample[] = []
  let withoutLinkFacts = 0
  let screened = 0
  let after: string | undefined
  for (;;) {
    const page = await store.models.trainingPage({ limit: pageSize, ...(after === undefined ? {} : { after }) })
    for (const { record, result, clusterId } of page) {
      screened++
      const { label, verdict } = book.labelFor(record.id, clusterId)
      if (verdict === 'needs-verification') counts.needsVerification++
      else if (label === null) counts.undecided++
      else if (result.linkFacts === undefined) withoutLinkFacts++
      else {
        if (label === 1) counts.confirmedFraud++
        else counts.cleared++
        examples.push(toModelExample(record, result, result.linkFacts, label))
      }
    }
    const last = page[page.length - 1]
    if (last === undefined || page.length < pageSize) break
    after = last.record.id
  }
  return {
    examples,
    labels: {
      source: 'analyst-decisions',
      description:
        'Analyst decisions stored in HireWall: confirmed-fraud = 1, cleared = 0 (the application’s own latest decision, else its cluster’s); needs-verification and undecided applications are left out' +
        (withoutLinkFacts > 0
          ? `, and so are ${withoutLinkFacts} decided application(s) screened before link facts were kept.`
          : '.'),
      files: [],
      ...counts,
    },
    withoutLinkFacts,
    screened,
  }
}
