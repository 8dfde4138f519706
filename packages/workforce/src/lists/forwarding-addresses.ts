import { normaliseAddressText, type ReferenceSource } from '@hirewall/core'
import { containsWords, problem, readListFile, type ListFile } from './list-file.js'

export const forwardingKinds = ['forwarder', 'mailbox', 'po-box'] as const
export type ForwardingKind = (typeof forwardingKinds)[number]

export type ForwardingEntry = {
  readonly pattern: string
  /** The pattern as address words (folded the way addresses are compared). */
  readonly words: readonly string[]
  readonly kind: ForwardingKind
  readonly name: string
  readonly note: string
  readonly line: number
}

export type ForwardingAddresses = { readonly source: ReferenceSource; readonly entries: readonly ForwardingEntry[] }

export const shippedForwardingName = 'hirewall forwarding addresses'

/** Parses a forwarding-address list (see data/forwarding-addresses.csv). */
export function parseForwardingAddresses(text: string, name: string): ListFile<ForwardingEntry> {
  return readListFile(text, name, ['pattern', 'kind', 'name', 'note'] as const, (cells, line) => {
    const kind = cells.kind.toLowerCase()
    if (!(forwardingKinds as readonly string[]).includes(kind))
      return problem(line, 'kind', `must be one of ${forwardingKinds.join(', ')}, not "${cells.kind}"`)
    const key = normaliseAddressText(cells.pattern)
    if (key === undefined) return problem(line, 'pattern', 'is required: the words to look for')
    return {
      pattern: cells.pattern,
      words: key.split(' '),
      kind: kind as ForwardingKind,
      name: cells.name || cells.pattern,
      note: cells.note,
      line,
    }
  })
}

/** The first entry whose words appear in the address (an address key from `normaliseAddressText`). */
export function findForwarding(list: ForwardingAddresses, addressKey: string): ForwardingEntry | undefined {
  const addressWords = addressKey.split(' ')
  return list.entries.find((entry) => containsWords(addressWords, entry.words))
}
