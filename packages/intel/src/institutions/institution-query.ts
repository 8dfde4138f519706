import anyAscii from 'any-ascii'
import { foldInstitutionText, hasNonAscii, normaliseWords } from './institution-name.js'

/** A school name as written, prepared once for every lookup the index makes. */
export type PreparedQuery = {
  /** Folded words before canonical spelling, for short forms (`georgia tech`, `mit`). */
  readonly words: readonly string[]
  /** Canonical tokens (see `normaliseInstitutionName`). */
  readonly tokens: readonly string[]
  /** The words without filler and not respelt (see `InstitutionName.literalKey`). */
  readonly literalKey: string
  /** Tokens the writer cut with a full stop (`Technol.`), read as the start of a longer word. */
  readonly abbreviated: ReadonlySet<string>
  /** The acronym the text is, when it is one (`MIT`, `M.I.T.`, `kaist` when no name has that word). */
  readonly acronym?: string
}

/** Prepares a written school name for lookup. `isKnownWord` says whether any indexed name has the word. */
export function prepareQuery(text: string, isKnownWord: (word: string) => boolean): PreparedQuery {
  const words = foldInstitutionText(text).split(' ').filter(Boolean)
  const ascii = hasNonAscii(text) ? anyAscii(text) : text
  const abbreviated = new Set([...ascii.toLowerCase().matchAll(/([a-z]+)\.(?!\w)/g)].map((match) => match[1] ?? ''))
  const acronym = acronymOfText(text.trim(), words, isKnownWord)
  const { tokens, literalKey } = normaliseWords(words)
  return {
    words,
    tokens,
    literalKey,
    abbreviated,
    ...(acronym ? { acronym } : {}),
  }
}

function acronymOfText(
  trimmed: string,
  words: readonly string[],
  isKnownWord: (word: string) => boolean,
): string | undefined {
  if (words.length >= 2 && words.every((word) => word.length === 1)) return words.join('')
  const [only] = words
  if (words.length !== 1 || only === undefined || only.length < 2 || only.length > 10) return undefined
  const isCapitals = /^[A-Z0-9.&]+$/.test(trimmed) && /[A-Z]/.test(trimmed)
  return isCapitals || !isKnownWord(only) ? only : undefined
}
