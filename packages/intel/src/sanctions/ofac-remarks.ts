import { listCountryCode } from './list-country.js'
import { ofacBirthDates } from './ofac-birth-dates.js'
import type { SanctionedGender } from './sanctioned-entity.js'

/** What HireWall reads from the Remarks field of an OFAC CSV entry. */
export type OfacRemarks = {
  readonly birthDates: readonly string[]
  /** Lower-case ISO2 codes of `nationality` and `citizen` remarks (the `alt.` ones included). */
  readonly nationalities: readonly string[]
  readonly gender?: SanctionedGender
  /**
   * The aliases written in the remarks (`a.k.a. 'BOULAHIA'`). OFAC's CSV carries its weak (low-quality) aliases only
   * there, the strong ones being in alt.csv (OFAC FAQ 123), so every one of these is a weak alias.
   */
  readonly weakAliases: readonly string[]
}

// `a.k.a. 'ABU-'UMAR';`: the quoted name ends at a quote followed by `;` or the end of the remarks, not at any quote.
const weakAlias = /\b(?:[afn]\.k\.a\.|d\.b\.a\.)\s+'(.+?)'(?=\s*;|\.?\s*$)/g
const birthDate = /^(?:alt\.\s+)?DOB\s+(.+)$/
const nationality = /^(?:alt\.\s+)?(?:nationality|citizen)\s+(.+)$/
const gender = /^Gender\s+(Male|Female)$/i
const space = 0x20
// The first letters of the statements read here: DOB, alt., nationality, citizen, Gender.
const firstLetters = new Set(['D', 'a', 'n', 'c', 'G'].map((letter) => letter.charCodeAt(0)))

/** Reads birth dates, nationalities, gender and weak aliases from the Remarks field of an OFAC CSV entry. */
export function readOfacRemarks(remarks: string): OfacRemarks {
  const birthDates: string[] = []
  const nationalities: string[] = []
  let stated: SanctionedGender | undefined
  for (let from = 0; from < remarks.length;) {
    const semicolon = remarks.indexOf(';', from)
    const end = semicolon === -1 ? remarks.length : semicolon
    let start = from
    while (remarks.charCodeAt(start) === space) start++
    from = end + 1
    // Most statements are identifiers and links: the first letter rules them out without slicing or matching.
    if (!firstLetters.has(remarks.charCodeAt(start))) continue
    const statement = remarks.slice(start, end).trimEnd().replace(/\.$/, '')
    const date = birthDate.exec(statement)
    if (date) {
      addAll(birthDates, ofacBirthDates(date[1] ?? ''))
      continue
    }
    const country = nationality.exec(statement)
    if (country) {
      const code = listCountryCode(country[1] ?? '')
      if (code && !nationalities.includes(code)) nationalities.push(code)
      continue
    }
    const sex = gender.exec(statement)
    if (sex) stated = (sex[1] ?? '').toLowerCase() === 'male' ? 'male' : 'female'
  }
  const weakAliases: string[] = []
  const hasAliases = remarks.includes('.k.a.') || remarks.includes('d.b.a.')
  for (const match of hasAliases ? remarks.matchAll(weakAlias) : []) {
    const name = (match[1] ?? '').trim()
    if (name && !weakAliases.includes(name)) weakAliases.push(name)
  }
  return stated
    ? { birthDates, nationalities, gender: stated, weakAliases }
    : { birthDates, nationalities, weakAliases }
}

function addAll(target: string[], values: readonly string[]): void {
  for (const value of values) if (!target.includes(value)) target.push(value)
}
