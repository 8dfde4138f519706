import { readFile } from 'node:fs/promises'
import { defaultScoringPolicy, validateScoringPolicy, type ScoringPolicy } from '@hirewall/core'
import { UsageError } from '../usage-error.js'

/** Reads and validates a scoring policy file; no path means the shipped default policy. */
export async function loadPolicy(path: string | undefined): Promise<ScoringPolicy> {
  if (path === undefined) return defaultScoringPolicy
  let text: string
  try {
    text = await readFile(path, 'utf8')
  } catch (error) {
    throw new UsageError(`cannot read policy file ${path}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`)
  }
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch (error) {
    throw new UsageError(`policy file ${path} is not valid JSON: ${(error as Error).message}`)
  }
  const validation = validateScoringPolicy(value)
  if (validation.status === 'invalid') {
    const issues = validation.issues.map((issue) => `  ${issue.path}: ${issue.message}`).join('\n')
    throw new UsageError(`policy file ${path} is invalid:\n${issues}`)
  }
  return validation.policy
}
