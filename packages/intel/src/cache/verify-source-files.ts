import type { IntelFile, IntelFileIssue, IntelParseResult, IntelSourceDefinition } from '../source/intel-source.js'

/** Below this share of the current version's entries, a new official list is treated as malformed, not stored. */
export const collapseRatio = 0.5

export type SourceVerification =
  | { readonly status: 'accepted'; readonly parsed: Extract<IntelParseResult, { status: 'ok' }> }
  | {
      readonly status: 'refused'
      readonly reason: 'invalid' | 'empty' | 'collapsed'
      /** A sentence naming what is wrong, for the update report and the CLI. */
      readonly message: string
      readonly issues: readonly IntelFileIssue[]
    }

export type VerificationOptions = {
  /** The entry count of the version in use, if any. */
  readonly previousEntries?: number
  /** Accept an official list even when it shrank below half of the current one (a deliberate subset import). */
  readonly allowShrink?: boolean
}

/**
 * Decides whether new files of a source may replace the version in use: they must parse `ok` with at least one
 * entry, and an official list must not collapse below half of its current size (a truncated or placeholder
 * download parses but is not the list). Named lists are the organisation's own: they may shrink freely.
 */
export function verifySourceFiles(
  definition: IntelSourceDefinition,
  files: readonly IntelFile[],
  options: VerificationOptions = {},
): SourceVerification {
  const parsed = definition.parse(files)
  if (parsed.status === 'invalid') {
    const first = parsed.issues[0]
    return {
      status: 'refused',
      reason: 'invalid',
      message: first
        ? `not a valid ${definition.kind} list: ${describeIssue(first)}`
        : `not a valid ${definition.kind} list`,
      issues: parsed.issues,
    }
  }
  if (parsed.entries === 0)
    return {
      status: 'refused',
      reason: 'empty',
      message: `the ${definition.kind} files hold no entries`,
      issues: parsed.skipped,
    }
  const previous = options.previousEntries
  const isOfficial = !definition.isNamedList
  if (isOfficial && !options.allowShrink && previous !== undefined && parsed.entries < previous * collapseRatio)
    return {
      status: 'refused',
      reason: 'collapsed',
      message:
        `${parsed.entries} entries against ${previous} in the version in use (under ${collapseRatio * 100}%): ` +
        'treated as a truncated or malformed list',
      issues: [],
    }
  return { status: 'accepted', parsed }
}

/** `sdn.csv line 12 (Program): reason` */
export function describeIssue(issue: IntelFileIssue): string {
  const where = [
    issue.file,
    issue.line !== undefined ? `line ${issue.line}` : undefined,
    issue.column !== undefined ? `column ${issue.column}` : undefined,
  ]
    .filter(Boolean)
    .join(' ')
  const field = issue.field ? ` (${issue.field})` : ''
  return `${where}${field}: ${issue.message}`
}
