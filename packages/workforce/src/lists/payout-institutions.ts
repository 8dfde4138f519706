import type { ReferenceSource } from '@hirewall/core'
import { containsWords, problem, readListFile, words, type ListFile } from './list-file.js'

export const payoutKinds = ['payout-service', 'crypto'] as const
export type PayoutKind = (typeof payoutKinds)[number]

export type PayoutInstitution = {
  readonly pattern: string
  readonly words: readonly string[]
  readonly kind: PayoutKind
  readonly name: string
  readonly note: string
  readonly line: number
}

export type PayoutInstitutions = { readonly source: ReferenceSource; readonly entries: readonly PayoutInstitution[] }

export const shippedPayoutName = 'hirewall payout institutions'

/** Parses a payout-institution list (see data/payout-institutions.csv). */
export function parsePayoutInstitutions(text: string, name: string): ListFile<PayoutInstitution> {
  return readListFile(text, name, ['pattern', 'kind', 'name', 'note'] as const, (cells, line) => {
    const kind = cells.kind.toLowerCase()
    if (!(payoutKinds as readonly string[]).includes(kind))
      return problem(line, 'kind', `must be one of ${payoutKinds.join(', ')}, not "${cells.kind}"`)
    const patternWords = words(cells.pattern)
    if (patternWords.length === 0) return problem(line, 'pattern', 'is required: the name to look for')
    return {
      pattern: cells.pattern,
      words: patternWords,
      kind: kind as PayoutKind,
      name: cells.name || cells.pattern,
      note: cells.note,
      line,
    }
  })
}

/** The first institution whose words appear in the name payroll gives ("Payoneer Inc." is Payoneer; "Wiseman" is not Wise). */
export function findPayoutInstitution(list: PayoutInstitutions, institution: string): PayoutInstitution | undefined {
  const nameWords = words(institution)
  return list.entries.find((entry) => containsWords(nameWords, entry.words))
}
