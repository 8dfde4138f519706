import { acronymOf, hasNonAscii, normaliseInstitutionName } from './institution-name.js'

/** Ways people write a school's name other than the list does, for measuring the resolver. */
export const namePerturbations = [
  'as-listed',
  'abbreviated',
  'word-order',
  'accents-dropped',
  'the-dropped',
  'and-ampersand',
  'upper-case',
  'typo',
  'acronym',
] as const
export type NamePerturbation = (typeof namePerturbations)[number]

const abbreviations: readonly (readonly [RegExp, readonly string[]])[] = [
  [/\bUniversity\b/, ['Univ.', 'Univ', 'Uni']],
  [/\bInstitute\b/, ['Inst.', 'Inst']],
  [/\bTechnology\b/, ['Tech.', 'Tech']],
  [/\bSaint\b/, ['St.', 'St']],
  [/\bInternational\b/, ['Intl.', 'Int.']],
  [/\bCollege\b/, ['Coll.']],
  [/\bMount\b/, ['Mt.']],
  [/\bNational\b/, ['Natl.']],
]

/** A seeded pseudo-random number generator (mulberry32): the same seed gives the same test set. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let value = state
    value = Math.imul(value ^ (value >>> 15), value | 1)
    value ^= value + Math.imul(value ^ (value >>> 7), value | 61)
    return ((value ^ (value >>> 14)) >>> 0) / 4294967296
  }
}

/**
 * The name written the way the perturbation says, or undefined when it does not apply to this name (no accent to
 * drop, no `University of` to turn round). `random` picks among forms and typo positions.
 */
export function perturbInstitutionName(
  name: string,
  perturbation: NamePerturbation,
  random: () => number,
): string | undefined {
  const pick = <Item>(items: readonly Item[]): Item | undefined => items[Math.floor(random() * items.length)]
  switch (perturbation) {
    case 'as-listed':
      return name
    case 'abbreviated': {
      const applicable = abbreviations.filter(([pattern]) => pattern.test(name))
      const chosen = pick(applicable)
      if (!chosen) return undefined
      const [pattern, forms] = chosen
      return name.replace(pattern, pick(forms) ?? '')
    }
    case 'word-order': {
      const universityOf = /^(?:The )?University of ([^,(-]+)$/.exec(name)
      if (universityOf?.[1]) return `${universityOf[1].trim()} University`
      const xUniversity = /^([^,(-]+?) University$/.exec(name)
      return xUniversity?.[1] && !/\bof\b/.test(xUniversity[1]) ? `University of ${xUniversity[1]}` : undefined
    }
    case 'accents-dropped': {
      if (!hasNonAscii(name)) return undefined
      const dropped = name.normalize('NFD').replace(/[\u0300-\u036f]/g, '')
      const spelled = name.replace(/[äöüÄÖÜ]/g, (letter) => umlauts[letter] ?? letter)
      return spelled !== name && random() < 0.5 ? spelled : dropped
    }
    case 'the-dropped':
      return /^The /i.test(name) ? name.replace(/^The /i, '') : undefined
    case 'and-ampersand':
      if (/ & /.test(name)) return name.replace(/ & /g, ' and ')
      return / and /.test(name) ? name.replace(/ and /g, ' & ') : undefined
    case 'upper-case':
      return name.toUpperCase().replace(/[.,]/g, '')
    case 'typo':
      return typo(name, random)
    case 'acronym':
      return acronymOf(normaliseInstitutionName(name).tokens)?.toUpperCase()
  }
}

const umlauts: Readonly<Record<string, string>> = { ä: 'ae', ö: 'oe', ü: 'ue', Ä: 'Ae', Ö: 'Oe', Ü: 'Ue' }

/** One keyboard slip (swap of neighbours, a letter dropped, doubled or replaced) in a word of six letters or more. */
function typo(name: string, random: () => number): string | undefined {
  const words = [...name.matchAll(/[A-Za-z]{6,}/g)]
  const word = words[Math.floor(random() * words.length)]
  if (!word || word.index === undefined) return undefined
  const text = word[0]
  const position = 1 + Math.floor(random() * (text.length - 2))
  const kind = Math.floor(random() * 4)
  const letter = String.fromCharCode(97 + Math.floor(random() * 26))
  const slipped =
    kind === 0
      ? text.slice(0, position) + (text[position + 1] ?? '') + (text[position] ?? '') + text.slice(position + 2)
      : kind === 1
        ? text.slice(0, position) + text.slice(position + 1)
        : kind === 2
          ? text.slice(0, position) + (text[position] ?? '') + text.slice(position)
          : text.slice(0, position) + letter + text.slice(position + 1)
  return slipped === text ? undefined : name.slice(0, word.index) + slipped + name.slice(word.index + text.length)
}
