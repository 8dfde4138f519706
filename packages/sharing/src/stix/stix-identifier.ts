import { createHash } from 'node:crypto'

/** The namespace the STIX 2.1 specification (§2.9) fixes for deterministic Cyber-observable identifiers. */
export const stixObservableNamespace = '00abedb4-aa42-466c-9c01-fed23315a9b7'

/** HireWall's own namespace (a UUIDv5 of a fixed name) for the ids of the objects it produces. */
export const hirewallNamespace = uuidV5('hirewall stix objects', stixObservableNamespace)

/** A name-based UUID (RFC 9562 version 5: SHA-1 of the namespace and the name). */
export function uuidV5(name: string, namespace: string): string {
  const namespaceBytes = Buffer.from(namespace.replace(/-/g, ''), 'hex')
  const hash = createHash('sha1').update(namespaceBytes).update(name, 'utf8').digest()
  hash[6] = ((hash[6] ?? 0) & 0x0f) | 0x50
  hash[8] = ((hash[8] ?? 0) & 0x3f) | 0x80
  const hex = hash.subarray(0, 16).toString('hex')
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`
}

/**
 * JSON canonicalised as RFC 8785 (JCS) writes it, for the values observables hold (strings, integers, objects):
 * keys sorted by UTF-16 code units, no white space. The STIX id of an observable is the UUIDv5 of this text.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value)
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, item]) => item !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
  return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonicalJson(item)}`).join(',')}}`
}

/** The deterministic id of an observable from its id-contributing properties (STIX 2.1 §2.9). */
export function observableId(type: string, contributing: Readonly<Record<string, unknown>>): string {
  return `${type}--${uuidV5(canonicalJson(contributing), stixObservableNamespace)}`
}

/** A stable id for an object HireWall produces, so that exporting the same indicator twice gives the same object. */
export function producedId(type: string, ...parts: readonly string[]): string {
  return `${type}--${uuidV5([type, ...parts].join('\u0000'), hirewallNamespace)}`
}
