import { z } from 'zod'
import { checkFeatureNames } from '../features/protected-attribute-guard.js'
import { featurePosition } from '../features/model-features.js'
import { riskModelFormat, riskModelFormatVersion, type RiskModelFile } from './risk-model-file.js'

/** A problem with a model file, with the path of the field (`trees.3.left.7`). */
export type ModelFileIssue = { readonly path: string; readonly message: string }

export type ModelFileParse =
  | { readonly status: 'valid'; readonly file: RiskModelFile }
  | { readonly status: 'invalid'; readonly issues: readonly ModelFileIssue[] }

const finite = z.number().refine(Number.isFinite, 'must be a finite number')

const treeSchema = z.object({
  feature: z.array(z.number().int()),
  threshold: z.array(finite),
  left: z.array(z.number().int()),
  right: z.array(z.number().int()),
  value: z.array(finite),
  cover: z.array(z.number().nonnegative()),
})

// What scoring and explaining need is checked field by field; the reports are checked for being objects, as they are
// only printed.
const fileSchema = z.object({
  format: z.literal(riskModelFormat),
  formatVersion: z.literal(riskModelFormatVersion),
  version: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/, 'must be letters, digits, ".", "_" or "-"'),
  createdAt: z.string(),
  seed: z.string(),
  features: z.array(z.string()).min(1),
  labels: z.object({ source: z.enum(['generated-world', 'analyst-decisions']), description: z.string() }).loose(),
  training: z
    .object({ policyVersion: z.string(), split: z.object({}).loose(), parameters: z.object({}).loose() })
    .loose(),
  baseMargin: finite,
  trees: z.array(treeSchema).min(1),
  calibration: z.object({ method: z.literal('platt'), slope: finite, intercept: finite }),
  thresholds: z
    .object({ review: z.number().min(0).max(1), hold: z.number().min(0).max(1) })
    .refine((thresholds) => thresholds.review <= thresholds.hold, 'review must not be above hold'),
  evaluation: z.object({}).loose(),
})

function treeIssues(file: z.infer<typeof fileSchema>): ModelFileIssue[] {
  const issues: ModelFileIssue[] = []
  file.trees.forEach((tree, treeIndex) => {
    const nodes = tree.feature.length
    const at = (field: string, node?: number): string =>
      `trees.${treeIndex}.${field}${node === undefined ? '' : `.${node}`}`
    for (const field of ['threshold', 'left', 'right', 'value', 'cover'] as const) {
      if (tree[field].length !== nodes) issues.push({ path: at(field), message: `must have ${nodes} entries` })
    }
    if (issues.length > 0) return
    for (let node = 0; node < nodes; node++) {
      const feature = tree.feature[node] as number
      if (feature < -1 || feature >= file.features.length) {
        issues.push({
          path: at('feature', node),
          message: `must be -1 (leaf) or a feature number below ${file.features.length}`,
        })
        continue
      }
      if (feature === -1) continue
      // Children come after their parent: the file cannot describe a cycle.
      for (const field of ['left', 'right'] as const) {
        const child = tree[field][node] as number
        if (child <= node || child >= nodes)
          issues.push({ path: at(field, node), message: `must be a node number between ${node + 1} and ${nodes - 1}` })
      }
    }
  })
  return issues
}

/**
 * Checks a model file read from disk (or sent by a client): its shape, its trees, and its features, which must all be
 * features this version computes and pass the protected-attribute guard.
 */
export function parseRiskModelFile(value: unknown): ModelFileParse {
  const parsed = fileSchema.safeParse(value)
  if (!parsed.success)
    return {
      status: 'invalid',
      issues: parsed.error.issues.map((issue) => ({ path: issue.path.map(String).join('.'), message: issue.message })),
    }
  const file = parsed.data
  const issues: ModelFileIssue[] = []
  file.features.forEach((name, index) => {
    if (featurePosition(name) === undefined)
      issues.push({
        path: `features.${index}`,
        message: `"${name}" is not a feature this version of HireWall computes`,
      })
  })
  for (const violation of checkFeatureNames(file.features))
    issues.push({
      path: `features.${file.features.indexOf(violation.feature)}`,
      message: `"${violation.feature}" touches ${violation.attribute} ("${violation.term}"): protected attributes and their proxies are never model inputs`,
    })
  issues.push(...treeIssues(file))
  return issues.length > 0 ? { status: 'invalid', issues } : { status: 'valid', file: value as RiskModelFile }
}
