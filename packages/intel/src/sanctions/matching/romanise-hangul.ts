// The DPRK romanisation the UN and OFAC lists use for Korean names, without aspiration marks (ㅌ "th" is written "t"),
// so that `김정은` reads `kim jong un` like the lists' `KIM Jong Un`.
const initials = ['k', 'kk', 'n', 't', 'tt', 'r', 'm', 'p', 'pp', 's', 'ss', '', 'j', 'jj', 'ch', 'k', 't', 'p', 'h']
const medials = [
  'a',
  'ae',
  'ya',
  'yae',
  'o',
  'e',
  'yo',
  'ye',
  'o',
  'wa',
  'wae',
  'oe',
  'yo',
  'u',
  'wo',
  'we',
  'wi',
  'yu',
  'u',
  'ui',
  'i',
]
const finals = [
  '',
  'k',
  'k',
  'k',
  'n',
  'n',
  'n',
  't',
  'l',
  'k',
  'm',
  'l',
  'l',
  'l',
  'p',
  'l',
  'm',
  'p',
  'p',
  't',
  't',
  'ng',
  't',
  't',
  'k',
  't',
  'p',
  't',
]

const firstSyllable = 0xac00
const lastSyllable = 0xd7a3

/** Whether a UTF-16 code unit is a precomposed Hangul syllable. */
export function isHangulSyllable(code: number): boolean {
  return code >= firstSyllable && code <= lastSyllable
}

/**
 * One Hangul syllable in Latin letters: `김` → `kim`, `정` → `jong`, `룡` → `ryong`. Korean names are written one
 * syllable per character and each syllable is one token of the Latin form, so syllables are romanised one by one.
 * `이`, the surname the North writes Ri and the South Lee or Yi, reads `ri`.
 */
export function romaniseHangul(syllable: string): string {
  const offset = syllable.charCodeAt(0) - firstSyllable
  if (offset < 0 || offset > lastSyllable - firstSyllable) return syllable
  const initial = initials[Math.floor(offset / 588)] ?? ''
  const medial = medials[Math.floor((offset % 588) / 28)] ?? ''
  const final = finals[offset % 28] ?? ''
  const latin = `${initial}${medial}${final}`
  return latin === 'i' ? 'ri' : latin
}
