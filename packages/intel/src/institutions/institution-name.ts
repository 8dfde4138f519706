import anyAscii from 'any-ascii'
import { familyPrefixes } from './family-prefixes.js'
import { distinguishingWords, typeWords } from './institution-words.js'

/** A school name reduced to comparable tokens: ASCII, lower case, abbreviations expanded, filler words dropped. */
export type InstitutionName = {
  /** Canonical tokens in the order written: `Univ. of Illinois at Urbana-Champaign` → university illinois urbana champaign. */
  readonly tokens: readonly string[]
  /** The tokens joined: equal keys are the same name written differently. */
  readonly key: string
  /** The tokens sorted and joined: equal bags are the same words in another order (`X University`, `University of X`). */
  readonly bagKey: string
  /**
   * The tokens without translation (abbreviations still expanded): `Universidad de Los Lagos` and `University of
   * Lagos` share a key but not this, which tells an exact match in the list's own words from one through translation.
   */
  readonly literalKey: string
  /** Initials that may stand for the name (`mit`; `ucla` keeps the `Los` of Los Angeles), three letters or more. */
  readonly acronyms: readonly string[]
}

// Words that carry no identity in a school name, in the languages the world list is written in.
const englishFiller = 'the of and at in for on'.split(' ')
const fillerWords: ReadonlySet<string> = new Set([
  ...englishFiller,
  ...'de del della dei degli di da do dos das du des la le les el los las y e et und der die fur zu van von'.split(' '),
])
const englishFillerWords: ReadonlySet<string> = new Set(englishFiller)

// Short forms of English words: `Univ.`, `Inst.`, `Mt.`.
const abbreviations: ReadonlyMap<string, string> = spellings({
  ...spell('university', 'univ univs unv uni u'),
  ...spell('college', 'coll'),
  ...spell('institute', 'inst'),
  ...spell('technology', 'tech techn technol technologies'),
  ...spell('polytechnic', 'poly polytechnical'),
  ...spell('science', 'sci sciences scis'),
  ...spell('saint', 'ste'),
  ...spell('mount', 'mt'),
  ...spell('fort', 'ft'),
  ...spell('national', 'natl'),
  ...spell('international', 'intl'),
  ...spell('academy', 'acad'),
  ...spell('school', 'sch schl'),
  ...spell('management', 'mgmt mgt'),
  ...spell('engineering', 'eng engg engr'),
  ...spell('center', 'centre ctr'),
  ...spell('department', 'dept'),
  ...spell('study', 'studies'),
  ...spell('community', 'cmty'),
  ...spell('2', 'ii'),
  ...spell('3', 'iii'),
  ...spell('4', 'iv'),
  ...spell('5', 'v'),
  ...spell('6', 'vi'),
  ...spell('7', 'vii'),
  ...spell('8', 'viii'),
  ...spell('9', 'ix'),
  ...spell('10', 'x'),
  ...spell('11', 'xi'),
  ...spell('12', 'xii'),
  ...spell('13', 'xiii'),
})

// The same institutional words in the other languages of the lists, so `Universität` and `Universidad` compare equal.
const translations: ReadonlyMap<string, string> = spellings({
  ...spell('university', 'universitat universitaet universite universidad universidade universita universiteit'),
  ...spell('university', 'universitet uniwersytet univerzita univerzitet universiti universitas universitatea'),
  ...spell('university', 'universitesi universiteti universitetas yliopisto'),
  ...spell('college', 'colegio collegium'),
  ...spell('institute', 'institut instituto istituto institutul'),
  ...spell('technology', 'teknologi tecnologia technologie'),
  ...spell('technical', 'technische tecnica tecnico technicka technicke technique'),
  ...spell('polytechnic', 'politecnico polytechnique politechnika politecnica'),
  ...spell('science', 'ciencias sciencia scienze wissenschaften'),
  ...spell('saint', 'sankt'),
  ...spell('national', 'nacional nationale nazionale'),
  ...spell('international', 'internacional internationale'),
  ...spell('academy', 'academie akademie akademia academia accademia'),
  ...spell('school', 'escuela ecole escola schule scuola'),
})

const canonicalWords: ReadonlyMap<string, string> = new Map([...abbreviations, ...translations])

/** Every other spelling of a canonical word (`univ` → university), for reading typos of them. */
export const canonicalSpellings: ReadonlyMap<string, string> = canonicalWords

/** Words after which `St.` means State (`Ohio St. University`), not Saint (`St. Louis University`). */
const stateFollowers: ReadonlySet<string> = new Set(['university', 'college'])

/**
 * Folds text the way every name is compared: any script to ASCII (`Universität` → universitat, `Łódź` → lodz),
 * lower case, `&` to `and`, apostrophes dropped (`St. John's` → st johns), other punctuation to spaces.
 */
export function foldInstitutionText(text: string): string {
  // any-ascii is the expensive step and most names are ASCII already.
  const ascii = hasNonAscii(text) ? anyAscii(text.replace(/\uFFFD/g, '')) : text
  return ascii
    .toLowerCase()
    .replace(/\bu\.\s?s\.(?=\s|$)/g, ' united states ')
    .replace(/&/g, ' and ')
    .replace(/['`]/g, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
}

/** Whether text has anything beyond printable ASCII (letters to transliterate, accents to drop). */
export function hasNonAscii(text: string): boolean {
  return /[^\t\n\r -~]/.test(text)
}

/** Reduces a school name to canonical tokens (see `InstitutionName`). */
export function normaliseInstitutionName(text: string): InstitutionName {
  return normaliseWords(foldInstitutionText(text).split(' '))
}

/** `normaliseInstitutionName` of already folded words. One pass gives the tokens and their untranslated form. */
export function normaliseWords(folded: readonly string[]): InstitutionName {
  const words = withFamilySpelt(folded)
  const tokens: string[] = []
  const literal: string[] = []
  let hasForeignFiller = false
  for (let position = 0; position < words.length; position += 1) {
    const word = words[position] ?? ''
    if (word === '') continue
    if (fillerWords.has(word)) {
      hasForeignFiller ||= !englishFillerWords.has(word)
      continue
    }
    const abbreviation = word === 'st' ? saintOrState(words, position) : (abbreviations.get(word) ?? word)
    tokens.push(translations.get(word) ?? abbreviation)
    literal.push(abbreviation)
  }
  const acronym = acronymOf(tokens)
  // `Los Angeles` keeps its `Los` in UCLA; `de` drops out of UNAM: with foreign filler, both readings.
  const withFiller = hasForeignFiller
    ? acronymOf(words.filter((word) => word !== '' && !englishFillerWords.has(word)).map(canonicalWord))
    : undefined
  return {
    tokens,
    key: tokens.join(' '),
    bagKey: [...tokens].sort().join(' '),
    literalKey: literal.join(' '),
    acronyms: [...new Set([acronym, withFiller].filter((value): value is string => value !== undefined))],
  }
}

/** One folded word in its canonical spelling (`univ` → university), or itself. */
export function canonicalWord(word: string): string {
  return canonicalWords.get(word) ?? word
}

// A family prefix spelt out when more words follow (`SUNY Maritime College`, `IIT Bombay`).
function withFamilySpelt(folded: readonly string[]): readonly string[] {
  const [first, ...rest] = folded
  const family = first === undefined || rest.length === 0 ? undefined : familyPrefixes.get(first)
  return family === undefined ? folded : [...family.split(' '), ...rest]
}

// `St.` is State after a place and before University or College (`Ohio St. University`), else Saint.
function saintOrState(words: readonly string[], position: number): string {
  const next = words[position + 1]
  return position > 0 && (next === undefined || stateFollowers.has(canonicalWord(next))) ? 'state' : 'saint'
}

/**
 * The tokens with each run of two or more short words joined (`Da Nang` → danang, `Sung Kyun Kwan` → sungkyunkwan),
 * or undefined when there is no such run: lists and people split some names differently.
 */
export function joinShortRuns(tokens: readonly string[]): string[] | undefined {
  const joined: string[] = []
  let run: string[] = []
  let hasJoined = false
  const flush = (): void => {
    if (run.length >= 2) {
      joined.push(run.join(''))
      hasJoined = true
    } else joined.push(...run)
    run = []
  }
  for (const token of tokens) {
    if (token.length <= 4 && /^[a-z]+$/.test(token) && !typeWords.has(token)) {
      run.push(token)
      continue
    }
    flush()
    joined.push(token)
  }
  flush()
  return hasJoined ? joined : undefined
}

/**
 * The short form people write for a long name ending in its place: the initials of the rest and the place
 * (`Institut National des Sciences Appliquées de Lyon` → insa lyon, `Rheinisch Westfälische Technische Hochschule
 * Aachen` → rwth aachen), or undefined when the name is too short or does not end in a place-like word.
 */
export function acronymWithPlace(tokens: readonly string[]): string[] | undefined {
  const place = tokens[tokens.length - 1]
  if (tokens.length < 4 || place === undefined || !/^[a-z]{3,}$/.test(place)) return undefined
  if (typeWords.has(place) || distinguishingWords.has(place)) return undefined
  const initials = acronymOf(tokens.slice(0, -1))
  return initials === undefined || initials.length !== tokens.length - 1 ? undefined : [initials, place]
}

/**
 * The acronym of a name's tokens (`massachusetts institute technology` → mit), or undefined when it would be too
 * short to mean anything (under three letters) or the name is one word.
 */
export function acronymOf(tokens: readonly string[]): string | undefined {
  const letters = tokens.filter((token) => /^[a-z]/.test(token)).map((token) => token[0])
  return letters.length >= 3 ? letters.join('') : undefined
}

function spell(canonical: string, variants: string): Record<string, string> {
  return Object.fromEntries(variants.split(' ').map((variant) => [variant, canonical]))
}

function spellings(table: Record<string, string>): ReadonlyMap<string, string> {
  return new Map(Object.entries(table))
}
