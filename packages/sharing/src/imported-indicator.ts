import { readListedIndicator } from '@hirewall/intel'
import type { SharedIndicatorKind, TlpLevel } from './shared-indicator.js'

/** An indicator read from a partner's STIX bundle or MISP event, ready to become a watchlist entry. */
export type ImportedIndicator = {
  readonly kind: SharedIndicatorKind
  /** As the partner wrote it, or `hmac-sha256:…` when they shared a keyed hash. */
  readonly value: string
  readonly isHashed: boolean
  /** Who shared it: the bundle's producer identity or the event's creator organisation. */
  readonly source: string
  readonly tlp?: TlpLevel
  readonly confidence?: number
  readonly firstSeen?: string
  readonly lastSeen?: string
  readonly note?: string
  /** Where in the document it was read (`objects[3]`, `Event.Attribute[0]`). */
  readonly path: string
}

/** A part of the document that could not be read, named by its JSON path (`objects[3].pattern`). */
export type ImportIssue = { readonly path: string; readonly message: string }

/** An object of a type HireWall does not import (a malware, an attack pattern…): reported, never fatal. */
export type UnsupportedObject = { readonly path: string; readonly type: string; readonly message: string }

export type ImportResult =
  | {
      readonly status: 'ok'
      readonly indicators: readonly ImportedIndicator[]
      readonly issues: readonly ImportIssue[]
      readonly unsupported: readonly UnsupportedObject[]
    }
  | { readonly status: 'invalid'; readonly issues: readonly ImportIssue[] }

/** Checks a value the way the watchlist loader will; an unreadable one becomes an issue at `path`. */
export function checkImportedValue(
  kind: SharedIndicatorKind,
  value: string,
  path: string,
  issues: ImportIssue[],
): { readonly isHashed: boolean } | undefined {
  const listed = readListedIndicator(kind, value)
  if (listed.status === 'invalid') {
    issues.push({ path, message: `${kind} ${listed.message}` })
    return undefined
  }
  return { isHashed: listed.isHashed === true }
}

/** A confidence as STIX counts it: an integer from 0 to 100. */
export function readConfidence(value: unknown): number | undefined {
  const number = typeof value === 'string' && value.trim() !== '' ? Number(value) : value
  return typeof number === 'number' && Number.isInteger(number) && number >= 0 && number <= 100 ? number : undefined
}

export function isRecord(value: unknown): value is Readonly<Record<string, unknown>> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}
