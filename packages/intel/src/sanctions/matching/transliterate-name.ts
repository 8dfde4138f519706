import anyAscii from 'any-ascii'
import { isHangulSyllable, romaniseHangul } from './romanise-hangul.js'

/**
 * How a word reached Latin letters. `abjad`: from Arabic or Hebrew, which write few vowels (`محمد` → `mhmd`), so only
 * its consonants can be compared; `hangul` and `han`: one token per syllable (`김정은` → `kim jong un`, `习近平` →
 * `xi jin ping`); `latin`: Latin, Cyrillic, Greek and other alphabets, letter by letter.
 */
export const wordScripts = ['latin', 'abjad', 'hangul', 'han'] as const
export type WordScript = (typeof wordScripts)[number]

export type TransliteratedWord = {
  /** Lower-case ASCII letters and digits only. */
  readonly text: string
  readonly script: WordScript
}

// Separators between words in any script; hyphens too ("Jong-un" is two tokens; "Jongun" is matched by joining).
const separators = /[\s\p{P}\p{S}]+/u
// Inside a Latin word, apostrophes join (O'Brien, Ja'far, Cyrillic soft signs as any-ascii writes them).
const apostrophes = /['`\u2018\u2019\u02bb\u02bc\u00b4]/g
const abjadLetter = /[\u0590-\u05ff\u0600-\u06ff\u0750-\u077f\ufb1d-\ufdff\ufe70-\ufeff]/
const hanCharacter = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]/
const abjadMarks = /[\u0591-\u05c7\u0610-\u061a\u064b-\u065f\u0670\u0640]/g
const arabicArticle = 'ال'
// Ain and hamza (aleph and ayin in Hebrew) carry no consonant but the vowel a Latin spelling starts with (Umar, Ali).
const leadingVowelLetter = /^[\u0639\u0621\u05d0\u05e2]/
const arabicAbd = 'عبد'
// Allah keeps its article: Latin spellings write it whole (Abdullah, Abd Allah).
const arabicAllah = 'الله'

/**
 * Splits a name as any list or applicant writes it into lower-case ASCII words, transliterating scripts on the way:
 * Unicode NFKC first (full-width letters, ligatures), accents dropped, Hangul and Han per syllable, Arabic and Hebrew
 * as consonants with the article `ال` split off, everything else through any-ascii.
 */
export function transliterateName(name: string): readonly TransliteratedWord[] {
  const words: TransliteratedWord[] = []
  for (const raw of name.normalize('NFKC').replace(/&/g, ' and ').replace(apostrophes, '').split(separators)) {
    if (raw.length === 0) continue
    if (abjadLetter.test(raw)) pushAbjadWord(raw, words)
    else pushWord(raw, words)
  }
  return words
}

function pushWord(raw: string, words: TransliteratedWord[]): void {
  let pending = ''
  const flush = (): void => {
    if (pending.length > 0) pushLatin(pending, words)
    pending = ''
  }
  for (const character of raw) {
    if (isHangulSyllable(character.charCodeAt(0))) {
      flush()
      words.push({ text: romaniseHangul(character), script: 'hangul' })
    } else if (hanCharacter.test(character)) {
      flush()
      const syllable = asciiLetters(anyAscii(character))
      if (syllable.length > 0) words.push({ text: syllable, script: 'han' })
    } else {
      pending += character
    }
  }
  flush()
}

function pushLatin(raw: string, words: TransliteratedWord[]): void {
  for (const part of anyAscii(raw)
    .toLowerCase()
    .replace(apostrophes, '')
    .split(/[^a-z0-9]+/)) {
    if (part.length > 0) words.push({ text: part, script: 'latin' })
  }
}

function pushAbjadWord(raw: string, words: TransliteratedWord[]): void {
  // Ta marbuta ends many names (Hamza, Fatima) where Latin spellings write a vowel or nothing.
  let word = raw.replace(abjadMarks, '').replace(/\u0629$/, '')
  if (word.startsWith(arabicAbd) && word.length > arabicAbd.length + 1) {
    pushAbjad(arabicAbd, words)
    word = word.slice(arabicAbd.length)
  }
  if (word === arabicAllah) {
    words.push({ text: 'allah', script: 'abjad' })
    return
  }
  if (word.startsWith(arabicArticle) && word.length > arabicArticle.length + 1) {
    words.push({ text: 'al', script: 'abjad' })
    word = word.slice(arabicArticle.length)
  }
  pushAbjad(word, words)
}

function pushAbjad(word: string, words: TransliteratedWord[]): void {
  const vowel = leadingVowelLetter.test(word) ? 'a' : ''
  let letters = ''
  for (const character of word) letters += arabicLetters[character] ?? asciiLetters(anyAscii(character))
  const text = vowel + letters
  if (text.length > 0) words.push({ text, script: 'abjad' })
}

/**
 * Arabic and Persian letters as one Latin consonant each (the consonant Latin spellings most often write, digraphs
 * folded: خ kh is `k`, ش sh is `s`, ذ and ظ dh are `z`), long vowels as `a`, `w`, `y`; hamza and ain carry no
 * consonant. One letter per letter, so the consonants compare one to one with a Latin spelling's.
 */
const arabicLetters: Readonly<Record<string, string>> = {
  ا: 'a',
  أ: 'a',
  إ: 'a',
  آ: 'a',
  ء: '',
  ؤ: 'w',
  ئ: 'y',
  ى: 'a',
  ي: 'y',
  ی: 'y',
  و: 'w',
  ع: '',
  ب: 'b',
  پ: 'b',
  ت: 't',
  ث: 't',
  ج: 'j',
  چ: 'j',
  ح: 'h',
  خ: 'k',
  د: 'd',
  ذ: 'z',
  ر: 'r',
  ز: 'z',
  ژ: 'z',
  س: 's',
  ش: 's',
  ص: 's',
  ض: 'd',
  ط: 't',
  ظ: 'z',
  غ: 'g',
  ف: 'f',
  ق: 'k',
  ك: 'k',
  ک: 'k',
  گ: 'g',
  ل: 'l',
  م: 'm',
  ن: 'n',
  ه: 'h',
  ة: '',
}

function asciiLetters(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]+/g, '')
}
