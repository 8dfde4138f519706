import { defaultFairnessBounds, type FairnessBounds } from '@hirewall/model'
import { UsageError } from '../usage-error.js'
import type { ExampleSource } from './model-examples.js'

/** Options every model command that reads applications shares. */
export type DataOptions = {
  readonly decisions?: string
  readonly worldCount: string
  readonly worldSeed?: string
}

export type FairnessOptions = {
  readonly maxFprGap: string
  readonly minGroupSize: string
}

export function parseWhole(text: string, flag: string, minimum = 0): number {
  const value = Number(text)
  if (!Number.isSafeInteger(value) || value < minimum)
    throw new UsageError(`${flag} must be a whole number ≥ ${minimum}, got "${text}"`)
  return value
}

export function parseShare(text: string, flag: string): number {
  const value = Number(text)
  if (text.trim() === '' || !Number.isFinite(value) || value < 0 || value > 1)
    throw new UsageError(`${flag} must be a number between 0 and 1, got "${text}"`)
  return value
}

export function parseFairnessBounds(options: FairnessOptions): FairnessBounds {
  return {
    maxFalsePositiveGap: parseShare(options.maxFprGap, '--max-fpr-gap'),
    minGroupSize: parseWhole(options.minGroupSize, '--min-group-size', 1),
  }
}

export const fairnessDefaults = {
  maxFprGap: String(defaultFairnessBounds.maxFalsePositiveGap),
  minGroupSize: String(defaultFairnessBounds.minGroupSize),
}

/** Files when given (with analyst decisions as labels when `--decisions` is), else a generated world. */
export function exampleSource(files: readonly string[], options: DataOptions, defaultWorldSeed: number): ExampleSource {
  if (files.length === 0) {
    if (options.decisions !== undefined)
      throw new UsageError('--decisions labels applications read from files: give the files they decide on')
    return {
      kind: 'world',
      count: parseWhole(options.worldCount, '--world-count', 1),
      seed: options.worldSeed === undefined ? defaultWorldSeed : parseWhole(options.worldSeed, '--world-seed'),
    }
  }
  if (options.worldSeed !== undefined)
    throw new UsageError('--world-seed generates a world to use instead of files: give one or the other')
  return { kind: 'files', files, ...(options.decisions === undefined ? {} : { decisions: options.decisions }) }
}

export function describeSource(source: ExampleSource): string {
  return source.kind === 'world'
    ? `a generated world (seed ${source.seed}, ${source.count.toLocaleString('en-US')} applications)`
    : `${source.files.join(', ')}${source.decisions ? ` labelled by ${source.decisions}` : ''}`
}
