/** A word of the index a query word may stand for, and how much it is believed. */
export type TokenExpansion = {
  readonly token: string
  readonly similarity: number
  readonly kind: 'exact' | 'typo' | 'prefix' | 'related'
}

/** The words of every indexed name, with their frequency, and the lookups that read misspelt or cut words. */
export type TokenVocabulary = {
  readonly size: number
  /** How many names carry the word (0 when none does). */
  readonly frequency: (token: string) => number
  /**
   * The indexed words a query word may be: itself when indexed; else words one edit away (a typo: `michgan`,
   * `univeristy`), for words of four letters or more; else, for a cut word (`Technol.`, or any unknown word of three
   * letters or more), the most frequent indexed words it begins.
   */
  readonly expand: (token: string, isAbbreviated: boolean) => readonly TokenExpansion[]
}

const shortestTypoWord = 4
/** Words at most this frequent are also read as possible typos of common ones. */
const rareWordFrequency = 20
/** A known word is read as a typo of another only when that one is this many times more common. */
const typoFrequencyRatio = 10
const shortestPrefix = 3
const mostPrefixExpansions = 6
/** One slip in a long word leaves it recognisable; in a short one it may be another word (`Gung`, `Jung`). */
const typoSimilarity = (length: number): number => (length >= 8 ? 0.9 : length >= 6 ? 0.85 : 0.6)
const abbreviationSimilarity = 0.95
const guessedPrefixSimilarity = 0.8

/**
 * Builds the vocabulary with a deletion index (SymSpell): every word and each of its one-letter deletions point to
 * the word, so one lookup per deletion of the query word finds all words one edit away (insertion, deletion,
 * substitution or swap of neighbours) without comparing against the whole vocabulary. `spellings` are other
 * spellings of indexed words (`universidad` of university): a typo of one of them (`universidd`) finds the word.
 */
export function createTokenVocabulary(
  frequencies: ReadonlyMap<string, number>,
  spellings: ReadonlyMap<string, string> = new Map(),
): TokenVocabulary {
  const wordOf = new Map<string, string>()
  // Built on the first typo lookup: screening names that are all written as listed never pays for it.
  let deletions: Map<string, string[]> | undefined
  const deletionIndex = (): Map<string, string[]> => {
    if (deletions) return deletions
    const built = new Map<string, string[]>()
    const index = (surface: string, word: string): void => {
      if (surface.length < shortestTypoWord || /^\d+$/.test(surface)) return
      wordOf.set(surface, word)
      for (const variant of [surface, ...deletionsOf(surface)]) {
        const surfaces = built.get(variant)
        // A doubled letter gives the same deletion twice: keep one.
        if (!surfaces) built.set(variant, [surface])
        else if (surfaces[surfaces.length - 1] !== surface) surfaces.push(surface)
      }
    }
    for (const token of frequencies.keys()) index(token, token)
    for (const [spelling, word] of spellings) {
      if (spelling.length >= 6 && frequencies.has(word) && !frequencies.has(spelling)) index(spelling, word)
    }
    deletions = built
    return built
  }
  let sortedWords: string[] | undefined
  const sortedVocabulary = (): string[] => (sortedWords ??= [...frequencies.keys()].sort())
  const frequency = (token: string): number => frequencies.get(token) ?? 0

  function typos(token: string): string[] {
    const index = deletionIndex()
    const surfaces = new Set<string>()
    for (const variant of [token, ...deletionsOf(token)]) {
      for (const surface of index.get(variant) ?? []) surfaces.add(surface)
    }
    const words = new Set<string>()
    for (const surface of surfaces) {
      const word = wordOf.get(surface)
      if (word !== undefined && word !== token && isOneEditApart(token, surface)) words.add(word)
    }
    return [...words]
  }

  function prefixed(prefix: string): string[] {
    const sorted = sortedVocabulary()
    let low = 0
    let high = sorted.length
    while (low < high) {
      const middle = (low + high) >>> 1
      if ((sorted[middle] ?? '') < prefix) low = middle + 1
      else high = middle
    }
    const words: string[] = []
    for (let position = low; position < sorted.length; position += 1) {
      const word = sorted[position] ?? ''
      if (!word.startsWith(prefix)) break
      if (word.length > prefix.length) words.push(word)
    }
    return words.sort((a, b) => frequency(b) - frequency(a) || (a < b ? -1 : 1)).slice(0, mostPrefixExpansions)
  }

  return {
    size: frequencies.size,
    frequency,
    expand(token, isAbbreviated) {
      const count = frequency(token)
      // A word few names carry may itself be a list's typo (`Univeristy`): look for a far more common word too.
      if (count > rareWordFrequency && !isAbbreviated) return [{ token, similarity: 1, kind: 'exact' }]
      const expansions: TokenExpansion[] = count > 0 ? [{ token, similarity: 1, kind: 'exact' }] : []
      if (token.length >= shortestTypoWord && !/^\d+$/.test(token)) {
        for (const word of typos(token)) {
          if (frequency(word) > count * typoFrequencyRatio) {
            expansions.push({ token: word, similarity: typoSimilarity(token.length), kind: 'typo' })
          }
        }
      }
      if ((isAbbreviated || count === 0) && token.length >= shortestPrefix) {
        const similarity = isAbbreviated ? abbreviationSimilarity : guessedPrefixSimilarity
        for (const word of prefixed(token)) expansions.push({ token: word, similarity, kind: 'prefix' })
      }
      return expansions
    },
  }
}

function deletionsOf(token: string): string[] {
  const variants: string[] = []
  for (let position = 0; position < token.length; position += 1) {
    variants.push(token.slice(0, position) + token.slice(position + 1))
  }
  return variants
}

/** Optimal string alignment distance of at most one: one insertion, deletion, substitution or swap of neighbours. */
export function isOneEditApart(a: string, b: string): boolean {
  if (a === b) return false
  if (Math.abs(a.length - b.length) > 1) return false
  let start = 0
  while (start < a.length && start < b.length && a[start] === b[start]) start += 1
  let endA = a.length
  let endB = b.length
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA -= 1
    endB -= 1
  }
  const restA = endA - start
  const restB = endB - start
  if (restA <= 1 && restB <= 1) return true
  return restA === 2 && restB === 2 && a[start] === b[start + 1] && a[start + 1] === b[start]
}
