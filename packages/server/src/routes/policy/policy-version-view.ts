import { policyVersionStatuses, type StoredPolicyVersion } from '@hirewall/store'
import { z } from 'zod'

/** The policy document as the API shows and takes it (fields in docs/scoring.md); validated by core's rules. */
export const policyDocumentSchema = z
  .record(z.string(), z.unknown())
  .describe(
    'A scoring policy: `version`, `severityWeights`, `signalWeights`, `categoryCaps`, `thresholds`, `hold` (docs/scoring.md).',
  )

export const policyVersionViewSchema = z
  .object({
    version: z.number().int().describe('1, 2, 3... in the order versions were saved.'),
    policyVersion: z.string().describe("The policy's own `version` string: what screening results record."),
    status: z.enum(policyVersionStatuses),
    author: z.string().describe('Who saved it: `user:<id>`, `api-key:<prefix>`, `system:serve`.'),
    note: z.string().nullable(),
    createdAt: z.string(),
    publishedAt: z.string().nullable().describe('When it was last published; null for a draft.'),
    policy: policyDocumentSchema,
  })
  .meta({ id: 'PolicyVersion' })

export type PolicyVersionView = z.infer<typeof policyVersionViewSchema>

export function toPolicyVersionView(stored: StoredPolicyVersion): PolicyVersionView {
  return {
    version: stored.version,
    policyVersion: stored.policyVersion,
    status: stored.status,
    author: stored.author,
    note: stored.note,
    createdAt: stored.createdAt.toISOString(),
    publishedAt: stored.publishedAt?.toISOString() ?? null,
    policy: { ...stored.policy },
  }
}
