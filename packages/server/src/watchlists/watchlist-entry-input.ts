import type { Severity } from '@hirewall/core'
import { readListedIndicator, type WatchlistIndicatorKind } from '@hirewall/intel'
import type { TlpLevel } from '@hirewall/sharing'
import type { NewWatchlistEntry } from '@hirewall/store'
import { findUnstorableText, unstorableTextMessage } from '../screening/find-unstorable-text.js'

/** The TLP of an entry that states none: shared with partners who need to know, never published. */
export const defaultEntryTlp: TlpLevel = 'amber'

/** One indicator to store, before its value is read for matching. */
export type WatchlistEntryInput = {
  readonly kind: WatchlistIndicatorKind
  readonly value: string
  readonly severity?: Severity | undefined
  readonly note?: string | undefined
  readonly source: string
  readonly tlp?: TlpLevel | undefined
  readonly confidence?: number | undefined
}

export type EntryReading =
  | { readonly status: 'ok'; readonly entry: NewWatchlistEntry }
  | { readonly status: 'invalid'; readonly message: string }

/** Longest value stored; the database refuses longer ones. */
export const maxValueLength = 2000

/** Longest note kept; the database refuses longer ones. */
export const maxNoteLength = 2000

/**
 * Reads an indicator the way the watchlist detector will match it (E.164 phone, canonical mailbox, domain, address
 * key, `network:username`, IP block, SHA-256) into the entry to store, or says why it cannot be matched (or stored:
 * text with U+0000 or a lone surrogate).
 */
export function readWatchlistEntryInput(input: WatchlistEntryInput, addedBy: string): EntryReading {
  const unstorable = findUnstorableText({ value: input.value, note: input.note, source: input.source })
  if (unstorable !== undefined) return { status: 'invalid', message: `${unstorable} ${unstorableTextMessage}` }
  if (input.value.trim().length > maxValueLength) {
    const start = input.value.trim().slice(0, 40)
    return { status: 'invalid', message: `${input.kind} "${start}…" is longer than ${maxValueLength} characters` }
  }
  const listed = readListedIndicator(input.kind, input.value)
  if (listed.status === 'invalid') return { status: 'invalid', message: `${input.kind} ${listed.message}` }
  const note = input.note?.trim().slice(0, maxNoteLength)
  return {
    status: 'ok',
    entry: {
      kind: input.kind,
      value: input.value.trim(),
      normalised: listed.key,
      severity: input.severity ?? null,
      note: note === undefined || note === '' ? null : note,
      source: input.source.trim().slice(0, 500) || 'unnamed source',
      tlp: input.tlp ?? defaultEntryTlp,
      confidence: input.confidence ?? null,
      addedBy,
    },
  }
}
