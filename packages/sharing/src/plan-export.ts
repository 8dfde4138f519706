import { assertNever } from '@hirewall/core'
import { keyedIndicatorHash, keyFingerprint, readListedIndicator } from '@hirewall/intel'
import type { SharedIndicator, SharedIndicatorKind } from './shared-indicator.js'

/** How an export shares values: as written (normalised) or as keyed hashes with the consortium key. */
export type ExportHashing = { readonly consortiumKey: Uint8Array }

/** One indicator as it leaves: the value written in the export, and whether it is a keyed hash. */
export type ExportedIndicator = {
  readonly indicator: SharedIndicator
  readonly kind: SharedIndicatorKind
  /** The normalised value, or `hmac-sha256:…` in privacy-preserving mode. */
  readonly sharedValue: string
  readonly isHashed: boolean
}

/** Why an indicator was kept back: TLP RED stays internal; a value that cannot be read, or a range, cannot be shared. */
export const withheldReasons = ['tlp-red', 'invalid-value', 'range-not-hashable'] as const
export type WithheldReason = (typeof withheldReasons)[number]

export type WithheldIndicator = {
  readonly indicator: SharedIndicator
  readonly reason: WithheldReason
  readonly message: string
}

/** What an export function returns besides the document: exactly what left and what did not, for the audit log. */
export type ExportRecord = {
  readonly exported: readonly ExportedIndicator[]
  readonly withheld: readonly WithheldIndicator[]
  /** The fingerprint of the consortium key in privacy-preserving mode (never the key). */
  readonly keyFingerprint?: string
}

/**
 * Decides, for each indicator, what leaves: TLP RED never does; values are written in the form the identity index
 * compares (E.164 phones, host names, `network:username`, lower-case hashes), or as keyed hashes of that form when
 * `hashing` is given. Pure: the STIX and MISP writers share it, so both formats always agree on what was exported.
 */
export function planExport(indicators: readonly SharedIndicator[], hashing?: ExportHashing): ExportRecord {
  const exported: ExportedIndicator[] = []
  const withheld: WithheldIndicator[] = []
  const seen = new Set<string>()
  for (const indicator of indicators) {
    if (indicator.tlp === 'red') {
      withheld.push({ indicator, reason: 'tlp-red', message: 'is TLP:RED, which stays inside the organisation' })
      continue
    }
    const listed = readListedIndicator(indicator.kind, indicator.value)
    if (listed.status === 'invalid') {
      withheld.push({ indicator, reason: 'invalid-value', message: listed.message })
      continue
    }
    if (listed.isHashed === true && hashing === undefined) {
      withheld.push({
        indicator,
        reason: 'invalid-value',
        message: 'is already a keyed hash: export it in privacy-preserving mode (--hashed)',
      })
      continue
    }
    const isRange = listed.block !== undefined && !/\/(32|128)$/.test(listed.key)
    if (hashing !== undefined && isRange) {
      withheld.push({
        indicator,
        reason: 'range-not-hashable',
        message: `${indicator.value} is a range: a keyed hash can only name one address`,
      })
      continue
    }
    const sharedValue =
      listed.isHashed === true
        ? listed.key
        : hashing === undefined
          ? writtenValue(indicator, listed.key)
          : keyedIndicatorHash(hashing.consortiumKey, indicator.kind, listed.key)
    const dedupeKey = `${indicator.kind}\u0000${sharedValue}`
    if (seen.has(dedupeKey)) continue
    seen.add(dedupeKey)
    exported.push({ indicator, kind: indicator.kind, sharedValue, isHashed: hashing !== undefined })
  }
  return {
    exported,
    withheld,
    ...(hashing === undefined ? {} : { keyFingerprint: keyFingerprint(hashing.consortiumKey) }),
  }
}

// Emails and addresses keep their written form (a partner's mail filter wants the real address); the rest are
// written as the comparison key, which is also the form the formats expect.
function writtenValue(indicator: SharedIndicator, key: string): string {
  switch (indicator.kind) {
    case 'email':
      return indicator.value.trim().replace(/^mailto:/i, '')
    case 'address':
      return indicator.value.trim().replace(/\s+/g, ' ')
    case 'ip':
      return indicator.value.trim()
    case 'phone':
    case 'domain':
    case 'handle':
    case 'cv-sha256':
      return key
    default:
      return assertNever(indicator.kind)
  }
}
