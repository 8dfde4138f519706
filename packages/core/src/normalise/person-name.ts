/** A person's name reduced to comparable tokens: lower case ASCII letters, no honorifics or punctuation. */
export type PersonName = {
  readonly full: string
  readonly tokens: readonly string[]
}

const honorifics = new Set([
  'mr',
  'mrs',
  'ms',
  'miss',
  'mx',
  'dr',
  'prof',
  'sir',
  'jr',
  'sr',
  'ii',
  'iii',
  'iv',
  'phd',
  'md',
])

const nonAscii = /\P{ASCII}/u

/** Removes accents and folds to lower case ASCII where a plain decomposition allows it. */
export function foldToAscii(text: string): string {
  // Most text is already ASCII, where the decomposition changes nothing: skip it (it dominates the cost otherwise).
  if (!nonAscii.test(text)) return text.toLowerCase()
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
}

export function parsePersonName(full: string | undefined): PersonName {
  const name = (full ?? '').trim()
  const tokens = foldToAscii(name)
    .split(/[^\p{L}\p{N}]+/u)
    .filter((token) => token.length > 0 && !honorifics.has(token))
  return { full: name, tokens }
}

/**
 * Whether a handle or local part (`jdoe84`, `john.doe`, `doejohn`) plausibly derives from the name: it contains a
 * token of 3+ letters, or is built from initials and a token. Deliberately generous: a miss is a weak signal only.
 */
export function isRelatedToName(handle: string, name: PersonName): boolean {
  if (name.tokens.length === 0) return true
  const compact = foldToAscii(handle).replace(/[^a-z0-9]/g, '')
  if (compact.length === 0) return false
  const letters = compact.replace(/[0-9]/g, '')
  for (const token of name.tokens) {
    if (token.length >= 3 && letters.includes(token)) return true
    if (token.length >= 4 && letters.includes(token.slice(0, 4))) return true
  }
  const initials = name.tokens.map((token) => token[0] ?? '').join('')
  if (initials.length >= 2 && (letters === initials || letters.startsWith(initials) || letters.endsWith(initials))) {
    return true
  }
  // First initial + surname, surname + first initial.
  const first = name.tokens[0] ?? ''
  const last = name.tokens[name.tokens.length - 1] ?? ''
  if (
    last.length >= 2 &&
    (letters.includes(`${first[0] ?? ''}${last}`) || letters.includes(`${last}${first[0] ?? ''}`))
  ) {
    return true
  }
  return false
}
