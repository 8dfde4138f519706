import { describe, expect, it } from 'vitest'
import { readIndicatorCsv } from './read-indicator-csv.js'
import { writeWatchlistCsv } from './write-watchlist-csv.js'

const defaults = { source: 'ring-a', tlp: 'amber' } as const

describe('readIndicatorCsv', () => {
  it('reads a plain watchlist with the defaults, and the sharing columns when present', () => {
    const reading = readIndicatorCsv(
      [
        'Type,Indicator,Level,Comment,TLP,Confidence,First Seen,Last_Seen,Attributed To,Source',
        'phone-number,+1 415 555 0100,critical,burner,TLP:GREEN,90,2026-01-10,2026-02-01T09:30:00+01:00,Famous Chollima,case-17',
        'email-src,jdoe@gmail.com,,,,,,,,',
      ].join('\n'),
      defaults,
    )
    expect(reading.issues).toEqual([])
    expect(reading.indicators).toEqual([
      {
        kind: 'phone',
        value: '+1 415 555 0100',
        source: 'case-17',
        tlp: 'green',
        severity: 'critical',
        note: 'burner',
        attributedTo: 'Famous Chollima',
        firstSeen: '2026-01-10T00:00:00.000Z',
        lastSeen: '2026-02-01T08:30:00.000Z',
        confidence: 90,
      },
      { kind: 'email', value: 'jdoe@gmail.com', source: 'ring-a', tlp: 'amber' },
    ])
  })

  it('skips each bad row with its line and column and reads the others', () => {
    const reading = readIndicatorCsv(
      [
        'kind,value,tlp,confidence,first_seen,last_seen',
        'fax,123,,,,',
        'email,not-an-email,,,,',
        'domain,front-co.com,purple,101,yesterday,',
        'domain,front-co.com,,,2026-02-01,2026-01-01',
        'ip,203.0.113.7,white,,,',
      ].join('\n'),
      defaults,
    )
    expect(reading.issues.map((issue) => [issue.line, issue.field])).toEqual([
      [2, 'kind'],
      [3, 'value'],
      [4, 'tlp'],
      [4, 'confidence'],
      [4, 'first_seen'],
      [5, 'last_seen'],
    ])
    expect(reading.indicators).toEqual([{ kind: 'ip', value: '203.0.113.7', source: 'ring-a', tlp: 'clear' }])
  })

  it('refuses a file without kind and value columns', () => {
    expect(readIndicatorCsv('type,thing\nemail,x@y.com', defaults).issues).toEqual([
      { line: 1, field: 'value', message: 'the header has no value column' },
    ])
  })
})

describe('writeWatchlistCsv', () => {
  it('writes the watchlist columns, a note with who shared it, and quotes what needs quoting', () => {
    const csv = writeWatchlistCsv([
      {
        kind: 'address',
        value: '9 Elm Road, Apt 2, Dover, DE 19901',
        isHashed: false,
        source: 'Partner "Bank"',
        tlp: 'amber+strict',
        confidence: 70,
        note: '=HYPERLINK("x")',
        path: 'objects[3]',
      },
      { kind: 'phone', value: '+14155550100', isHashed: false, source: 'Partner', path: 'Event.Attribute[0]' },
    ])
    expect(csv.split('\n')).toEqual([
      'kind,value,severity,note,source,tlp,confidence,first_seen,last_seen',
      `address,"9 Elm Road, Apt 2, Dover, DE 19901",,"'=HYPERLINK(""x"") (shared by Partner ""Bank"", TLP:AMBER+STRICT, confidence 70)","Partner ""Bank""",amber+strict,70,,`,
      'phone,+14155550100,,shared by Partner,Partner,,,,',
      '',
    ])
    const back = readIndicatorCsv(csv, { source: 'x', tlp: 'green' })
    expect(back.issues).toEqual([])
    expect(
      back.indicators.map((indicator) => [indicator.kind, indicator.value, indicator.tlp, indicator.source]),
    ).toEqual([
      ['address', '9 Elm Road, Apt 2, Dover, DE 19901', 'amber+strict', 'Partner "Bank"'],
      ['phone', '+14155550100', 'green', 'Partner'],
    ])
  })
})
