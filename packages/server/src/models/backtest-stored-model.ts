import type { ScoringPolicy } from '@hirewall/core'
import { compileRiskModel, parseRiskModelFile, type RiskModel } from '@hirewall/model'
import type { Store } from '@hirewall/store'
import { scoringPolicyOf } from '../screening/published-policy.js'
import { backtestModel, type ModelBacktestReport } from './backtest-model.js'

/** The version that names "no model": the rules of the published policy alone. */
export const rulesOnlyVersion = 'none'

export type StoredModelBacktest =
  | { readonly status: 'not-found' }
  | { readonly status: 'invalid'; readonly message: string }
  | { readonly status: 'completed'; readonly report: ModelBacktestReport }

export type StoredModelBacktestOptions = {
  /** The policy the rules score with when the store has none published (the one the server was started with). */
  readonly fallbackPolicy: ScoringPolicy
  readonly sampleSize?: number | undefined
}

type Candidate =
  | { readonly status: 'loaded'; readonly model: RiskModel | undefined }
  | Exclude<StoredModelBacktest, { status: 'completed' }>

/** A stored model, checked and compiled; `none` is the rules alone. */
export async function loadBacktestCandidate(store: Store, version: string): Promise<Candidate> {
  if (version === rulesOnlyVersion) return { status: 'loaded', model: undefined }
  const stored = await store.models.find(version)
  if (stored === undefined) return { status: 'not-found' }
  const parsed = parseRiskModelFile(stored.file)
  if (parsed.status !== 'valid') {
    return {
      status: 'invalid',
      message: `Model ${version} is stored but no longer passes the model file checks: ${parsed.issues.map((issue) => `${issue.path}: ${issue.message}`).join('; ')}`,
    }
  }
  return { status: 'loaded', model: compileRiskModel(parsed.file) }
}

/**
 * Backtests a stored model (any version, active or not; `none` for the rules alone) over the store's applications
 * with the published policy, against the active model's stored outcomes: what the HTTP route, its background job and
 * `hirewall model backtest` run.
 */
export async function backtestStoredModel(
  store: Store,
  version: string,
  options: StoredModelBacktestOptions,
): Promise<StoredModelBacktest> {
  const candidate = await loadBacktestCandidate(store, version)
  if (candidate.status !== 'loaded') return candidate
  const [published, activeModelVersion] = await Promise.all([
    store.policyVersions.published(),
    store.models.activeVersion(),
  ])
  const report = await backtestModel(store.models, candidate.model, {
    policy: published === undefined ? options.fallbackPolicy : scoringPolicyOf(published),
    activeModelVersion,
    sampleSize: options.sampleSize,
  })
  return { status: 'completed', report }
}
