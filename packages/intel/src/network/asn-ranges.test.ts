import { ipNumber } from '@hirewall/core'
import { describe, expect, it } from 'vitest'
import { parseAsnRanges } from './asn-ranges.js'

const lookup = (text: string, csv: string, version: 4 | 6) => {
  const { ranges } = parseAsnRanges(csv, { version, file: 'fixture.csv' })
  const address = ipNumber(text)
  return address ? ranges.lookup(address) : undefined
}

// Rows in the shapes of @ip-location-db/asn: numeric IPv4, a quoted organisation, a doubled quote, CRLF.
const ipv4Csv = [
  '16777216,16777471,13335,"Cloudflare, Inc."',
  '16778240,16779263,38803,Gtelecom Pty Ltd',
  '35309568,35313663,201907,"LLC ""SPUTNIK"""\r',
  '134744064,134744319,15169,Google LLC',
  '',
].join('\n')

describe('parseAsnRanges', () => {
  it.each([
    ['1.0.0.0', { asn: 13335, organisation: 'Cloudflare, Inc.' }],
    ['1.0.0.255', { asn: 13335, organisation: 'Cloudflare, Inc.' }],
    ['1.0.1.0', undefined],
    ['1.0.4.10', { asn: 38803, organisation: 'Gtelecom Pty Ltd' }],
    ['2.26.200.1', { asn: 201907, organisation: 'LLC "SPUTNIK"' }],
    ['8.8.8.8', { asn: 15169, organisation: 'Google LLC' }],
    ['8.8.9.0', undefined],
    ['0.0.0.1', undefined],
    ['2001:db8::1', undefined],
  ])('IPv4 numeric rows: %s', (text, expected) => {
    expect(lookup(text, ipv4Csv, 4)).toEqual(expected)
  })

  const ipv6Csv = [
    '2001::,2001::ffff:ffff:ffff:ffff:ffff:ffff,6939,Hurricane Electric LLC',
    '42540528726795050063891204319802818560,42540528727329395276160870415022948351,2500,WIDE Project',
    '2a03:1b20::,2a03:1b20:ffff:ffff:ffff:ffff:ffff:ffff,39351,31173 Services AB',
  ].join('\n')

  it.each([
    ['2001::1', { asn: 6939, organisation: 'Hurricane Electric LLC' }],
    ['2001:200::1', { asn: 2500, organisation: 'WIDE Project' }],
    ['2001:200:1b9:ffff:ffff:ffff:ffff:ffff', { asn: 2500, organisation: 'WIDE Project' }],
    ['2001:200:1ba::', undefined],
    ['2a03:1b20:5:3::140', { asn: 39351, organisation: '31173 Services AB' }],
    ['1.2.3.4', undefined],
  ])('IPv6 text and decimal rows: %s', (text, expected) => {
    expect(lookup(text, ipv6Csv, 6)).toEqual(expected)
  })

  it('sorts rows out of order and keeps only the part of an overlapping row past the one before', () => {
    const csv = ['20,29,2,Second', '10,19,1,First', '15,24,3,Overlapping', '12,14,4,Inside the first'].join('\n')
    const { ranges } = parseAsnRanges(csv, { version: 4, file: 'fixture.csv' })
    const asnAt = (value: number) => ranges.lookup({ version: 4, value })?.asn
    expect([10, 14, 19, 20, 24, 25, 29, 30].map(asnAt)).toEqual([1, 1, 1, 3, 3, 2, 2, undefined])
  })

  it('skips bad rows and names their line and field', () => {
    const csv = [
      '# a comment',
      '16777216,16777471,13335,Cloudflare',
      'not,a,row',
      '16777472',
      '16777472,16777471,1,Ends before it starts',
      '16777472,16777480,AS12,Not a number',
      '2001:db8::,2001:db8::1,5,Wrong version',
      '16777472,4294967296,6,Past the end',
    ].join('\n')
    const { ranges, skipped } = parseAsnRanges(csv, { version: 4, file: 'fixture.csv' })
    expect(ranges.rows).toBe(1)
    expect(skipped).toEqual([
      { file: 'fixture.csv', line: 3, field: 'first', message: 'not an IPv4 address' },
      { file: 'fixture.csv', line: 4, field: 'line', message: 'expected first,last,asn,organisation' },
      { file: 'fixture.csv', line: 5, field: 'last', message: 'the range ends before it starts' },
      { file: 'fixture.csv', line: 6, field: 'asn', message: '"AS12" is not an AS number' },
      { file: 'fixture.csv', line: 7, field: 'first', message: 'not an IPv4 address' },
      { file: 'fixture.csv', line: 8, field: 'last', message: 'not an IPv4 address' },
    ])
  })
})
