import type { ExportedIndicator } from '../plan-export.js'

/** How one indicator is written as a MISP attribute: its type, category and whether IDS may act on it. */
export type MispAttributeType = {
  readonly type: string
  readonly category: string
  readonly toIds: boolean
  readonly value: string
  /** A `hirewall:kind` tag for values MISP can only hold as text: it tells the importer what they are. */
  readonly kindTag?: string
}

/** The tag namespace HireWall writes for what MISP's own vocabulary has no place for. */
export const hirewallTagNamespace = 'hirewall'

/**
 * The MISP type and category of an exported indicator, as MISP's describeTypes lists them: phones are
 * `phone-number` (Person), emails `email-src` (Payload delivery), domains `domain` and IPs `ip-src` (Network
 * activity), GitHub accounts `github-username` (Social network), CV files `sha256` (Payload delivery). Other
 * profiles, postal addresses and keyed hashes are `text` (Other) with a `hirewall:kind` tag. `to_ids` is set for
 * what a network or mail sensor can match (emails, domains, IPs, file hashes), never for people's details.
 */
export function mispAttributeType(exported: ExportedIndicator): MispAttributeType {
  const { kind, sharedValue: value } = exported
  if (exported.isHashed) {
    return {
      type: 'text',
      category: 'Other',
      toIds: false,
      value,
      kindTag: `${hirewallTagNamespace}:keyed-hash="${kind}"`,
    }
  }
  switch (kind) {
    case 'phone':
      return { type: 'phone-number', category: 'Person', toIds: false, value }
    case 'email':
      return { type: 'email-src', category: 'Payload delivery', toIds: true, value }
    case 'domain':
      return { type: 'domain', category: 'Network activity', toIds: true, value }
    case 'ip':
      return { type: 'ip-src', category: 'Network activity', toIds: true, value }
    case 'cv-sha256':
      return { type: 'sha256', category: 'Payload delivery', toIds: true, value }
    case 'handle':
      return value.startsWith('github:')
        ? { type: 'github-username', category: 'Social network', toIds: false, value: value.slice('github:'.length) }
        : { type: 'text', category: 'Other', toIds: false, value, kindTag: `${hirewallTagNamespace}:kind="handle"` }
    case 'address':
      return { type: 'text', category: 'Other', toIds: false, value, kindTag: `${hirewallTagNamespace}:kind="address"` }
  }
}
