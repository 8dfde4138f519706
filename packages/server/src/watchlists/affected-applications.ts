import type { IdentifierKind } from '@hirewall/core'
import { readKeyedHash, readListedIndicator, watchlistIndicatorKinds } from '@hirewall/intel'
import type { Store } from '@hirewall/store'

/** The most applications one change re-screens by id; a change that reaches more re-screens every application. */
export const maxTargetedRescreen = 1000

/** The most identifiers looked up one by one; a larger change (a big import) re-screens every application. */
export const maxLookedUpIdentifiers = 500

/** Which applications a change to watchlist entries may change the outcome of. */
export type AffectedApplications =
  | { readonly scope: 'some'; readonly applicationIds: readonly string[] }
  | { readonly scope: 'all'; readonly reason: string }

type Identifier = { readonly kind: IdentifierKind; readonly value: string }

/**
 * The stored applications whose identifiers match these entries, found through the identity graph (the same
 * normalised keys the watchlist compares). Entries that match what the graph does not key (a domain, which also
 * matches website hosts; an IP range; a keyed hash), changes of more than {@link maxLookedUpIdentifiers} identifiers
 * and changes that reach more than {@link maxTargetedRescreen} applications affect them all.
 */
export async function affectedApplications(
  store: Pick<Store, 'identity'>,
  entries: readonly { readonly kind: string; readonly value: string }[],
): Promise<AffectedApplications> {
  const identifiers: Identifier[] = []
  for (const entry of entries) {
    const found = identifiersOf(entry.kind, entry.value)
    if (typeof found === 'string') return { scope: 'all', reason: found }
    identifiers.push(...found)
  }
  if (identifiers.length > maxLookedUpIdentifiers) {
    return { scope: 'all', reason: `the change holds more than ${maxLookedUpIdentifiers} indicators` }
  }
  const ids = new Set<string>()
  for (const identifier of identifiers) {
    for (const id of await store.identity.applicationsWith(identifier, maxTargetedRescreen + 1)) ids.add(id)
    if (ids.size > maxTargetedRescreen) {
      return { scope: 'all', reason: `more than ${maxTargetedRescreen} applications hold the indicators` }
    }
  }
  return { scope: 'some', applicationIds: [...ids].sort() }
}

/** The identity-graph identifiers an entry matches, or why it cannot be narrowed down that way. */
function identifiersOf(kindText: string, value: string): readonly Identifier[] | string {
  const kind = watchlistIndicatorKinds.find((candidate) => candidate === kindText)
  if (kind === undefined) return []
  if (readKeyedHash(value.trim()) !== undefined) return 'a keyed hash matches only at screening time'
  const listed = readListedIndicator(kind, value)
  if (listed.status === 'invalid') return []
  switch (kind) {
    case 'phone':
      return [{ kind: 'phone', value: listed.key }]
    case 'email':
      return [
        { kind: 'email', value: listed.key },
        { kind: 'referrer', value: `email:${listed.key}` },
      ]
    case 'address':
      return [{ kind: 'address', value: listed.key }]
    case 'handle':
      return [{ kind: 'profile', value: listed.key }]
    case 'cv-sha256':
      return [{ kind: 'cv-file', value: listed.key }]
    case 'ip': {
      const block = listed.block
      if (block?.version === 4 && block.first === block.last) return [{ kind: 'ip', value: ipv4Text(block.first) }]
      return 'an IP range or IPv6 address is matched at screening time'
    }
    case 'domain':
      return 'a domain also matches website and profile hosts'
  }
}

function ipv4Text(address: number): string {
  return [24, 16, 8, 0].map((shift) => (address >>> shift) & 255).join('.')
}
