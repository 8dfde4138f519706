import { describe, expect, it } from 'vitest'
import { normaliseApplication } from '../normalise/normalise-application.js'
import type { ApplicationRecord } from '../record/application-record.js'
import { defaultScoringPolicy } from '../scoring/scoring-policy.js'
import type { Signal } from '../signals/signal.js'
import { severityRank, type Severity } from '../signals/severity.js'
import { anApplication } from '../testing/an-application.js'
import type { Identifier } from './identifier-kind.js'
import { InMemoryIdentityIndex } from './in-memory-identity-index.js'
import { linkApplications } from './link-applications.js'

type Parts = Partial<Omit<ApplicationRecord, 'id' | 'schemaVersion'>>

/** An applicant who shares nothing with anyone unless the test says so: no phone, email, profile, IP or history. */
function applicant(id: string, name: string, parts: Parts = {}, hour = 0): ApplicationRecord {
  return anApplication({
    id,
    submittedAt: new Date(Date.UTC(2026, 2, 2, 9) + hour * 3_600_000).toISOString(),
    cv: { basics: { name } },
    person: {},
    submission: {},
    ...parts,
  })
}

function link(index: InMemoryIdentityIndex, record: ApplicationRecord, extra: readonly Identifier[] = []) {
  return index.link(record, normaliseApplication(record), extra)
}

function words(count: number, seed: number): string[] {
  let state = seed >>> 0
  return Array.from({ length: count }, () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0
    return `w${state % 5000}`
  })
}

/** The text with every `every`-th word replaced: a near-duplicate. */
function edited(text: readonly string[], every: number, tag: string): string {
  return text.map((word, index) => (index % every === every - 1 ? `${tag}${index}` : word)).join(' ')
}

/** The pool's score as the default policy scores the identity-reuse category: noisy-OR, capped. */
function poolScore(signals: readonly Signal[]): number {
  const miss = signals.reduce(
    (product, signal) => product * (1 - defaultScoringPolicy.severityWeights[signal.severity]),
    1,
  )
  return 100 * Math.min(1 - miss, defaultScoringPolicy.categoryCaps['identity-reuse'] ?? 0)
}

const strongest = (signals: readonly Signal[]): Severity =>
  signals.reduce<Severity>(
    (top, signal) => (severityRank(signal.severity) > severityRank(top) ? signal.severity : top),
    'info',
  )

const cvText = words(400, 1).join(' ')

describe('one identifier kind shared by two different people', () => {
  it.each<{
    kind: string
    first: Parts
    second: Parts
    extra?: readonly Identifier[]
    code: string
    severity: Severity
    alsoRaised?: readonly string[]
  }>([
    {
      kind: 'phone, typed differently',
      first: { contacts: { phones: [{ value: '(415) 555-0132' }] } },
      second: { contacts: { phones: [{ value: '+1 415 555 0132' }] } },
      code: 'identity.shared.phone',
      severity: 'medium',
    },
    {
      kind: 'email, with dots, case and a +tag',
      first: { contacts: { emails: [{ value: 'jordan.miller@gmail.com' }] } },
      second: { contacts: { emails: [{ value: 'JordanMiller+jobs@GMAIL.com' }] } },
      code: 'identity.shared.email',
      severity: 'medium',
    },
    {
      kind: 'device',
      first: { submission: { deviceId: 'fp-9a8b7c' } },
      second: { submission: { deviceId: 'FP-9A8B7C' } },
      code: 'identity.shared.device',
      severity: 'medium',
    },
    {
      kind: 'CV file',
      first: { document: { fileSha256: 'ab'.repeat(32) } },
      second: { document: { fileSha256: 'AB'.repeat(32) } },
      code: 'identity.shared.cv-file',
      severity: 'medium',
    },
    {
      kind: 'LinkedIn profile, as a username and as a URL',
      first: {
        cv: { basics: { name: 'Jordan Miller', profiles: [{ network: 'LinkedIn', username: 'JMiller-Dev' }] } },
      },
      second: { profiles: [{ network: 'linkedin', url: 'https://www.linkedin.com/in/jmiller-dev/' }] },
      code: 'identity.profile-shared',
      severity: 'medium',
    },
    {
      kind: 'CV text, lightly edited',
      first: { document: { cvText } },
      second: { document: { cvText: edited(cvText.split(' '), 60, 'edit') } },
      code: 'identity.cv-near-duplicate',
      severity: 'medium',
    },
    {
      kind: 'photo, 2 bits apart',
      first: { document: { photoPerceptualHash: 'c3a5f00e9b127d48' } },
      second: { document: { photoPerceptualHash: 'c3a5f00e9b127d4b' } },
      code: 'identity.photo-reused',
      severity: 'medium',
    },
    {
      kind: 'payee fed as an extra identifier',
      first: {},
      second: {},
      extra: [{ kind: 'payee', value: 'iban-hash-77aa', display: 'IBAN ending 7731' }],
      code: 'identity.shared.payee',
      severity: 'medium',
    },
    {
      kind: 'postal address (one other person: context)',
      first: { contacts: { addresses: [{ type: 'home', value: '42 Elm Street, Apt 7, Springfield, IL 62704' }] } },
      second: {
        contacts: {
          addresses: [
            { type: 'home', line1: '42 Elm St', line2: '#7', city: 'Springfield', region: 'IL', postalCode: '62704' },
          ],
        },
      },
      code: 'identity.shared.address',
      severity: 'info',
    },
    {
      kind: 'IP address (one other person: context)',
      first: { submission: { ip: '73.158.64.20' } },
      second: { submission: { ip: '73.158.64.20' } },
      code: 'identity.shared.ip',
      severity: 'info',
      alsoRaised: ['identity.shared.ip-prefix'],
    },
    {
      kind: 'IPv4 /24',
      first: { submission: { ip: '73.158.64.20' } },
      second: { submission: { ip: '73.158.64.201' } },
      code: 'identity.shared.ip-prefix',
      severity: 'info',
    },
    {
      kind: 'IPv6 /48',
      first: { submission: { ip: '2a02:1210:5c00:1::17' } },
      second: { submission: { ip: '2a02:1210:5c00:ffff::3' } },
      code: 'identity.shared.ip-prefix',
      severity: 'info',
    },
    {
      kind: 'referrer email',
      first: { referrer: { email: 'Pat.Lee@corp.example.com' } },
      second: { referrer: { email: 'pat.lee@corp.example.com', name: 'Patrick Lee' } },
      code: 'identity.shared.referrer',
      severity: 'info',
    },
  ])(
    '$kind raises $code ($severity) naming the other application',
    ({ first, second, extra, code, severity, alsoRaised = [] }) => {
      const index = new InMemoryIdentityIndex()
      const firstResult = link(index, applicant('a-1', 'Jordan Miller', first), extra)
      expect(firstResult.signals).toEqual([])
      const result = link(index, applicant('b-2', 'Priya Natarajan', second, 1), extra)
      const signal = result.signals.find((candidate) => candidate.code === code)
      expect(signal?.severity).toBe(severity)
      expect(signal?.message).toContain('a-1')
      expect(JSON.stringify(signal?.evidence)).toContain('a-1')
      expect(result.signals.map((candidate) => candidate.code)).toEqual([code, ...alsoRaised])
    },
  )

  it('says nothing when the same claimed person applies twice with the same details', () => {
    const index = new InMemoryIdentityIndex()
    const same: Parts = { contacts: { phones: [{ value: '(415) 555-0132' }] }, document: { cvText } }
    link(index, applicant('a-1', 'Jordan Miller', same))
    const result = link(index, applicant('a-2', 'Miller, Jordan', same, 30))
    expect(result.signals).toEqual([])
    expect(result.links.map((found) => found.kind)).toEqual(['phone', 'cv-text'])
    expect(result.clusterId).toBe('cluster:a-1')
  })

  it('counts strong sharing by distinct people: high from two other people on', () => {
    const index = new InMemoryIdentityIndex()
    const phone: Parts = { contacts: { phones: [{ value: '+1 415 555 0132' }] } }
    link(index, applicant('a-1', 'Jordan Miller', phone))
    link(index, applicant('a-2', 'Jordan Miller', phone, 1))
    const second = link(index, applicant('b-3', 'Priya Natarajan', phone, 2))
    const third = link(index, applicant('c-4', 'Omar Haddad', phone, 3))
    expect(second.signals[0]).toMatchObject({
      severity: 'medium',
      evidence: { otherPeople: 1, earlierApplications: 2 },
    })
    expect(third.signals[0]).toMatchObject({
      severity: 'high',
      evidence: { otherPeople: 2, otherApplicationIds: ['a-2', 'b-3'] },
    })
  })
})

describe('legitimate sharing stays weak', () => {
  it('two roommates at one address on one home IP: context only, no cluster', () => {
    const index = new InMemoryIdentityIndex()
    const home: Parts = {
      contacts: { addresses: [{ type: 'home', value: '9 Pine Rd, Unit 2, Austin, TX 78701' }] },
      submission: { ip: '98.42.17.9' },
    }
    link(index, applicant('a-1', 'Sam Carter', home))
    const result = link(index, applicant('b-2', 'Alex Nguyen', home, 5))
    expect(result.signals.map((signal) => [signal.code, signal.severity])).toEqual([
      ['identity.shared.address', 'info'],
      ['identity.shared.ip', 'info'],
      ['identity.shared.ip-prefix', 'info'],
    ])
    expect(result.clusterId).toBe('cluster:b-2')
    expect(poolScore(result.signals)).toBe(0)
  })

  it('a family phone shared by two people with the same surname is context, yet they share a cluster', () => {
    const index = new InMemoryIdentityIndex()
    const phone: Parts = { contacts: { phones: [{ value: '(415) 555-0132' }] } }
    link(index, applicant('a-1', 'Jordan Miller', phone))
    const result = link(index, applicant('b-2', 'Casey Miller', phone, 3))
    expect(result.signals).toHaveLength(1)
    expect(result.signals[0]).toMatchObject({
      code: 'identity.shared.phone',
      severity: 'info',
      evidence: { sameSurnamePeople: 1 },
    })
    expect(result.signals[0]?.message).toContain('1 of them with the same surname')
    expect(index.cluster('cluster:a-1')).toMatchObject({ claimedPeople: 2, surnames: 1, isRing: false })
  })

  it("a university's network: 40 people over a week from one /24 and a NAT address stay at most low, with no clusters", () => {
    const index = new InMemoryIdentityIndex()
    const results = Array.from({ length: 40 }, (_, number) =>
      link(
        index,
        applicant(
          `u-${number}`,
          `Student${number} Surname${number}`,
          { submission: { ip: `128.97.4.${number % 4 === 0 ? 1 : 10 + number}` } },
          number * 4,
        ),
      ),
    )
    const all = results.flatMap((result) => result.signals)
    expect(all.length).toBeGreaterThan(40)
    expect(severityRank(strongest(all))).toBeLessThanOrEqual(severityRank('low'))
    expect(Math.max(...results.map((result) => poolScore(result.signals)))).toBeLessThan(
      defaultScoringPolicy.thresholds.review,
    )
    expect(index.clusters()).toEqual([])
  })

  it('a common CV template paragraph does not make two CVs near-duplicates', () => {
    const index = new InMemoryIdentityIndex()
    const template =
      'results driven professional with excellent communication skills and a proven track record of delivering high quality software on time and within budget in fast paced agile environments'
    link(index, applicant('a-1', 'Jordan Miller', { document: { cvText: `${template} ${words(300, 21).join(' ')}` } }))
    const result = link(
      index,
      applicant('b-2', 'Priya Natarajan', { document: { cvText: `${template} ${words(300, 22).join(' ')}` } }, 1),
    )
    expect(result.signals).toEqual([])
    expect(result.links).toEqual([])
  })
})

describe('a ring of five personas sharing a phone, a CV template and a photo', () => {
  const personas = ['Jordan Miller', 'Priya Natarajan', 'Omar Haddad', 'Wei Zhang', 'Lucas Silva']
  const photos = ['c3a5f00e9b127d48', 'c3a5f00e9b127d49', 'c3a5f00e9b127d48', 'c3a5f00e9b127d4c', 'c3a5f00e9b12fd48']
  const ring = personas.map((name, number) =>
    applicant(
      `ring-${number + 1}`,
      name,
      {
        contacts: {
          phones: [{ value: '+1 (628) 555-0199' }],
          emails: [{ value: `${name.split(' ')[0]?.toLowerCase()}.dev${number}@proton.me` }],
        },
        document: {
          cvText: edited(cvText.split(' '), 80 + number * 10, `p${number}`),
          photoPerceptualHash: photos[number] ?? '',
        },
        submission: { ip: `45.86.200.${number + 10}` },
      },
      number * 30,
    ),
  )
  const bystanders = [
    applicant(
      'x-1',
      'Ana Souza',
      { contacts: { phones: [{ value: '+1 628 555 0100' }] }, document: { cvText: words(400, 5).join(' ') } },
      2,
    ),
  ]

  it('ends in one cluster with all five and strong signals that reach hold', () => {
    const index = new InMemoryIdentityIndex()
    const results = linkApplications(index, [...ring, ...bystanders])
    const last = results[4]
    expect(last?.clusterId).toBe('cluster:ring-1')
    const cluster = index.cluster('cluster:ring-1')
    expect(cluster?.applicationIds).toEqual(['ring-1', 'ring-2', 'ring-3', 'ring-4', 'ring-5'])
    expect(cluster).toMatchObject({ claimedPeople: 5, surnames: 5, isRing: true })
    expect(new Set(cluster?.edges.map((edge) => edge.kind))).toEqual(new Set(['phone', 'cv-text', 'photo']))
    expect(cluster?.edges.every((edge) => edge.from.startsWith('ring-') && edge.to.startsWith('ring-'))).toBe(true)
    expect(index.clusters().map((found) => found.id)).toEqual(['cluster:ring-1'])

    const codes = Object.fromEntries(last?.signals.map((signal) => [signal.code, signal.severity]) ?? [])
    expect(codes).toEqual({
      'identity.shared.phone': 'high',
      'identity.shared.ip-prefix': 'info',
      'identity.cv-near-duplicate': 'high',
      'identity.photo-reused': 'high',
      'identity.ring': 'high',
    })
    const near = last?.signals.find((signal) => signal.code === 'identity.cv-near-duplicate')
    expect(near?.evidence['similarity']).toBeGreaterThanOrEqual(0.8)
    expect((near?.evidence['sharedPassages'] as string[]).length).toBeGreaterThan(0)
    expect(poolScore(last?.signals ?? [])).toBeGreaterThanOrEqual(defaultScoringPolicy.thresholds.hold)
    // The second persona already has one strong pair: review, not yet hold.
    expect(
      results[1]?.signals
        .filter((signal) => signal.severity === 'medium')
        .map((signal) => signal.code)
        .sort(),
    ).toEqual(['identity.cv-near-duplicate', 'identity.photo-reused', 'identity.shared.phone'])
  })

  it('exports the cluster as a graph of applications and the identifiers they share', () => {
    const index = new InMemoryIdentityIndex()
    linkApplications(index, [...ring, ...bystanders])
    const graph = index.graph({ clusterId: 'cluster:ring-1' })
    const applications = graph.nodes.filter((node) => node.type === 'application').map((node) => node.id)
    expect(applications.sort()).toEqual(['ring-1', 'ring-2', 'ring-3', 'ring-4', 'ring-5'])
    expect(graph.nodes).toContainEqual({
      type: 'identifier',
      id: 'phone:+16285550199',
      kind: 'phone',
      value: '+16285550199',
    })
    expect(graph.edges.filter((edge) => edge.target === 'phone:+16285550199')).toHaveLength(5)
    expect(
      graph.edges.some((edge) => edge.kind === 'cv-text' && edge.source === 'ring-2' && edge.target === 'ring-1'),
    ).toBe(true)
  })

  it('gives the same cluster ids for the same input, whatever order a batch arrives in', () => {
    const ids = (records: readonly ApplicationRecord[]) => {
      const index = new InMemoryIdentityIndex()
      const results = linkApplications(index, records)
      return { results: results.map((result) => [result.applicationId, result.clusterId]), clusters: index.clusters() }
    }
    const forward = ids([...ring, ...bystanders])
    const again = ids([...ring, ...bystanders])
    const shuffled = ids(
      [bystanders[0], ring[3], ring[0], ring[4], ring[2], ring[1]].filter((record) => record !== undefined),
    )
    expect(again).toEqual(forward)
    expect(shuffled.clusters).toEqual(forward.clusters)
    expect(forward.results).toEqual([
      ['ring-1', 'cluster:ring-1'],
      ['ring-2', 'cluster:ring-1'],
      ['ring-3', 'cluster:ring-1'],
      ['ring-4', 'cluster:ring-1'],
      ['ring-5', 'cluster:ring-1'],
      ['x-1', 'cluster:x-1'],
    ])
  })
})

describe('identity.history-changed', () => {
  const history: Parts = {
    cv: {
      basics: { name: 'Jordan Avery Miller' },
      education: [
        {
          institution: 'University of California, Davis',
          studyType: 'Bachelor',
          area: 'Computer Science',
          startDate: '2015-09',
          endDate: '2019-06',
        },
      ],
      work: [{ name: 'Acme Logistics', position: 'Software Engineer', startDate: '2019-07', endDate: '2022-05' }],
    },
    person: { birthDate: '1997-04-02' },
    contacts: { phones: [{ value: '+1 415 555 0132' }] },
  }

  it('stays silent for namesakes with the same birth year who share no strong identifier', () => {
    const index = new InMemoryIdentityIndex()
    link(index, applicant('a-1', '', { ...history, contacts: {} }))
    const namesake = applicant(
      'a-2',
      '',
      { cv: { basics: { name: 'Jordan Avery Miller' }, education: [] }, person: { birthDate: '1997' } },
      24,
    )
    expect(link(index, namesake).signals.map((signal) => signal.code)).not.toContain('identity.history-changed')
  })

  it('never compares a resubmission with a namesake who applied in between (regression: honest people flagged)', () => {
    const index = new InMemoryIdentityIndex()
    const first: Parts = { ...history, person: {}, contacts: { phones: [{ value: '+1 404 828 8720' }] } }
    link(index, applicant('a-1', '', first))
    const namesake = {
      cv: { basics: { name: 'Jordan Avery Miller' }, education: [{ institution: 'Boston University' }] },
      person: {},
      contacts: { phones: [{ value: '+1 206 890 9432' }] },
    }
    link(index, applicant('n-1', '', namesake, 5))
    const again = link(index, applicant('a-2', '', first, 24 * 30))
    expect(again.signals.map((signal) => signal.code)).not.toContain('identity.history-changed')
  })

  it('lists exactly which degree, dates and employers changed for the same name, birth year and phone', () => {
    const index = new InMemoryIdentityIndex()
    link(index, applicant('a-1', '', history))
    const later = applicant(
      'a-2',
      '',
      {
        cv: {
          basics: { name: 'Miller Jordan Avery' },
          education: [
            {
              institution: 'University of California, Davis',
              studyType: 'Master',
              area: 'Computer Science',
              startDate: '2015-09',
              endDate: '2017-06',
            },
          ],
          work: [{ name: 'Globex', position: 'Software Engineer', startDate: '2017-07' }],
        },
        person: { birthDate: '1997' },
        contacts: { phones: [{ value: '(415) 555-0132' }] },
      },
      24 * 90,
    )
    const signal = link(index, later).signals.find((found) => found.code === 'identity.history-changed')
    expect(signal?.severity).toBe('medium')
    expect(signal?.evidence).toEqual({
      earlierApplicationId: 'a-1',
      basis: 'same name and birth year, and a shared identifier',
      added: [{ section: 'work', change: 'added', entry: 'Globex, Software Engineer (2017-07 to now)' }],
      removed: [
        { section: 'work', change: 'removed', entry: 'Acme Logistics, Software Engineer (2019-07 to 2022-05)' },
      ],
      changed: [
        {
          section: 'education',
          change: 'changed',
          entry: 'University of California, Davis, Master in Computer Science (2015-09 to 2017-06)',
          fields: [
            { field: 'studyType', before: 'Bachelor', after: 'Master' },
            { field: 'endDate', before: '2019-06', after: '2017-06' },
          ],
        },
      ],
    })
    expect(signal?.message).toContain('a-1')
    expect(signal?.message).toContain('studyType Bachelor → Master')
  })

  it('also compares the same name with another birth year when they share a strong identifier', () => {
    const index = new InMemoryIdentityIndex()
    const email = { emails: [{ value: 'jam1997@outlook.com' }] }
    link(index, applicant('a-1', '', { ...history, contacts: email }))
    const result = link(
      index,
      applicant(
        'a-2',
        '',
        {
          cv: {
            basics: { name: 'Jordan Avery Miller' },
            education: [{ institution: 'Stanford University', studyType: 'BS' }],
          },
          person: { birthDate: '1993' },
          contacts: email,
        },
        48,
      ),
    )
    const signal = result.signals.find((found) => found.code === 'identity.history-changed')
    expect(signal?.evidence).toMatchObject({ earlierApplicationId: 'a-1', basis: 'same name and a shared identifier' })
    expect(signal?.evidence['added']).toEqual([
      { section: 'education', change: 'added', entry: 'Stanford University, BS' },
    ])
  })

  it('stays silent for the same history, and for a different person with the same name and another birth year', () => {
    const index = new InMemoryIdentityIndex()
    link(index, applicant('a-1', '', history))
    expect(link(index, applicant('a-2', '', history, 1)).signals).toEqual([])
    const namesake = applicant(
      'z-3',
      '',
      {
        cv: { basics: { name: 'Jordan Avery Miller' }, education: [{ institution: 'Ohio State' }] },
        person: { birthDate: '1980' },
      },
      2,
    )
    expect(link(index, namesake).signals).toEqual([])
  })
})

describe('identity.burst', () => {
  it.each([
    {
      what: 'one device, three people, five applications in a day',
      key: { deviceId: 'dev-1' },
      people: 3,
      hours: 4,
      expected: 'medium',
    },
    {
      what: 'one IP, five people, five applications in a day',
      key: { ip: '203.0.114.7' },
      people: 5,
      hours: 4,
      expected: 'low',
    },
    {
      what: 'one IP, five people, spread over five days',
      key: { ip: '203.0.114.7' },
      people: 5,
      hours: 26,
      expected: undefined,
    },
    {
      what: 'one device, one person applying five times in a day',
      key: { deviceId: 'dev-1' },
      people: 1,
      hours: 4,
      expected: undefined,
    },
  ])('$what: $expected', ({ key, people, hours, expected }) => {
    const index = new InMemoryIdentityIndex()
    const names = ['Sam Carter', 'Alex Nguyen', 'Robin Okafor', 'Dana Kowalski', 'Lee Park']
    const results = Array.from({ length: 5 }, (_, number) =>
      link(index, applicant(`s-${number}`, names[number % people] ?? '', { submission: key }, number * hours)),
    )
    const bursts = results.map((result) => result.signals.find((signal) => signal.code === 'identity.burst'))
    expect(bursts.slice(0, 4)).toEqual([undefined, undefined, undefined, undefined])
    expect(bursts[4]?.severity).toBe(expected)
    if (expected) expect(bursts[4]?.evidence).toMatchObject({ applications: 5, people, windowHours: 24 })
  })
})
