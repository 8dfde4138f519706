import { parsePhone } from '@hirewall/core'
import { describe, expect, it } from 'vitest'
import { countries } from './data/countries.js'
import { newPhoneNumber } from './phone-pool.js'
import { Random } from './random.js'

describe('newPhoneNumber', () => {
  it.each(countries.map((country) => [country.code, country.cities[0]?.areaCodes] as const))(
    'makes valid, distinct mobile numbers of %s that parse back from the national and international forms',
    (code, areaCodes) => {
      const random = new Random(code)
      const used = new Set<string>()
      for (let index = 0; index < 200; index++) {
        const phone = newPhoneNumber(random, code, used, areaCodes)
        const national = parsePhone(phone.national, code)
        const international = parsePhone(phone.international)
        expect(national.isValid, phone.national).toBe(true)
        expect(national.e164, phone.national).toBe(phone.e164)
        expect(international.e164, phone.international).toBe(phone.e164)
        expect(international.country, phone.international).toBe(code)
        expect(['mobile', 'fixed-line-or-mobile']).toContain(national.metadataLineType)
        if (areaCodes) expect(areaCodes).toContain(phone.digits.slice(0, 3))
      }
      expect(used.size).toBe(200)
    },
  )
})
