import type { ReferenceSource } from '@hirewall/core'
import { containsWords, problem, readListFile, type ListFile } from './list-file.js'

/** A row of a list matched by words (an address, an institution's name): what it names and why it is listed. */
export type WordPatternEntry<Kind extends string> = {
  readonly pattern: string
  /** The pattern as words, folded the way the values it is compared with are folded. */
  readonly words: readonly string[]
  readonly kind: Kind
  readonly name: string
  readonly note: string
  readonly line: number
}

/** A loaded word-pattern list and the source its matches cite. */
export type WordPatternList<Kind extends string> = {
  readonly source: ReferenceSource
  readonly entries: readonly WordPatternEntry<Kind>[]
}

/** How one list reads its patterns. */
export type WordPatternListFormat<Kind extends string> = {
  readonly kinds: readonly Kind[]
  /** Folds a pattern into words as the compared values are folded; none when the pattern has no words. */
  readonly toWords: (pattern: string) => readonly string[]
  /** What the pattern column holds, for the message when a row has none ("the words to look for"). */
  readonly patternIs: string
}

/**
 * Parses a list with the columns `pattern, kind, name, note` (the forwarding addresses, the payout institutions): a
 * kind outside `format.kinds` or a pattern without words skips the row; the name defaults to the pattern.
 */
export function parseWordPatternList<Kind extends string>(
  text: string,
  name: string,
  format: WordPatternListFormat<Kind>,
): ListFile<WordPatternEntry<Kind>> {
  return readListFile(text, name, ['pattern', 'kind', 'name', 'note'] as const, (cells, line) => {
    const kind = format.kinds.find((candidate) => candidate === cells.kind.toLowerCase())
    if (kind === undefined)
      return problem(line, 'kind', `must be one of ${format.kinds.join(', ')}, not "${cells.kind}"`)
    const words = format.toWords(cells.pattern)
    if (words.length === 0) return problem(line, 'pattern', `is required: ${format.patternIs}`)
    return { pattern: cells.pattern, words, kind, name: cells.name || cells.pattern, note: cells.note, line }
  })
}

/** The first entry whose words all appear in `valueWords`, as whole words. */
export function findByWords<Kind extends string>(
  list: WordPatternList<Kind>,
  valueWords: readonly string[],
): WordPatternEntry<Kind> | undefined {
  return list.entries.find((entry) => containsWords(valueWords, entry.words))
}
