import type { Severity } from '@hirewall/core'
import { importMispEvent, importStixBundle, readIndicatorCsv, type TlpLevel } from '@hirewall/sharing'
import type { NewWatchlistEntry } from '@hirewall/store'
import { defaultEntryTlp, readWatchlistEntryInput, type WatchlistEntryInput } from './watchlist-entry-input.js'

/** The file formats a watchlist imports. */
export const watchlistFileFormats = ['csv', 'stix', 'misp'] as const
export type WatchlistFileFormat = (typeof watchlistFileFormats)[number]

/**
 * Where in the file something is: a CSV `line` (1-based, the header is line 1) and `field` (the column), or a JSON
 * `path` into a STIX bundle or MISP event (`objects[3].pattern`, `Event.Attribute[0].value`).
 */
export type FilePlace = { readonly line?: number; readonly field?: string; readonly path?: string }

/** An indicator of the file that is not stored, and why. */
export type RejectedIndicator = FilePlace & { readonly message: string }

/** An indicator read from the file, ready to store, with where it was. */
export type AcceptedIndicator = FilePlace & { readonly entry: NewWatchlistEntry }

export type WatchlistFileReading =
  | {
      readonly status: 'ok'
      readonly accepted: readonly AcceptedIndicator[]
      /** Rows or objects that could not be read, each with its reason. */
      readonly rejected: readonly RejectedIndicator[]
      /** STIX objects or MISP attributes of a type no watchlist holds (malware, attack patterns...): not errors. */
      readonly unsupported: readonly (FilePlace & { readonly type: string; readonly message: string })[]
    }
  /** The file as a whole cannot be read: not a bundle, no `kind` column, no valid indicator at all. */
  | { readonly status: 'invalid'; readonly issues: readonly RejectedIndicator[] }

export type WatchlistFileDefaults = {
  /** The source of indicators that name none (CSV rows without a `source` cell). */
  readonly source: string
  readonly tlp?: TlpLevel | undefined
  /** The severity of indicators that state none (STIX and MISP carry none). */
  readonly severity?: Severity | undefined
  readonly addedBy: string
}

/**
 * Reads a watchlist file with the parsers HireWall already has: the watchlist CSV (with the sharing columns source,
 * tlp, confidence), a STIX 2.1 bundle or a MISP event. Every indicator is read for matching as the detector reads it;
 * each one that cannot be is rejected with its line or JSON path and the rest are accepted. A file with no indicator
 * to accept is `invalid`, so an import never silently stores nothing.
 */
export function readWatchlistFile(
  format: WatchlistFileFormat,
  content: unknown,
  defaults: WatchlistFileDefaults,
): WatchlistFileReading {
  const accepted: AcceptedIndicator[] = []
  const rejected: RejectedIndicator[] = []
  const accept = (input: WatchlistEntryInput, place: FilePlace): void => {
    const reading = readWatchlistEntryInput(input, defaults.addedBy)
    if (reading.status === 'ok') accepted.push({ ...place, entry: reading.entry })
    else rejected.push({ ...place, message: reading.message })
  }
  if (format === 'csv') {
    const text = typeof content === 'string' ? content : ''
    const reading = readIndicatorCsv(text, { source: defaults.source, tlp: defaults.tlp ?? defaultEntryTlp })
    for (const issue of reading.issues) {
      rejected.push({
        line: issue.line,
        ...(issue.field === undefined ? {} : { field: issue.field }),
        message: issue.message,
      })
    }
    // The CSV reader checked each value as matching reads it, so an indicator it gives is accepted here too.
    for (const indicator of reading.indicators) {
      accept(
        {
          kind: indicator.kind,
          value: indicator.value,
          severity: indicator.severity ?? defaults.severity,
          note: indicator.note,
          source: indicator.source,
          tlp: indicator.tlp,
          confidence: indicator.confidence,
        },
        {},
      )
    }
    if (accepted.length === 0) return { status: 'invalid', issues: rejected.length > 0 ? rejected : [noIndicator] }
    return { status: 'ok', accepted, rejected, unsupported: [] }
  }
  const result = format === 'stix' ? importStixBundle(content) : importMispEvent(content)
  if (result.status === 'invalid') return { status: 'invalid', issues: result.issues }
  rejected.push(...result.issues)
  for (const indicator of result.indicators) {
    accept(
      {
        kind: indicator.kind,
        value: indicator.value,
        severity: defaults.severity,
        note: indicator.note,
        source: indicator.source,
        tlp: indicator.tlp ?? defaults.tlp,
        confidence: indicator.confidence,
      },
      { path: indicator.path },
    )
  }
  if (accepted.length === 0) return { status: 'invalid', issues: rejected.length > 0 ? rejected : [noIndicator] }
  return { status: 'ok', accepted, rejected, unsupported: result.unsupported }
}

const noIndicator: RejectedIndicator = { message: 'holds no indicator a watchlist can store' }

/** The format a request's content type names: CSV for `text/csv`; for JSON, the document says (a bundle, or MISP). */
export function detectWatchlistFormat(contentType: 'csv' | 'json', document: unknown): WatchlistFileFormat {
  if (contentType === 'csv') return 'csv'
  return typeof document === 'object' && document !== null && (document as { type?: unknown }).type === 'bundle'
    ? 'stix'
    : 'misp'
}
