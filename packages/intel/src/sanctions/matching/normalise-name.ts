import { boundedLevenshtein } from './bounded-levenshtein.js'
import { consonantSkeleton } from './consonant-skeleton.js'
import { legalFormAt } from './legal-forms.js'
import { honorifics, nameParticles } from './name-vocabulary.js'
import { foldRomanisation } from './romanisation-variants.js'
import { transliterateName, type TransliteratedWord } from './transliterate-name.js'

/**
 * What a token contributes. `word`: a name part; `initial`: one Latin letter, matching any word it starts;
 * `particle`: al-, bin, de, van... (counts little); `legal-form`: LLC, GmbH, OOO... folded to one code (counts little).
 */
export const nameTokenKinds = ['word', 'initial', 'particle', 'legal-form'] as const
export type NameTokenKind = (typeof nameTokenKinds)[number]

export type NameToken = {
  /** Lower-case ASCII as transliterated (`gim`, `jeong`, `mhmd`). */
  readonly text: string
  /** Romanisation variants folded (`kim`, `jong`); for abjad words, their consonant skeleton. */
  readonly folded: string
  /** Consonants of the folded form (`km`, `jng`), for words whose vowels are unknown or spelled differently. */
  readonly skeleton: string
  readonly kind: NameTokenKind
  /** Transliterated from Arabic or Hebrew: compare its consonants only. */
  readonly isAbjad: boolean
  /** One Hangul or Han syllable: short, so only the same syllable (in any romanisation) counts. */
  readonly isSyllable: boolean
}

/** Person names drop honorifics; organisation names fold legal forms; `any` (a legal entity) does both. */
export const nameReadings = ['person', 'organisation', 'any'] as const
export type NameReading = (typeof nameReadings)[number]

export type NormalisedName = { readonly tokens: readonly NameToken[] }

// Compounds written as one word in Latin lists: Abdulrahman, Abdelkader, Abdullah.
const abdPrefixes = ['abdoul', 'abdul', 'abdel', 'abdal', 'abdol', 'abdur', 'abdu', 'abd']
// Legal forms that companies glue to a one-word name, told apart from the name by their capitals.
const gluedLegalSuffix = /[a-z](AG|GmbH|GMBH|LLC|Ltd|LTD|Inc|INC|Corp|CORP|PLC|SA|BV|NV|OOO|JSC)$/
// The Arabic article as its assimilated forms spell it, and the spellings of "son of".
const particleForms = new Map([
  ...['el', 'ul', 'ar', 'ash', 'ad', 'at', 'az', 'as', 'an'].map((form) => [form, 'al'] as const),
  ['ben', 'bin'],
  ['ibn', 'bin'],
  ['binti', 'bint'],
  ['uld', 'ould'],
  ['wuld', 'ould'],
])
// The article and "son of" as Arabic and Hebrew script spell them, transliterated (ال, بن, بنت, ولد, בן).
const abjadParticles = new Map([
  ['al', 'al'],
  ['bn', 'bin'],
  ['abn', 'bin'],
  ['bnt', 'bint'],
  ['wld', 'ould'],
])
const allahSpelling = /^[uaoi]?(l{1,2}ahi?|lla)$/
const allahSpellings = ['lah', 'llah', 'ullah', 'allah', 'illah']

/**
 * A name in the form the matcher compares: transliterated, split into tokens (order kept, but never relied on),
 * honorifics dropped, legal forms and romanisation variants folded, each token tagged with its kind.
 */
export function normaliseName(name: string, reading: NameReading): NormalisedName {
  const words = splitLegalSuffix(splitCompounds(transliterateName(name), reading), reading, name)
  const tokens: NameToken[] = []
  for (let index = 0; index < words.length; index += 1) {
    const word = words[index]
    if (word === undefined) continue
    if (reading !== 'person' && word.script === 'latin') {
      const legalForm = legalFormAt(
        words.map((other) => other.text),
        index,
      )
      if (legalForm !== undefined) {
        tokens.push({
          text: legalForm.code,
          folded: legalForm.code,
          skeleton: '',
          kind: 'legal-form',
          isAbjad: false,
          isSyllable: false,
        })
        index += legalForm.length - 1
        continue
      }
    }
    tokens.push(tokenOf(word))
  }
  if (reading === 'organisation') return { tokens: joinAcronyms(tokens) }
  const withoutHonorifics = tokens.filter((token) => !(token.kind === 'word' && honorifics.has(token.text)))
  // "Imam Bheel": a title that is also the only other word may well be a name.
  const wordCount = withoutHonorifics.filter((token) => token.kind === 'word').length
  const named = wordCount >= 2 ? withoutHonorifics : tokens
  return { tokens: reading === 'any' ? joinAcronyms(named) : named }
}

/** Organisations write acronyms letter by letter (`T.E.G. Limited`, `B R C S.A.`): one word, not initials. */
function joinAcronyms(tokens: readonly NameToken[]): readonly NameToken[] {
  const joined: NameToken[] = []
  let letters = ''
  const flush = (): void => {
    if (letters.length > 0) joined.push(tokenOf({ text: letters, script: 'latin' }))
    letters = ''
  }
  for (const token of tokens) {
    // Single letters that are also particles (`e`, `y`) are letters of the acronym here.
    if (token.text.length === 1 && (token.kind === 'initial' || token.kind === 'particle')) letters += token.text
    else {
      flush()
      joined.push(token)
    }
  }
  flush()
  return joined
}

function tokenOf(word: TransliteratedWord): NameToken {
  const { text, script } = word
  if (script === 'abjad') {
    const skeleton = consonantSkeleton(text, true)
    const particle = abjadParticles.get(text)
    if (particle !== undefined) {
      return { text, folded: particle, skeleton: '', kind: 'particle', isAbjad: true, isSyllable: false }
    }
    return { text, folded: skeleton, skeleton, kind: 'word', isAbjad: true, isSyllable: false }
  }
  const isSyllable = script === 'hangul' || script === 'han'
  if (!isSyllable && nameParticles.has(text)) {
    const folded = particleForms.get(text) ?? text
    return { text, folded, skeleton: '', kind: 'particle', isAbjad: false, isSyllable: false }
  }
  const folded = foldRomanisation(text)
  const kind: NameTokenKind = !isSyllable && text.length === 1 ? 'initial' : 'word'
  return { text, folded, skeleton: consonantSkeleton(folded), kind, isAbjad: false, isSyllable }
}

/** A one-word organisation name with its legal form glued on in capitals (`SiemensAG`, `AcmeLLC`): two tokens. */
function splitLegalSuffix(
  words: readonly TransliteratedWord[],
  reading: NameReading,
  name: string,
): readonly TransliteratedWord[] {
  const only = words[0]
  if (reading === 'person' || words.length !== 1 || only === undefined || only.script !== 'latin') return words
  const glued = gluedLegalSuffix.exec(name.trim())?.[1]?.toLowerCase()
  if (glued === undefined || only.text.length - glued.length < 3) return words
  return [
    { text: only.text.slice(0, -glued.length), script: 'latin' },
    { text: glued, script: 'latin' },
  ]
}

function splitCompounds(words: readonly TransliteratedWord[], reading: NameReading): readonly TransliteratedWord[] {
  if (reading === 'organisation') return words
  const split: TransliteratedWord[] = []
  for (const word of words) {
    const parts = word.script === 'latin' ? abdParts(word.text) : undefined
    if (parts === undefined) split.push(word)
    else {
      // Both parts as written (`abdoul` + `aye`, `abdu` + `lla`): folding reads them as `abd` and `allah`, and a slip
      // in the whole word stays one letter from the two joined.
      split.push({ text: parts[0], script: 'latin' }, { text: parts[1], script: 'latin' })
    }
  }
  return split
}

/** `abdulrahman` → `abdul` + `rahman`, `abdulla` → `abdu` + `lla`; undefined for a word that is not such a compound. */
function abdParts(word: string): readonly [string, string] | undefined {
  if (!word.startsWith('abd')) return undefined
  for (const prefix of abdPrefixes) {
    if (!word.startsWith(prefix)) continue
    const rest = word.slice(prefix.length)
    if (allahSpelling.test(rest)) return [prefix, rest]
    // A rest one slip from Allah is a misspelt Abdullah: kept whole, it stays one letter from the listed spelling.
    if (rest.length >= 4 && /^[a-z]+$/.test(rest) && !isNearAllah(rest)) return [prefix, rest]
  }
  return undefined
}

function isNearAllah(rest: string): boolean {
  return allahSpellings.some((spelling) => boundedLevenshtein(rest, spelling, 1) <= 1)
}
