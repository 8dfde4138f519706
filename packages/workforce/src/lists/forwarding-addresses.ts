import { normaliseAddressText } from '@hirewall/core'
import type { ListFile } from './list-file.js'
import { findByWords, parseWordPatternList, type WordPatternEntry, type WordPatternList } from './word-pattern-list.js'

export const forwardingKinds = ['forwarder', 'mailbox', 'po-box'] as const
export type ForwardingKind = (typeof forwardingKinds)[number]

/** A listed address; its words are folded the way addresses are compared. */
export type ForwardingEntry = WordPatternEntry<ForwardingKind>

export type ForwardingAddresses = WordPatternList<ForwardingKind>

export const shippedForwardingName = 'hirewall forwarding addresses'

/** Parses a forwarding-address list (see data/forwarding-addresses.csv). */
export function parseForwardingAddresses(text: string, name: string): ListFile<ForwardingEntry> {
  return parseWordPatternList(text, name, {
    kinds: forwardingKinds,
    toWords: (pattern) => normaliseAddressText(pattern)?.split(' ') ?? [],
    patternIs: 'the words to look for',
  })
}

/** The first entry whose words appear in the address (an address key from `normaliseAddressText`). */
export function findForwarding(list: ForwardingAddresses, addressKey: string): ForwardingEntry | undefined {
  return findByWords(list, addressKey.split(' '))
}
