import { describe, expect, it } from 'vitest'
import { unBirthDates, type UnBirthDate } from './un-birth-dates.js'

const birth = (fields: Partial<UnBirthDate>): UnBirthDate => ({
  type: 'EXACT',
  date: '',
  year: '',
  fromYear: '',
  toYear: '',
  note: '',
  ...fields,
})

describe('unBirthDates', () => {
  it.each([
    ['an exact DATE', birth({ date: '1964-07-17' }), ['1964-07-17']],
    ['a DATE with a time', birth({ date: '1964-07-17T00:00:00' }), ['1964-07-17']],
    ['an exact YEAR', birth({ year: '1938' }), ['1938']],
    ['an approximate YEAR', birth({ type: 'APPROXIMATELY', year: '1966' }), ['1966']],
    ['BETWEEN two years', birth({ type: 'BETWEEN', fromYear: '1967', toYear: '1969' }), ['1967', '1968', '1969']],
    ['BETWEEN reversed years', birth({ type: 'BETWEEN', fromYear: '1969', toYear: '1967' }), ['1969', '1967']],
    ['a NOTE naming a month', birth({ note: 'Nov. 1973' }), ['1973-11']],
    ['a NOTE with a full month name', birth({ note: 'August 1961' }), ['1961-08']],
    ['a NOTE that is not a date', birth({ type: 'APPROXIMATELY', note: '30-35 years old' }), []],
    ['a Hijri date in a NOTE', birth({ note: '24/06/1402 (Hijri Calendar)' }), []],
    ['nothing', birth({ type: '' }), []],
  ])('%s', (_, value, expected) => {
    expect(unBirthDates(value)).toEqual(expected)
  })
})
