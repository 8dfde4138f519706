import { normaliseApplication, type NormalisedApplication } from '../normalise/normalise-application.js'
import type { ApplicationRecord } from '../record/application-record.js'
import type { IdentityIndex, LinkResult } from './identity-index.js'

/**
 * Links a batch in submission order (`submittedAt`, ties in input order; unparsable times last), so each result sees
 * exactly the applications submitted before it, and returns the results in input order. Pass `facts` when the
 * caller has already normalised the records.
 */
export function linkApplications(
  index: IdentityIndex,
  records: readonly ApplicationRecord[],
  facts: readonly NormalisedApplication[] = records.map((record) => normaliseApplication(record)),
): readonly LinkResult[] {
  const order = records.map((_, position) => position)
  const timeOf = (position: number): number => {
    const time = facts[position]?.submittedAtMs ?? Number.NaN
    return Number.isFinite(time) ? time : Number.POSITIVE_INFINITY
  }
  order.sort((a, b) => timeOf(a) - timeOf(b) || a - b)
  const results = new Array<LinkResult>(records.length)
  for (const position of order) {
    const record = records[position]
    const normalised = facts[position]
    if (record === undefined || normalised === undefined) continue
    results[position] = index.link(record, normalised)
  }
  return results
}
