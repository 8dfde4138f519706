import type { AddressContact } from '../record/application-record.js'
import { foldToAscii } from '../normalise/person-name.js'

// USPS Publication 28 street suffixes and directionals, the forms people mix most; the short form is the key.
const abbreviations: Readonly<Record<string, string>> = {
  street: 'st',
  str: 'st',
  avenue: 'ave',
  av: 'ave',
  road: 'rd',
  boulevard: 'blvd',
  drive: 'dr',
  lane: 'ln',
  court: 'ct',
  place: 'pl',
  square: 'sq',
  terrace: 'ter',
  parkway: 'pkwy',
  highway: 'hwy',
  circle: 'cir',
  crescent: 'cres',
  trail: 'trl',
  way: 'way',
  mount: 'mt',
  fort: 'ft',
  saint: 'st',
  north: 'n',
  south: 's',
  east: 'e',
  west: 'w',
  northeast: 'ne',
  northwest: 'nw',
  southeast: 'se',
  southwest: 'sw',
}

// Every way of writing "the unit within the building" becomes `#`: "Apt 4B", "Apt. 4B", "#4B", "Unit 4B", "Suite 4B".
const unitDesignators = new Set(['apt', 'apartment', 'unit', 'suite', 'ste', 'no', 'number', 'rm', 'room', 'flat'])

// Country names people append to a typed address; the structured country code is not part of the key either.
const trailingCountries = [
  ['united', 'states', 'of', 'america'],
  ['united', 'states'],
  ['usa'],
  ['united', 'kingdom'],
  ['uk'],
  ['canada'],
  ['australia'],
  ['germany'],
  ['india'],
  ['philippines'],
] as const

/**
 * The comparison key of a postal address: case, accents, punctuation, whitespace, unit forms, street-suffix and
 * directional abbreviations and ZIP+4 folded away, the country left out. Returns undefined when nothing is left.
 * Free text (`value`) wins over the parts when both are given, as it is what the applicant typed.
 */
export function normaliseAddress(address: AddressContact): string | undefined {
  const text =
    address.value ??
    [address.line1, address.line2, address.city, address.region, address.postalCode]
      .filter((part): part is string => part !== undefined)
      .join(', ')
  return normaliseAddressText(text)
}

export function normaliseAddressText(text: string): string | undefined {
  const spaced = foldToAscii(text)
    .replace(/\b(\d{5})-\d{4}\b/g, '$1')
    .replace(/#/g, ' # ')
    .replace(/[^a-z0-9#]+/g, ' ')
  const tokens = spaced.split(' ').filter((token) => token.length > 0)
  const out: string[] = []
  for (let index = 0; index < tokens.length; index++) {
    const token = tokens[index] ?? ''
    if (unitDesignators.has(token) || token === '#') {
      const next = tokens[index + 1]
      if (next === '#') continue
      // "Apt 4B" and "#4B" both become "#4b"; "No" before a word is not a unit ("No Name Road" stays).
      if (next !== undefined && /\d/.test(next)) {
        out.push(`#${next}`)
        index++
        continue
      }
      if (token === '#') continue
    }
    out.push(abbreviations[token] ?? token)
  }
  dropTrailingCountry(out)
  return out.length > 0 ? out.join(' ') : undefined
}

function dropTrailingCountry(tokens: string[]): void {
  for (const country of trailingCountries) {
    if (tokens.length <= country.length) continue
    const tail = tokens.slice(tokens.length - country.length)
    if (tail.every((token, index) => token === country[index])) {
      tokens.length -= country.length
      return
    }
  }
}
