import { getCountries, parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/max'
import mobileExamples from 'libphonenumber-js/mobile/examples'
import { describe, expect, it } from 'vitest'
import { phoneNumberType } from './phone-number-type.js'

// Numbers of many plans and types: valid and invalid, shared calling codes (+1, +44, +7), non-geographic (+800).
const numbers: readonly (readonly [string, CountryCode?])[] = [
  ['(415) 555-0132', 'US'],
  ['(201) 555-0123', 'US'],
  ['+1 800 555 0199'],
  ['+1 900 555 0199'],
  ['+1 416 555 0199'],
  ['+1 876 555 0199'],
  ['07400 123456', 'GB'],
  ['020 7946 0000', 'GB'],
  ['+44 7624 369230'],
  ['+44 1534 123456'],
  ['+44 7640 123456'],
  ['+44 800 123 4567'],
  ['+44 56 1234 5678'],
  ['06 12 34 56 78', 'FR'],
  ['01 23 45 67 89', 'FR'],
  ['+49 30 123456'],
  ['+49 1512 3456789'],
  ['+7 912 345 67 89'],
  ['+7 701 234 5678'],
  ['+82 10-1234-5678'],
  ['+86 138 0013 8000'],
  ['+55 11 93011 3028'],
  ['+91 98765 43210'],
  ['+61 4 1234 5678'],
  ['+800 1234 5678'],
  ['+850 2 381 2345'],
  ['+39 06 1234 5678'],
  ['+234 803 123 4567'],
  ['12345', 'US'],
  ['+1 555 555 5555'],
  ['+44 7400 12345'],
]

const examples = mobileExamples as Readonly<Partial<Record<CountryCode, string>>>

describe('phoneNumberType', () => {
  it.each(numbers.map(([raw, country]) => ({ raw, country })))(
    'answers what getType() does for $raw',
    ({ raw, country }) => {
      const phone = parsePhoneNumberFromString(raw, country ? { defaultCountry: country } : {})
      expect(phone).toBeDefined()
      if (!phone) return
      expect(phoneNumberType(phone.country ?? phone.countryCallingCode, phone.nationalNumber)).toBe(phone.getType())
    },
  )

  it("agrees with getType() on every plan's example numbers and on variants of them", () => {
    let compared = 0
    for (const country of getCountries()) {
      const example = examples[country]
      if (!example) continue
      // The example, and variants with a changed first or last digit (other types, invalid numbers).
      const variants = [example]
      for (const digit of '0123456789') variants.push(`${digit}${example.slice(1)}`, `${example.slice(0, -1)}${digit}`)
      for (const national of variants) {
        const phone = parsePhoneNumberFromString(national, { defaultCountry: country })
        if (!phone) continue
        compared++
        expect(phoneNumberType(phone.country ?? phone.countryCallingCode, phone.nationalNumber), national).toBe(
          phone.getType(),
        )
      }
    }
    expect(compared).toBeGreaterThan(3_000)
  })
})
