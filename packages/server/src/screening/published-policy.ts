import { validateScoringPolicy, type ScoringPolicy } from '@hirewall/core'
import type { PolicyVersionRepository, StoredPolicyVersion } from '@hirewall/store'

/**
 * The scoring policy published in the store, as this process last read it. Screening batches refresh it under the
 * linking lock (one indexed read of the published version's number; the document only when it changed), and
 * publishing takes the same lock, so every result written after a publish committed, by any process, is scored with
 * the published policy and records its version.
 */
export class PublishedPolicy {
  private version: number | undefined
  private policy: ScoringPolicy | undefined

  /** The published policy; undefined while none is published (the service then keeps the one it was given). */
  async refresh(policyVersions: PolicyVersionRepository): Promise<ScoringPolicy | undefined> {
    const version = await policyVersions.publishedNumber()
    if (version === undefined) return undefined
    if (version === this.version) return this.policy
    const stored = await policyVersions.find(version)
    if (stored === undefined) return this.policy
    this.policy = scoringPolicyOf(stored)
    this.version = version
    return this.policy
  }
}

/** A stored version's policy, checked as it leaves the database (saving validated it; a hand edit may not have). */
export function scoringPolicyOf(stored: StoredPolicyVersion): ScoringPolicy {
  const validation = validateScoringPolicy(stored.policy)
  if (validation.status === 'invalid') {
    const issues = validation.issues.map((issue) => `${issue.path}: ${issue.message}`).join('; ')
    throw new Error(`stored policy version ${stored.version} is not a valid policy: ${issues}`)
  }
  return validation.policy
}
