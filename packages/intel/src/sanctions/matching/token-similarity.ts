import { boundedLevenshtein } from './bounded-levenshtein.js'
import { jaroWinkler } from './jaro-winkler.js'
import type { NameToken } from './normalise-name.js'

/**
 * How alike two tokens are, in [0, 1], by the strongest kind of evidence (the levels are the scorer's vocabulary):
 * the same spelling; the same name in another romanisation; one or two typing slips; an initial and a word it
 * starts; the same consonants (a name written in Arabic or Hebrew, or spelled with other vowels).
 */
export const tokenSimilarity = {
  exact: 1,
  romanisation: 0.97,
  joined: 0.95,
  gluedArticle: 0.93,
  abjadConsonants: 0.92,
  fewConsonants: 0.8,
  oneEdit: 0.9,
  initial: 0.5,
  consonants: 0.85,
  twoEdits: 0.8,
  joinedOneEdit: 0.85,
} as const

/** Tokens of at least this many letters tolerate one slip; of at least `twoEditLength`, two. */
const oneEditLength = 5
const twoEditLength = 8
/** Same consonants count only when the spellings also look alike: Hassan and Hussein share `hsn`. */
const consonantJaroWinkler = 0.82

/** Similarity of one query token and one candidate token; 0 when they are not evidence of the same name part. */
export function compareTokens(query: NameToken, candidate: NameToken): number {
  if (query.kind === 'legal-form' || candidate.kind === 'legal-form') {
    return query.kind === candidate.kind && query.folded === candidate.folded ? tokenSimilarity.exact : 0
  }
  if (query.kind === 'particle' || candidate.kind === 'particle') {
    return query.kind === candidate.kind && query.folded === candidate.folded ? tokenSimilarity.exact : 0
  }
  if (query.kind === 'initial' || candidate.kind === 'initial') return compareInitial(query, candidate)
  if (query.isAbjad || candidate.isAbjad) return compareConsonants(query.skeleton, candidate.skeleton)
  if (query.text === candidate.text) return tokenSimilarity.exact
  if (query.folded === candidate.folded) return tokenSimilarity.romanisation
  // Syllables one letter apart (Yong, Tong; Wang, Yang) are different names.
  if (query.isSyllable || candidate.isSyllable) return 0
  const slips = compareSpellings(query.folded, candidate.folded)
  if (slips === tokenSimilarity.oneEdit) return slips
  // Folding can hide a slip (`abudl` is not folded like `abdul`): the spellings as written get a second look.
  const writtenSlips =
    query.text !== query.folded || candidate.text !== candidate.folded
      ? compareSpellings(query.text, candidate.text)
      : 0
  return Math.max(slips, writtenSlips, compareVowels(query, candidate), compareArticle(query.folded, candidate.folded))
}

/** The Arabic article written glued to one spelling and apart (or not at all) in the other: `Alwalid`, `Walid`. */
function compareArticle(left: string, right: string): number {
  const [glued, bare] = hasGluedArticle(left) ? [left, right] : hasGluedArticle(right) ? [right, left] : ['', '']
  if (glued === '' || hasGluedArticle(bare)) return 0
  const rest = glued.slice(2)
  if (rest === bare) return tokenSimilarity.gluedArticle
  return Math.min(tokenSimilarity.gluedArticle, compareSpellings(rest, bare))
}

/** Whether a folded word may be the article glued to a name (`alhaq`, `elsayed`): the article and three letters. */
export function hasGluedArticle(folded: string): boolean {
  return folded.length >= 5 && (folded.startsWith('al') || folded.startsWith('el'))
}

/** Similarity of two folded spellings that are not equal: typing slips, then shared consonants. */
export function compareSpellings(left: string, right: string): number {
  const longest = Math.max(left.length, right.length)
  if (longest < oneEditLength) return 0
  // Two slips in a long word, but not two letters more or fewer (`bpssberbank` is `bps` + `sberbank`).
  const limit = longest >= twoEditLength && Math.abs(left.length - right.length) <= 1 ? 2 : 1
  // One slip leaves either the first or the last letter in place (for words of three letters or more).
  if (limit === 1 && left[0] !== right[0] && left[left.length - 1] !== right[right.length - 1]) return 0
  const distance = boundedLevenshtein(left, right, limit)
  if (distance > limit) return 0
  return distance === 1 ? tokenSimilarity.oneEdit : tokenSimilarity.twoEdits
}

/** Two words whose consonants alone are known (one comes from Arabic or Hebrew script). */
export function compareConsonants(left: string, right: string): number {
  if (left.length === 0 || right.length === 0) return 0
  const shortest = Math.min(left.length, right.length)
  // Few consonants say little: Ali `_l`, Kian and Qani `kn`.
  if (left === right) return shortest >= 3 ? tokenSimilarity.abjadConsonants : tokenSimilarity.fewConsonants
  if (shortest >= 4 && boundedLevenshtein(left, right, 1) === 1) return tokenSimilarity.twoEdits
  return 0
}

/** Latin words spelled with other vowels but the same consonants (Muhsin, Mohsen) that also look alike. */
function compareVowels(query: NameToken, candidate: NameToken): number {
  if (query.skeleton.length < 3 || query.skeleton !== candidate.skeleton) return 0
  // Other vowels, not other letters: `tongho` is not `tong` (it may be `tong` + `ho`).
  if (Math.abs(query.folded.length - candidate.folded.length) > 1) return 0
  return jaroWinkler(query.folded, candidate.folded) >= consonantJaroWinkler ? tokenSimilarity.consonants : 0
}

function compareInitial(query: NameToken, candidate: NameToken): number {
  if (query.kind === 'initial' && candidate.kind === 'initial') return query.text === candidate.text ? 1 : 0
  const initial = query.kind === 'initial' ? query : candidate
  const word = query.kind === 'initial' ? candidate : query
  return word.text.startsWith(initial.text) || word.folded.startsWith(initial.text) ? tokenSimilarity.initial : 0
}
