import { describe, expect, it } from 'vitest'
import { readOfacRemarks } from './ofac-remarks.js'

describe('readOfacRemarks', () => {
  it('reads every birth date, nationality, citizenship and the gender', () => {
    const remarks =
      'DOB 21 Apr 1975; alt. DOB 1976; POB Pyongyang, North Korea; nationality Korea, North; alt. nationality Russia; citizen China; Gender Male; Passport 123 (Korea, North).'
    expect(readOfacRemarks(remarks)).toEqual({
      birthDates: ['1975-04-21', '1976'],
      nationalities: ['kp', 'ru', 'cn'],
      gender: 'male',
      weakAliases: [],
    })
  })

  it.each([
    ["DOB 17 Jan 1941; a.k.a. 'ABU AL-FOUTOUH'; a.k.a. 'BOULAHIA'.", ['ABU AL-FOUTOUH', 'BOULAHIA']],
    ["a.k.a. 'ABU-'UMAR'; Gender Male", ["ABU-'UMAR"]],
    ["f.k.a. 'SAND SWAN'; n.k.a. 'ANA I'", ['SAND SWAN', 'ANA I']],
    ["Linked To: X; d.b.a. 'THE SHOP'.", ['THE SHOP']],
    ["a.k.a. 'TWICE'; a.k.a. 'TWICE'", ['TWICE']],
    // OFAC cut these remarks at 1,000 characters: the unterminated alias is left for the comments file.
    ["a.k.a. 'WHOLE'; a.k.a. 'WHOIS HACKIN", ['WHOLE']],
    ['Registration Number 123 (Iran)', []],
  ])('weak aliases of %s', (remarks, expected) => {
    expect(readOfacRemarks(remarks).weakAliases).toEqual(expected)
  })

  it.each([
    ['Gender Female', 'female'],
    ['Gender Male.', 'male'],
    ['DOB 1960', undefined],
  ])('gender of %s', (remarks, expected) => {
    expect(readOfacRemarks(remarks).gender).toBe(expected)
  })

  it('skips nationalities it cannot place and repeats', () => {
    expect(readOfacRemarks('nationality Region: Crimea; nationality Iran; citizen Iran').nationalities).toEqual(['ir'])
  })
})
