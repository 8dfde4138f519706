import { describe, expect, it } from 'vitest'
import { ofacBirthDates } from './ofac-birth-dates.js'

describe('ofacBirthDates', () => {
  it.each([
    ['21 Apr 1975', ['1975-04-21']],
    ['1 Apr 1975', ['1975-04-01']],
    ['Apr 1975', ['1975-04']],
    ['1962', ['1962']],
    ['circa 1960', ['1960']],
    ['circa 07 Jul 1960', ['1960-07-07']],
    ['1960 to 1962', ['1960', '1961', '1962']],
    ['circa 1979-1982', ['1979', '1980', '1981', '1982']],
    ['01 Jan 1958 to 31 Dec 1960', ['1958', '1959', '1960']],
    ['01 Jan 1958 to 31 Dec 1958', ['1958']],
    ['01 Mar 1958 to 31 Mar 1958', ['1958-03']],
    ['15 Mar 1958 to 15 Mar 1958', ['1958-03-15']],
    ['Mar 1960 to Feb 1961', ['1960', '1961']],
    ['1990 to 1950', ['1990', '1950']],
    ['1900 to 1990', ['1900', '1990']],
    ['1962.', ['1962']],
    ['unknown', []],
    ['32 Jan 1960', []],
    ['12 Foo 1960', []],
    ['', []],
  ])('%s -> %j', (text, expected) => {
    expect(ofacBirthDates(text)).toEqual(expected)
  })
})
