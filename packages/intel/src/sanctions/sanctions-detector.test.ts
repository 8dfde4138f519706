import { normaliseApplication, type ApplicationRecord, type Signal } from '@hirewall/core'
import { describe, expect, it } from 'vitest'
import { createSanctionsDetector } from './sanctions-detector.js'
import { aLoadedList, aSanctionedEntity } from './testing/a-sanctioned-entity.js'

const lists = [
  aLoadedList([
    aSanctionedEntity('ofac-sdn:20157', 'KIM, Jong Un', { birthDates: ['1984-01-08'], programs: ['DPRK3'] }),
    aSanctionedEntity('ofac-sdn:9', 'PAK, Hwa Song', { programs: ['DPRK3'], also: [['Pak Hwa', 'weak-alias']] }),
    aSanctionedEntity('ofac-sdn:10', 'CHINYONG INFORMATION TECHNOLOGY COOPERATION COMPANY', {
      schema: 'Organization',
      programs: ['DPRK2'],
    }),
  ]),
  aLoadedList(
    [aSanctionedEntity('un:KPe.1', 'KOREA SOBAEKSU TRADING COMPANY', { schema: 'Organization', programs: ['1718'] })],
    'un-consolidated',
    '2026-02-27',
  ),
]
const detector = createSanctionsDetector({ lists })

type Parties = { applicant?: string; birthDate?: string; referrer?: string; vendor?: string }

function recordOf({ applicant, birthDate, referrer, vendor }: Parties): ApplicationRecord {
  return {
    schemaVersion: 1,
    id: 'app-1',
    submittedAt: '2026-03-02T15:04:05Z',
    source: { system: 'json' },
    cv: { basics: applicant === undefined ? {} : { name: applicant } },
    ...(birthDate === undefined ? {} : { person: { birthDate } }),
    ...(referrer === undefined ? {} : { referrer: { name: referrer } }),
    ...(vendor === undefined ? {} : { staffingVendor: { name: vendor } }),
  }
}

function detect(parties: Parties, screening = detector): readonly Signal[] {
  const record = recordOf(parties)
  return screening.detect({
    record,
    facts: normaliseApplication(record),
    reference: { isDisposableEmailDomain: () => false, isFreeEmailDomain: () => false, sources: [] },
  })
}

const summary = (signals: readonly Signal[]): string[] =>
  signals.map((signal) => `${String(signal.evidence.party)} ${String(signal.evidence.entityId)} ${signal.severity}`)

describe('sanctionsDetector', () => {
  it.each<[string, Parties, string[]]>([
    ['a listed applicant', { applicant: 'Kim Jong-un' }, ['applicant ofac-sdn:20157 critical']],
    ['in Hangul', { applicant: '김정은' }, ['applicant ofac-sdn:20157 critical']],
    [
      'with the listed birth date',
      { applicant: 'Jong Un Kim', birthDate: '1984-01-08' },
      ['applicant ofac-sdn:20157 critical'],
    ],
    [
      'a namesake born decades later',
      { applicant: 'Kim Jong Un', birthDate: '2001-05-04' },
      ['applicant ofac-sdn:20157 medium'],
    ],
    ['only a weak alias', { applicant: 'Pak Hwa' }, ['applicant ofac-sdn:9 medium']],
    ['a listed referrer', { referrer: 'Hwa Song Pak' }, ['referrer ofac-sdn:9 critical']],
    [
      'a listed staffing vendor',
      { vendor: 'Chinyong Information Technology Cooperation Co.' },
      ['staffing-vendor ofac-sdn:10 critical'],
    ],
    ['a vendor on the UN list', { vendor: 'Korea Sobaeksu Trading Company' }, ['staffing-vendor un:KPe.1 critical']],
    ['an unlisted applicant', { applicant: 'Jordan Avery Miller', vendor: 'Acme Staffing LLC' }, []],
    ['given names without the surname: possible', { applicant: 'Jong Un' }, ['applicant ofac-sdn:20157 medium']],
    ['a relative', { applicant: 'Kim Jong Chol' }, []],
    ['no names at all', {}, []],
  ])('%s', (_, parties, expected) => {
    expect(summary(detect(parties))).toEqual(expected)
  })

  it('gives the evidence an analyst needs and cites the list', () => {
    const [signal] = detect({ applicant: 'Jong-un Kim' })
    expect(signal).toEqual({
      code: 'sanctions.match',
      severity: 'critical',
      message:
        'The applicant\'s name "Jong-un Kim" matches "KIM, Jong Un" on the ofac-sdn (2024-05-03) sanctions list, ' +
        'programme DPRK3, with score 1: a strong match; hold the application and have compliance confirm or clear ' +
        'it before going further.',
      evidence: {
        party: 'applicant',
        queriedName: 'Jong-un Kim',
        entityId: 'ofac-sdn:20157',
        caption: 'KIM, Jong Un',
        matchedName: 'KIM, Jong Un',
        matchedNameKind: 'primary',
        score: 1,
        features: { name_match: 1 },
        programs: ['DPRK3'],
        source: { name: 'ofac-sdn', version: '2024-05-03' },
      },
    })
  })

  it('says when the name matched is a weak alias', () => {
    const [signal] = detect({ applicant: 'Pak Hwa' })
    expect(signal?.message).toContain('"Pak Hwa" (a weak alias of "PAK, Hwa Song")')
    expect(signal?.message).toContain('a possible match')
    expect(signal?.evidence).toMatchObject({ matchedNameKind: 'weak-alias', source: { name: 'ofac-sdn' } })
  })

  it.each<[string, { threshold?: number; reviewThreshold?: number }, string[]]>([
    [
      'a stricter hold threshold makes a strong match a review',
      { threshold: 0.99 },
      ['applicant ofac-sdn:20157 medium'],
    ],
    ['a stricter review threshold drops a possible match', { reviewThreshold: 0.9 }, []],
  ])('%s', (_, options, expected) => {
    const strict = createSanctionsDetector({ lists, options })
    const parties = options.threshold === undefined ? { applicant: 'Pak Hwa' } : { applicant: 'Kim Jong Un Smith' }
    expect(summary(detect(parties, strict))).toEqual(expected)
  })

  it('names itself and the one signal it raises', () => {
    expect(detector.name).toBe('sanctions')
    expect(detector.signals.map((definition) => definition.code)).toEqual(['sanctions.match'])
  })
})
