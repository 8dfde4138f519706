import { words, type ListFile } from './list-file.js'
import { findByWords, parseWordPatternList, type WordPatternEntry, type WordPatternList } from './word-pattern-list.js'

export const payoutKinds = ['payout-service', 'crypto'] as const
export type PayoutKind = (typeof payoutKinds)[number]

export type PayoutInstitution = WordPatternEntry<PayoutKind>

export type PayoutInstitutions = WordPatternList<PayoutKind>

export const shippedPayoutName = 'hirewall payout institutions'

/** Parses a payout-institution list (see data/payout-institutions.csv). */
export function parsePayoutInstitutions(text: string, name: string): ListFile<PayoutInstitution> {
  return parseWordPatternList(text, name, {
    kinds: payoutKinds,
    toWords: words,
    patternIs: 'the name to look for',
  })
}

/** The first institution whose words appear in the name payroll gives ("Payoneer Inc." is Payoneer; "Wiseman" is not Wise). */
export function findPayoutInstitution(list: PayoutInstitutions, institution: string): PayoutInstitution | undefined {
  return findByWords(list, words(institution))
}
