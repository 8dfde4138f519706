import { describe, expect, it } from 'vitest'
import { normaliseApplication } from '../normalise/normalise-application.js'
import type { ApplicationRecord, SubmissionContext } from '../record/application-record.js'
import type { ReferenceData } from '../reference/reference-data.js'
import { anApplication } from '../testing/an-application.js'
import { contextDetector } from './context-detector.js'

type Setting = {
  /** Claimed country; `null` removes every country from the record. Defaults to the builder's US. */
  readonly country?: string | null
  /** Claimed IANA zone; `null` removes it. Defaults to the builder's America/Los_Angeles. */
  readonly zone?: string | null
  readonly submittedAt?: string
  readonly submission?: SubmissionContext
}

/** The builder's clean US applicant, moved to another home, instant or browser. */
function applicant({ country, zone, submittedAt, submission }: Setting = {}): ApplicationRecord {
  const base = anApplication()
  const countryCode = country === undefined ? 'US' : country
  const timeZone = zone === undefined ? 'America/Los_Angeles' : zone
  const basics = { ...base.cv.basics }
  delete basics.location
  return anApplication({
    ...(submittedAt ? { submittedAt } : {}),
    cv: { ...base.cv, basics: { ...basics, ...(countryCode ? { location: { countryCode } } : {}) } },
    claimed: { ...(countryCode ? { location: { countryCode } } : {}), ...(timeZone ? { timeZone } : {}) },
    submission: { ...base.submission, ...submission },
  })
}

// The context detector reads no reference lists.
const reference: ReferenceData = { isDisposableEmailDomain: () => false, isFreeEmailDomain: () => false, sources: [] }

function detect(record: ApplicationRecord) {
  return contextDetector.detect({ record, facts: normaliseApplication(record), reference })
}

const codesOf = (record: ApplicationRecord): string[] => detect(record).map((signal) => signal.code)

describe('contextDetector', () => {
  it('stays silent for the clean US applicant on a US offset and language', () => {
    expect(detect(anApplication())).toEqual([])
  })

  describe('submission IP', () => {
    it.each([
      ['10.1.2.3', 'private'],
      ['192.168.0.20', 'private'],
      ['100.64.12.1', 'carrier-grade-nat'],
      ['127.0.0.1', 'loopback'],
      ['::1', 'loopback'],
      ['169.254.10.10', 'link-local'],
      ['fe80::1%eth0', 'link-local'],
      ['192.0.2.10', 'documentation'],
      ['198.51.100.7', 'documentation'],
      ['2001:db8::5', 'documentation'],
      ['fd12:3456::1', 'unique-local'],
      ['::ffff:192.168.1.4', 'private'],
      ['224.0.0.1', 'multicast'],
      ['0.0.0.0', 'unspecified'],
      ['240.1.2.3', 'reserved'],
      ['198.18.0.1', 'benchmarking'],
    ])('flags %s as a non-public %s address', (ip, range) => {
      const signals = detect(applicant({ submission: { ip } }))
      expect(signals).toHaveLength(1)
      expect(signals[0]).toMatchObject({ code: 'context.ip.not-public', severity: 'medium', evidence: { ip, range } })
    })

    it.each(['not-an-ip', '999.1.1.1', '127.1', '73.158.64.20, 10.0.0.1', '2001:db8::zz'])(
      'flags "%s" as not an IP address',
      (ip) => {
        expect(detect(applicant({ submission: { ip } }))).toEqual([
          expect.objectContaining({ code: 'context.ip.invalid', severity: 'low', evidence: { ip } }),
        ])
      },
    )

    it.each(['73.158.64.20', ' 8.8.8.8 ', '::ffff:8.8.8.8', '2606:4700:4700::1111', ''])(
      'stays silent for the public or empty address "%s"',
      (ip) => {
        expect(codesOf(applicant({ submission: { ip } }))).toEqual([])
      },
    )

    it('names the address and its range in the message', () => {
      const [signal] = detect(applicant({ submission: { ip: '10.20.30.40' } }))
      expect(signal?.message).toBe(
        'The application was submitted from 10.20.30.40, a private (RFC 1918) address no client on the public internet has.',
      )
    })
  })

  describe('browser UTC offset', () => {
    // America/New_York springs forward at 2026-03-08T07:00:00Z and falls back at 2026-11-01T06:00:00Z.
    it.each<[string, Setting, string[]]>([
      ['US applicant on a US offset', {}, []],
      ['Los Angeles applicant on Eastern time (a US offset)', { submission: { utcOffsetMinutes: -300 } }, []],
      [
        'New York zone only, -04:00 one second before clocks spring forward',
        {
          country: null,
          zone: 'America/New_York',
          submittedAt: '2026-03-08T06:59:59Z',
          submission: { utcOffsetMinutes: -240 },
        },
        ['context.timezone.mismatch'],
      ],
      [
        'New York zone only, -04:00 at the instant clocks spring forward',
        {
          country: null,
          zone: 'America/New_York',
          submittedAt: '2026-03-08T07:00:00Z',
          submission: { utcOffsetMinutes: -240 },
        },
        [],
      ],
      [
        'New York zone only, -05:00 just after clocks spring forward',
        {
          country: null,
          zone: 'America/New_York',
          submittedAt: '2026-03-08T07:00:01Z',
          submission: { utcOffsetMinutes: -300 },
        },
        ['context.timezone.mismatch'],
      ],
      [
        'New York zone only, -04:00 one second before clocks fall back',
        {
          country: null,
          zone: 'America/New_York',
          submittedAt: '2026-11-01T05:59:59Z',
          submission: { utcOffsetMinutes: -240 },
        },
        [],
      ],
      [
        'New York zone only, -04:00 once clocks fell back',
        {
          country: null,
          zone: 'America/New_York',
          submittedAt: '2026-11-01T06:00:00Z',
          submission: { utcOffsetMinutes: -240 },
        },
        ['context.timezone.mismatch'],
      ],
      [
        'US applicant on -04:00 before any US zone is on daylight time',
        { zone: 'America/New_York', submittedAt: '2026-03-08T06:59:59Z', submission: { utcOffsetMinutes: -240 } },
        ['context.timezone.mismatch'],
      ],
      [
        'Newfoundland zone on -02:30 right after its half-hour spring-forward',
        {
          country: 'CA',
          zone: 'America/St_Johns',
          submittedAt: '2026-03-08T05:30:00Z',
          submission: { utcOffsetMinutes: -150, acceptLanguage: 'en-CA' },
        },
        [],
      ],
      ['US applicant on +09:00', { submission: { utcOffsetMinutes: 540 } }, ['context.timezone.utc8-9']],
      ['US applicant on +08:00', { submission: { utcOffsetMinutes: 480 } }, ['context.timezone.utc8-9']],
      [
        'US applicant travelling in Europe (+01:00)',
        { submission: { utcOffsetMinutes: 60 } },
        ['context.timezone.mismatch'],
      ],
      [
        'applicant in Japan on +09:00',
        { country: 'JP', zone: 'Asia/Tokyo', submission: { utcOffsetMinutes: 540, acceptLanguage: 'ja-JP' } },
        [],
      ],
      [
        'applicant in Korea on +08:00',
        { country: 'KR', zone: 'Asia/Seoul', submission: { utcOffsetMinutes: 480, acceptLanguage: 'ko-KR' } },
        ['context.timezone.mismatch'],
      ],
      [
        'Sydney applicant on Perth time (+08:00)',
        {
          country: 'AU',
          zone: 'Australia/Sydney',
          submittedAt: '2026-01-15T02:00:00Z',
          submission: { utcOffsetMinutes: 480, acceptLanguage: 'en-AU' },
        },
        [],
      ],
      [
        'Sydney applicant on Sydney summer time (+11:00)',
        {
          country: 'AU',
          zone: 'Australia/Sydney',
          submittedAt: '2026-01-15T02:00:00Z',
          submission: { utcOffsetMinutes: 660, acceptLanguage: 'en-AU' },
        },
        [],
      ],
      [
        'Sydney applicant on Darwin time (+09:30)',
        {
          country: 'AU',
          zone: 'Australia/Sydney',
          submittedAt: '2026-01-15T02:00:00Z',
          submission: { utcOffsetMinutes: 570, acceptLanguage: 'en-AU' },
        },
        [],
      ],
      [
        'Australian applicant on +09:00 (Australia also uses +08:00)',
        {
          country: 'AU',
          zone: 'Australia/Sydney',
          submittedAt: '2026-01-15T02:00:00Z',
          submission: { utcOffsetMinutes: 540, acceptLanguage: 'en-AU' },
        },
        ['context.timezone.mismatch'],
      ],
      [
        'Moscow applicant on Yakutsk time (+09:00)',
        { country: 'RU', zone: 'Europe/Moscow', submission: { utcOffsetMinutes: 540, acceptLanguage: 'ru-RU' } },
        [],
      ],
      [
        'Russian applicant on +01:00 (Russia starts at +02:00)',
        { country: 'RU', zone: 'Europe/Moscow', submission: { utcOffsetMinutes: 60, acceptLanguage: 'ru-RU' } },
        ['context.timezone.mismatch'],
      ],
      [
        'São Paulo applicant on Acre time (-05:00)',
        { country: 'BR', zone: 'America/Sao_Paulo', submission: { utcOffsetMinutes: -300, acceptLanguage: 'pt-BR' } },
        [],
      ],
      [
        'São Paulo applicant on Noronha time (-02:00)',
        { country: 'BR', zone: 'America/Sao_Paulo', submission: { utcOffsetMinutes: -120, acceptLanguage: 'pt-BR' } },
        [],
      ],
      [
        'Brazilian applicant on +09:00',
        { country: 'BR', zone: 'America/Sao_Paulo', submission: { utcOffsetMinutes: 540, acceptLanguage: 'pt-BR' } },
        ['context.timezone.utc8-9'],
      ],
      [
        'Brazilian applicant on -06:00',
        { country: 'BR', zone: 'America/Sao_Paulo', submission: { utcOffsetMinutes: -360, acceptLanguage: 'pt-BR' } },
        ['context.timezone.mismatch'],
      ],
      ['no browser offset', { submission: { utcOffsetMinutes: undefined as unknown as number } }, []],
      ['no claimed home at all', { country: null, zone: null, submission: { utcOffsetMinutes: 540 } }, []],
      [
        'a placeless claimed zone and no country',
        { country: null, zone: 'Etc/UTC', submission: { utcOffsetMinutes: 540 } },
        [],
      ],
    ])('%s', (_name, setting, expected) => {
      const codes = codesOf(applicant(setting)).filter((code) => code.startsWith('context.timezone.'))
      expect(codes).toEqual(expected)
    })

    it('shows the browser offset and the claimed offsets as evidence', () => {
      const [signal] = detect(applicant({ submission: { utcOffsetMinutes: 540 } }))
      expect(signal).toMatchObject({
        code: 'context.timezone.utc8-9',
        severity: 'medium',
        evidence: {
          browserOffset: 'UTC+09:00',
          utcOffsetMinutes: 540,
          claimedCountry: 'US',
          claimedCountryOffsets: ['UTC-10:00', 'UTC-09:00', 'UTC-08:00', 'UTC-07:00', 'UTC-06:00', 'UTC-05:00'],
          claimedTimeZone: 'America/Los_Angeles',
          claimedTimeZoneOffset: 'UTC-08:00',
        },
      })
      expect(signal?.message).toBe(
        'The browser was on UTC+09:00 at submission, an East Asian offset, while the claimed home ' +
          'US (UTC-10:00, UTC-09:00, UTC-08:00, UTC-07:00, UTC-06:00, UTC-05:00) and America/Los_Angeles (UTC-08:00) ' +
          'uses neither UTC+08:00 nor UTC+09:00.',
      )
    })
  })

  describe('browser language', () => {
    it.each<[string, string, string, string[]]>([
      ['US applicant, American English', 'US', 'en-US,en;q=0.9', []],
      ['Korean-American with Korean second', 'US', 'en-US,ko;q=0.8', []],
      ['US applicant, Mexican Spanish first', 'US', 'es-MX,es;q=0.9,en;q=0.8', []],
      ['US applicant, plain English', 'US', 'en', []],
      ['US applicant, Korean first', 'US', 'ko-KR,ko;q=0.9,en-US;q=0.8', ['context.language.mismatch']],
      ['US applicant, Chinese first', 'US', 'zh-CN,zh;q=0.9', ['context.language.mismatch']],
      ['US applicant, Korean ranked below English by quality', 'US', 'ko;q=0.5, en-US', []],
      ['US applicant, English set up for South Korea', 'US', 'en-KR', ['context.language.mismatch']],
      ['German applicant, American English', 'DE', 'en-US,en;q=0.9,de;q=0.8', []],
      ['German applicant, English of Germany', 'DE', 'en-DE', []],
      ['German applicant, English of Europe', 'DE', 'en-150', []],
      ['German applicant, Austrian German', 'DE', 'de-AT', []],
      ['British applicant, Welsh', 'GB', 'cy', []],
      ['Swiss applicant, Italian', 'CH', 'it-CH', []],
      ['Indian applicant, Hindi', 'IN', 'hi-IN', []],
      ['Israeli applicant, legacy Hebrew code', 'IL', 'iw', []],
      ['Singaporean applicant, Chinese script tag', 'SG', 'zh-Hans-SG', []],
      ['Norwegian applicant, Bokmål', 'NO', 'nb-NO', []],
      ['a country the table does not know', 'XK', 'sq', []],
      ['an empty header', 'US', '', []],
      ['only a wildcard', 'US', '*', []],
    ])('%s (%s, %s)', (_name, country, acceptLanguage, expected) => {
      const codes = codesOf(applicant({ country, zone: null, submission: { acceptLanguage } })).filter((code) =>
        code.startsWith('context.language.'),
      )
      expect(codes).toEqual(expected)
    })

    it('names the language as sent and as words', () => {
      const [signal] = detect(applicant({ submission: { acceptLanguage: 'ko-KR,ko;q=0.9' } }))
      expect(signal).toMatchObject({
        code: 'context.language.mismatch',
        severity: 'low',
        message:
          "The browser's first language is ko-KR (Korean (South Korea)), which is not commonly used in the claimed home country US.",
        evidence: {
          firstLanguage: 'ko-KR',
          language: 'ko',
          region: 'KR',
          claimedCountry: 'US',
          countryLanguages: ['en', 'es'],
        },
      })
    })
  })

  describe('claimed time zone against claimed country', () => {
    it.each<[string, string, string, string[]]>([
      ['US applicant in London time', 'US', 'Europe/London', ['context.claimed-timezone.mismatch']],
      ['Australian applicant claiming Tokyo time', 'AU', 'Asia/Tokyo', ['context.claimed-timezone.mismatch']],
      ['British applicant in London time', 'GB', 'Europe/London', []],
      ['German applicant in Busingen (Zurich time)', 'DE', 'Europe/Zurich', []],
      ['US applicant with an old alias', 'US', 'America/Indianapolis', []],
      ['Indian applicant with an old alias', 'IN', 'Asia/Calcutta', []],
      ['US applicant claiming UTC', 'US', 'UTC', []],
      ['US applicant with a zone name the runtime does not know', 'US', 'Pacific Time', []],
    ])('%s (%s, %s)', (_name, country, zone, expected) => {
      const codes = codesOf(applicant({ country, zone })).filter((code) => code.startsWith('context.claimed-timezone.'))
      expect(codes).toEqual(expected)
    })

    it('lists where the zone is used', () => {
      const signal = detect(applicant({ country: 'US', zone: 'Asia/Seoul' })).find(
        (candidate) => candidate.code === 'context.claimed-timezone.mismatch',
      )
      expect(signal).toMatchObject({
        message: 'The claimed time zone Asia/Seoul is used in KR, not in the claimed home country US.',
        evidence: { claimedTimeZone: 'Asia/Seoul', claimedCountry: 'US', zoneCountries: ['KR'] },
      })
    })
  })

  describe('local hour of submission', () => {
    it.each<[string, Setting, string | undefined]>([
      ['Los Angeles at 02:30 PST', { submittedAt: '2026-03-02T10:30:00Z' }, '02:30'],
      ['Los Angeles at 01:00 PST, the first minute of the window', { submittedAt: '2026-03-02T09:00:00Z' }, '01:00'],
      ['Los Angeles at 00:59 PST', { submittedAt: '2026-03-02T08:59:00Z' }, undefined],
      ['Los Angeles at 05:00 PST, the end of the window', { submittedAt: '2026-03-02T13:00:00Z' }, undefined],
      [
        'Los Angeles at 04:59 PDT in July',
        { submittedAt: '2026-07-01T11:59:00Z', submission: { utcOffsetMinutes: -420 } },
        '04:59',
      ],
      [
        'Los Angeles at 05:30 PDT in July (04:30 in winter)',
        { submittedAt: '2026-07-01T12:30:00Z', submission: { utcOffsetMinutes: -420 } },
        undefined,
      ],
      [
        'UK country only, 02:30 BST',
        { country: 'GB', zone: null, submittedAt: '2026-07-01T01:30:00Z', submission: { utcOffsetMinutes: 60 } },
        '02:30',
      ],
      [
        'Germany country only (two zones, one offset), 03:00 CET',
        { country: 'DE', zone: null, submittedAt: '2026-01-15T02:00:00Z', submission: { utcOffsetMinutes: 60 } },
        '03:00',
      ],
      [
        'US country only: several local times, no judgement',
        { zone: null, submittedAt: '2026-03-02T10:30:00Z' },
        undefined,
      ],
      ['an afternoon submission', {}, undefined],
    ])('%s', (_name, setting, localTime) => {
      const signal = detect(applicant(setting)).find(
        (candidate) => candidate.code === 'context.submission-hour.unusual',
      )
      expect(signal?.evidence['localTime']).toBe(localTime)
    })

    it('says where and when', () => {
      const signal = detect(applicant({ submittedAt: '2026-03-02T10:30:00Z' })).find(
        (candidate) => candidate.code === 'context.submission-hour.unusual',
      )
      expect(signal).toMatchObject({
        severity: 'low',
        message:
          'The application was submitted at 02:30 local time in the claimed home (America/Los_Angeles, UTC-08:00).',
        evidence: {
          submittedAt: '2026-03-02T10:30:00Z',
          localTime: '02:30',
          place: 'America/Los_Angeles',
          offset: 'UTC-08:00',
        },
      })
    })
  })

  it('never throws for a malformed submission date', () => {
    expect(codesOf(applicant({ submittedAt: 'yesterday', submission: { utcOffsetMinutes: 540 } }))).toEqual([])
  })

  it('declares every code it raises, with the declared severity', () => {
    const records = [
      applicant({
        submission: { ip: '10.0.0.1', utcOffsetMinutes: 540, acceptLanguage: 'ko-KR' },
        submittedAt: '2026-03-02T10:30:00Z',
      }),
      applicant({ zone: 'Europe/London', submission: { ip: 'x', utcOffsetMinutes: 60 } }),
    ]
    const raised = records.flatMap(detect)
    expect(new Set(raised.map((signal) => signal.code))).toEqual(
      new Set(contextDetector.signals.map((definition) => definition.code)),
    )
    for (const signal of raised) {
      expect(contextDetector.signals.find((definition) => definition.code === signal.code)?.severity).toBe(
        signal.severity,
      )
    }
  })
})
