import type { ValidationIssue } from '@hirewall/core'

/**
 * What an importer returns for each row of its input: the record, why the row is invalid (each issue naming the field
 * in the source's own terms: a CSV column, a JSON path), or why a valid row carries nothing the engine reads (an Okta
 * event of a system actor, an osquery table it does not watch). `line` is the 1-based line the row starts on.
 */
export type ImportedRow<Record> =
  | { readonly line: number; readonly status: 'ok'; readonly record: Record }
  | { readonly line: number; readonly status: 'invalid'; readonly issues: readonly ValidationIssue[] }
  | { readonly line: number; readonly status: 'skipped'; readonly reason: string }

export function invalidRow(line: number, issues: readonly ValidationIssue[]): ImportedRow<never> {
  return { line, status: 'invalid', issues }
}

export function skippedRow(line: number, reason: string): ImportedRow<never> {
  return { line, status: 'skipped', reason }
}

/** The row as a record when there were no issues, else as invalid. */
export function rowOf<Record>(
  line: number,
  issues: readonly ValidationIssue[],
  build: () => Record,
): ImportedRow<Record> {
  return issues.length > 0 ? { line, status: 'invalid', issues } : { line, status: 'ok', record: build() }
}

/** A JSON row that is not an object: the path names the element (`value[3]`) or the line. */
export function notAnObject(line: number, pathPrefix: string): ImportedRow<never> {
  return invalidRow(line, [{ path: pathPrefix.replace(/\.$/, '') || '(line)', message: 'must be a JSON object' }])
}
