import { z } from 'zod'
import { formatPath, type ValidationIssue } from '../record/validation-issue.js'
import { severities, type Severity } from '../signals/severity.js'
import { signalCategories } from '../signals/signal-definition.js'
import { isSignalCode } from '../signals/signal-registry.js'
import defaultPolicyJson from './default-policy.json' with { type: 'json' }

/**
 * How signals become a score and an outcome. A data file users edit (see default-policy.json and docs/scoring.md):
 * - each signal weighs `signalWeights[code]` if set, else `severityWeights[severity]`, as a probability in [0, 1];
 * - signals of one category combine by noisy-OR and are capped at `categoryCaps[category]` (else `default`), so one
 *   cause seen many ways is not counted many times; categories then combine by noisy-OR into a score of 0-100;
 * - `review` and `hold` are score thresholds; `hold` also needs one signal at `anySignalAtLeast`, or `count` agreeing
 *   signals at `severityAtLeast` from `distinctCategories` categories, so weak signals alone never stop a process.
 */
export type ScoringPolicy = {
  readonly version: string
  readonly description?: string
  readonly severityWeights: Readonly<Record<Severity, number>>
  readonly signalWeights: Readonly<Record<string, number>>
  readonly categoryCaps: Readonly<Record<string, number>> & { readonly default: number }
  readonly thresholds: { readonly review: number; readonly hold: number }
  readonly hold: {
    readonly anySignalAtLeast: Severity
    readonly orAgreeing: {
      readonly severityAtLeast: Severity
      readonly count: number
      readonly distinctCategories: number
    }
  }
}

const weight = z.number().min(0, 'must be between 0 and 1').max(1, 'must be between 0 and 1')
const severity = z.enum(severities)

const scoringPolicySchema = z
  .strictObject({
    $schema: z.string().optional(),
    version: z.string().trim().min(1, 'must not be empty'),
    description: z.string().optional(),
    severityWeights: z.strictObject({ info: weight, low: weight, medium: weight, high: weight, critical: weight }),
    signalWeights: z.record(z.string(), weight),
    categoryCaps: z.record(z.string(), weight).refine((caps) => caps['default'] !== undefined, {
      message: 'must have a "default" cap',
    }),
    thresholds: z.strictObject({ review: z.number().min(0).max(100), hold: z.number().min(0).max(100) }),
    hold: z.strictObject({
      anySignalAtLeast: severity,
      orAgreeing: z.strictObject({
        severityAtLeast: severity,
        count: z.number().int().min(1),
        distinctCategories: z.number().int().min(1),
      }),
    }),
  })
  .refine((policy) => policy.thresholds.review <= policy.thresholds.hold, {
    message: 'review threshold must not be above the hold threshold',
    path: ['thresholds'],
  })

export type PolicyValidation =
  | { readonly status: 'valid'; readonly policy: ScoringPolicy }
  | { readonly status: 'invalid'; readonly issues: readonly ValidationIssue[] }

export function validateScoringPolicy(value: unknown): PolicyValidation {
  const parsed = scoringPolicySchema.safeParse(value)
  if (parsed.success) {
    // A misspelt code or category would silently weigh nothing: name it instead.
    const issues: ValidationIssue[] = [
      ...Object.keys(parsed.data.signalWeights)
        .filter((code) => !isSignalCode(code))
        .map((code) => ({ path: `signalWeights.${code}`, message: 'is not a known signal code' })),
      ...Object.keys(parsed.data.categoryCaps)
        .filter((category) => category !== 'default' && !(signalCategories as readonly string[]).includes(category))
        .map((category) => ({ path: `categoryCaps.${category}`, message: 'is not a known signal category' })),
    ]
    if (issues.length > 0) return { status: 'invalid', issues }
    return { status: 'valid', policy: value as ScoringPolicy }
  }
  return {
    status: 'invalid',
    issues: parsed.error.issues.map((issue) => ({ path: formatPath(issue.path), message: issue.message })),
  }
}

const validatedDefault = validateScoringPolicy(defaultPolicyJson)
if (validatedDefault.status === 'invalid') {
  throw new Error(`default-policy.json is invalid: ${JSON.stringify(validatedDefault.issues)}`)
}

/** The policy HireWall ships with. */
export const defaultScoringPolicy: ScoringPolicy = validatedDefault.policy
