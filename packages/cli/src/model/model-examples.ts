import { readFile } from 'node:fs/promises'
import { InMemoryIdentityIndex, perRecordDetectors, type ScoringPolicy } from '@hirewall/core'
import {
  LinkFactsRecorder,
  labelBook,
  parseDecisionLines,
  screenForModel,
  syntheticLabel,
  toModelExample,
  type ModelExample,
  type TrainingLabels,
} from '@hirewall/model'
import { generateApplications } from '@hirewall/synth'
import type { CliIo } from '../cli-io.js'
import { loadScreeningIntel, type IntelFlags } from '../intel/screening-intel.js'
import { packagedReferenceData } from '../reference/packaged-reference-data.js'
import { screenFiles } from '../screening/screen-files.js'
import { UsageError } from '../usage-error.js'

/** Where the applications of a model command come from. */
export type ExampleSource =
  | { readonly kind: 'world'; readonly count: number; readonly seed: number }
  | { readonly kind: 'files'; readonly files: readonly string[]; readonly decisions?: string }

export type LoadedExamples = {
  readonly examples: readonly ModelExample[]
  readonly labels: TrainingLabels
  /** Input rows that were not valid applications, and decision lines that were not valid decisions. */
  readonly invalidRows: number
  readonly invalidDecisions: number
  readonly screeningMs: number
}

export type LoadOptions = {
  readonly policy: ScoringPolicy
  readonly intel: IntelFlags
  readonly io: CliIo
  /** Also score each application under this policy, to replay a policy change. */
  readonly baselinePolicy?: ScoringPolicy
}

const generatedWorldDescription =
  "The generated world's ground truth (label.isFraud), not analyst decisions: a new installation starts here until analysts have decided enough applications."

/**
 * Screens the applications of a model command and turns each into a model example with its label: the generated
 * world's ground truth, or the latest analyst decision from a decisions file (an application's own decision first,
 * else its final cluster's). Files are screened as `hirewall screen` screens them (detectors, intel cache, identity
 * graph); a generated world as `hirewall eval` does, without the intel cache, whose real lists and IP ranges know
 * nothing of its made-up addresses.
 */
export async function loadExamples(source: ExampleSource, options: LoadOptions): Promise<LoadedExamples> {
  const started = performance.now()
  if (source.kind === 'world') {
    const screening = { policy: options.policy, reference: packagedReferenceData(), detectors: perRecordDetectors }
    const examples: ModelExample[] = []
    for (const { record, result, link } of screenForModel(generateApplications(source), screening))
      examples.push(toModelExample(record, result, link, syntheticLabel(record), options.baselinePolicy))
    return {
      examples,
      labels: {
        source: 'generated-world',
        description: generatedWorldDescription,
        world: { seed: source.seed, count: source.count },
        files: [],
      },
      invalidRows: 0,
      invalidDecisions: 0,
      screeningMs: performance.now() - started,
    }
  }

  const decisions = source.decisions === undefined ? undefined : await readDecisions(source.decisions, options.io)
  const intel = await loadScreeningIntel(options.intel, options.io)
  const screening = { policy: options.policy, reference: intel.reference, detectors: intel.detectors }
  const recorder = new LinkFactsRecorder(new InMemoryIdentityIndex())
  const examples: ModelExample[] = []
  let invalidRows = 0
  for await (const row of screenFiles(source.files, {
    ...screening,
    stdin: options.io.stdin,
    identityIndex: recorder,
    onScreened: (record, result) => {
      const link = recorder.take(record.id) ?? null
      examples.push(
        toModelExample(record, result, link, decisions ? null : syntheticLabel(record), options.baselinePolicy),
      )
    },
  })) {
    if (row.status === 'invalid') invalidRows++
  }
  const screeningMs = performance.now() - started
  if (!decisions) {
    return {
      examples,
      labels: {
        source: 'generated-world',
        description: generatedWorldDescription,
        world: null,
        files: [...source.files],
      },
      invalidRows,
      invalidDecisions: 0,
      screeningMs,
    }
  }

  // Clusters as they stand after every application was linked: analysts decide on clusters as they see them now.
  const finalCluster = new Map<string, string>()
  for (const cluster of recorder.clusters())
    for (const applicationId of cluster.applicationIds) finalCluster.set(applicationId, cluster.id)
  const book = labelBook(decisions.rows)
  const counts = { confirmedFraud: 0, cleared: 0, needsVerification: 0, undecided: 0 }
  const labelled = examples.map((example) => {
    const { label, verdict } = book.labelFor(
      example.applicationId,
      finalCluster.get(example.applicationId) ?? example.clusterId,
    )
    if (verdict === 'confirmed-fraud') counts.confirmedFraud++
    else if (verdict === 'cleared') counts.cleared++
    else if (verdict === 'needs-verification') counts.needsVerification++
    else counts.undecided++
    return { ...example, label }
  })
  return {
    examples: labelled,
    labels: {
      source: 'analyst-decisions',
      description:
        'Analyst decisions: confirmed-fraud = 1, cleared = 0; applications whose latest decision is needs-verification, or without a decision, are left out.',
      files: [...source.files, decisions.path],
      ...counts,
    },
    invalidRows,
    invalidDecisions: decisions.invalid,
    screeningMs,
  }
}

async function readDecisions(
  path: string,
  io: CliIo,
): Promise<{ path: string; rows: ReturnType<typeof parseDecisionLines>['rows']; invalid: number }> {
  let text: string
  try {
    text = await readFile(path, 'utf8')
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    throw new UsageError(
      code === 'ENOENT' ? `no such decisions file: ${path}` : `cannot read ${path} (${code ?? 'error'})`,
    )
  }
  const { rows, issues } = parseDecisionLines(text)
  for (const issue of issues)
    io.stderr.write(`${path}:${issue.line}: ${issue.path === '' ? '' : `${issue.path}: `}${issue.message}\n`)
  return { path, rows, invalid: issues.length }
}

/** Training and measuring need labels: say how to give them when there are none. */
export function requireLabels(loaded: LoadedExamples): void {
  if (loaded.examples.every((example) => example.label === null))
    throw new UsageError(
      'the applications carry no labels: give generated-world files, or analyst decisions with --decisions',
    )
}
