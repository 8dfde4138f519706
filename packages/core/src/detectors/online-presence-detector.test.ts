import { describe, expect, it } from 'vitest'
import { normaliseApplication } from '../normalise/normalise-application.js'
import type { ApplicationRecord, ProfileEnrichment, ResumeProfile, ResumeWork } from '../record/application-record.js'
import type { ReferenceData } from '../reference/reference-data.js'
import { anApplication } from '../testing/an-application.js'
import { onlinePresenceDetector } from './online-presence-detector.js'

// The online-presence detector reads no reference lists.
const reference: ReferenceData = { isDisposableEmailDomain: () => false, isFreeEmailDomain: () => false, sources: [] }

type Setting = {
  readonly name?: string
  readonly cvProfiles?: readonly ResumeProfile[]
  readonly profiles?: readonly ProfileEnrichment[]
  readonly work?: readonly ResumeWork[]
}

/** The builder's applicant (Jordan Avery Miller, applying 2026-03-02, software engineer since 2019-07). */
function applicant({ name, cvProfiles, profiles, work }: Setting): ApplicationRecord {
  const base = anApplication()
  return anApplication({
    cv: {
      ...base.cv,
      basics: { ...base.cv.basics, ...(name ? { name } : {}), profiles: cvProfiles ?? [] },
      ...(work ? { work } : {}),
    },
    ...(profiles ? { profiles } : {}),
  })
}

function detect(record: ApplicationRecord) {
  return onlinePresenceDetector.detect({ record, facts: normaliseApplication(record), reference })
}

const codesOf = (record: ApplicationRecord): string[] => detect(record).map((signal) => signal.code)

/** A long-standing, well-connected pair of accounts. */
const establishedLinkedIn: ProfileEnrichment = {
  network: 'LinkedIn',
  url: 'https://www.linkedin.com/in/jordan-miller-8a1b2c3',
  displayName: 'Jordan Miller',
  createdAt: '2016-04-11',
  connections: 480,
  longestInactiveDays: 40,
  reactivatedAt: '2021-02-01',
}
const establishedGithub: ProfileEnrichment = {
  network: 'GitHub',
  url: 'https://github.com/jmiller',
  username: 'jmiller',
  displayName: 'J. Miller',
  createdAt: '2021-03-01',
  oldestActivityAt: '2021-03-02',
  followers: 35,
}

describe('onlinePresenceDetector', () => {
  it('stays silent for the builder applicant and for long-standing accounts', () => {
    expect(detect(anApplication())).toEqual([])
    expect(
      detect(
        applicant({
          cvProfiles: [{ network: 'LinkedIn', url: 'linkedin.com/in/jordan-miller-8a1b2c3' }],
          profiles: [establishedLinkedIn, establishedGithub],
        }),
      ),
    ).toEqual([])
  })

  it('raises nothing when enrichment knows nothing', () => {
    expect(detect(applicant({ profiles: [{ network: 'GitHub' }, { network: 'LinkedIn' }] }))).toEqual([])
  })

  describe('handles', () => {
    it.each<[string, ResumeProfile, string[]]>([
      ['a surname handle', { network: 'LinkedIn', username: 'jmiller' }, []],
      [
        'a LinkedIn slug with its random suffix',
        { network: 'LinkedIn', url: 'https://www.linkedin.com/in/jordan-miller-8a1b2c3/' },
        [],
      ],
      ['a handle built from initials', { network: 'GitHub', username: 'jam-dev' }, []],
      ['a middle-name handle', { network: 'GitHub', username: 'avery42' }, []],
      [
        'a percent-encoded slug with accents',
        { network: 'LinkedIn', url: 'https://www.linkedin.com/in/j%C3%B6rdan-m%C3%BCller' },
        [],
      ],
      [
        'a LinkedIn member id nobody chose',
        { network: 'LinkedIn', url: 'https://www.linkedin.com/in/ACoAABcdEfGhIjKlMnOpQrStUvWx' },
        [],
      ],
      ['an unrelated handle on a network not judged', { network: 'Twitter', username: 'xk_dev_77' }, []],
      [
        'an unrelated GitHub username',
        { network: 'GitHub', username: 'xk-dev-77' },
        ['profile.handle.unrelated-to-name'],
      ],
      [
        'an unrelated GitHub handle in the URL',
        { network: 'github', url: 'https://github.com/shadowcoder/portfolio' },
        ['profile.handle.unrelated-to-name'],
      ],
      [
        'an unrelated LinkedIn slug',
        { network: 'LinkedIn', url: 'https://www.linkedin.com/in/tech-guru-2024' },
        ['profile.handle.unrelated-to-name'],
      ],
    ])('%s', (_name, profile, expected) => {
      expect(codesOf(applicant({ cvProfiles: [profile] }))).toEqual(expected)
    })

    it('judges the same handle once when CV and enrichment both list it', () => {
      const signals = detect(
        applicant({
          cvProfiles: [{ network: 'GitHub', username: 'shadowcoder', url: 'https://github.com/shadowcoder' }],
          profiles: [{ network: 'GitHub', username: 'ShadowCoder', url: 'https://github.com/shadowcoder' }],
        }),
      )
      expect(signals).toHaveLength(1)
      expect(signals[0]).toMatchObject({
        code: 'profile.handle.unrelated-to-name',
        severity: 'low',
        message: 'The GitHub handle "shadowcoder" does not derive from the applicant\'s name, Jordan Avery Miller.',
        evidence: { path: 'cv.basics.profiles[0]', network: 'GitHub', handle: 'shadowcoder', source: 'username' },
      })
    })
  })

  describe('display names', () => {
    it.each<[string, string, string, string[]]>([
      ['the same name', 'Jordan Avery Miller', 'Jordan Miller', []],
      ['surname first with a comma', 'Jordan Avery Miller', 'Miller, Jordan', []],
      ['an initial', 'Jordan Avery Miller', 'J. Miller', []],
      ['diacritics', 'Jordan Avery Miller', 'Jördan Millér', []],
      ['a headline after a bar', 'Jordan Avery Miller', 'Jordan Miller | Backend Engineer', []],
      ['the handle as display name', 'Jordan Avery Miller', 'jmiller', []],
      ['a nickname', 'Robert James Smith', 'Bob Smith', []],
      ['a shortened name', 'Alexander Chen', 'Alex Chen', []],
      ['another script', 'Minjun Kim', '김민준', []],
      ['someone else entirely', 'Jordan Avery Miller', 'Wei Zhang', ['profile.display-name.mismatch']],
      [
        'another surname beside the given name',
        'Jordan Avery Miller',
        'Jordan Smith',
        ['profile.display-name.mismatch'],
      ],
      [
        'another surname beside the middle name',
        'Jordan Avery Miller',
        'Avery Smith',
        ['profile.display-name.mismatch'],
      ],
    ])('%s (%s / %s)', (_case, name, displayName, expected) => {
      expect(codesOf(applicant({ name, profiles: [{ network: 'GitHub', displayName }] }))).toEqual(expected)
    })

    it('quotes the display name and the applicant', () => {
      const [signal] = detect(applicant({ profiles: [{ ...establishedLinkedIn, displayName: 'Wei Zhang' }] }))
      expect(signal).toMatchObject({
        code: 'profile.display-name.mismatch',
        severity: 'medium',
        message:
          'The LinkedIn profile\'s display name "Wei Zhang" names someone other than the applicant, Jordan Avery Miller.',
        evidence: {
          path: 'profiles[0]',
          displayName: 'Wei Zhang',
          name: 'Jordan Avery Miller',
          url: establishedLinkedIn.url,
        },
      })
    })
  })

  describe('account history', () => {
    it.each<[string, ProfileEnrichment, string[]]>([
      ['created 41 days before applying', { network: 'LinkedIn', createdAt: '2026-01-20' }, ['profile.account.new']],
      ['created 89 days before applying', { network: 'LinkedIn', createdAt: '2025-12-03' }, ['profile.account.new']],
      ['created 91 days before applying', { network: 'LinkedIn', createdAt: '2025-12-01' }, []],
      ['created after applying', { network: 'LinkedIn', createdAt: '2026-03-10' }, ['profile.account.new']],
      ['created five years ago', { network: 'LinkedIn', createdAt: '2021-03-01T10:00:00Z' }, []],
      ['a year-only creation date', { network: 'LinkedIn', createdAt: '2026' }, ['profile.account.new']],
      [
        'dormant two years, active again 46 days ago',
        { network: 'LinkedIn', longestInactiveDays: 800, reactivatedAt: '2026-01-15' },
        ['profile.account.dormant-then-active'],
      ],
      [
        'dormant two years, active again just after applying',
        { network: 'LinkedIn', longestInactiveDays: 800, reactivatedAt: '2026-03-20' },
        ['profile.account.dormant-then-active'],
      ],
      [
        'dormant two years, active again long ago',
        { network: 'LinkedIn', longestInactiveDays: 800, reactivatedAt: '2024-01-01' },
        [],
      ],
      [
        'a shorter pause, active again recently',
        { network: 'LinkedIn', longestInactiveDays: 200, reactivatedAt: '2026-01-15' },
        [],
      ],
      ['dormancy without a reactivation date', { network: 'LinkedIn', longestInactiveDays: 800 }, []],
      ['12 LinkedIn connections', { network: 'LinkedIn', connections: 12 }, ['profile.connections.few']],
      ['30 LinkedIn connections', { network: 'LinkedIn', connections: 30 }, []],
      ['0 LinkedIn connections', { network: 'linkedin', connections: 0 }, ['profile.connections.few']],
      ['few connections on another network', { network: 'GitHub', connections: 3 }, []],
    ])('%s', (_name, profile, expected) => {
      expect(codesOf(applicant({ profiles: [profile] }))).toEqual(expected)
    })

    it('says when the account was made and how long before the application', () => {
      const [signal] = detect(
        applicant({
          profiles: [{ network: 'LinkedIn', url: 'https://www.linkedin.com/in/jordanmiller', createdAt: '2026-01-20' }],
        }),
      )
      expect(signal).toMatchObject({
        code: 'profile.account.new',
        severity: 'low',
        message: 'The LinkedIn account was created on 2026-01-20, 41 days before the application.',
        evidence: { createdAt: '2026-01-20', ageDays: 41, url: 'https://www.linkedin.com/in/jordanmiller' },
      })
    })

    it('gives the dormancy and the reactivation date', () => {
      const [signal] = detect(
        applicant({ profiles: [{ network: 'LinkedIn', longestInactiveDays: 800, reactivatedAt: '2026-01-15' }] }),
      )
      expect(signal).toMatchObject({
        severity: 'medium',
        message:
          'The LinkedIn account was inactive for 800 days and became active again on 2026-01-15, 46 days before the application.',
        evidence: { longestInactiveDays: 800, reactivatedAt: '2026-01-15', daysBeforeApplication: 46 },
      })
    })
  })

  describe('GitHub history', () => {
    const juniorWork: ResumeWork[] = [{ name: 'Acme', position: 'Software Engineer', startDate: '2023-06' }]
    const mechanicalWork: ResumeWork[] = [{ name: 'Acme', position: 'Mechanical Engineer', startDate: '2015-01' }]
    const overlappingWork: ResumeWork[] = [
      { name: 'Acme', position: 'Backend Developer', startDate: '2022-01', endDate: '2024-12' },
      { name: 'Side Gig', position: 'Full-Stack Developer', startDate: '2022-06', endDate: '2024-06' },
    ]
    it.each<[string, ProfileEnrichment, ResumeWork[] | undefined, string[]]>([
      [
        'activity eight years before the account',
        { network: 'GitHub', createdAt: '2024-11-02', oldestActivityAt: '2016-03-14' },
        undefined,
        ['profile.github.backdated-activity'],
      ],
      [
        'activity one day before the account',
        { network: 'GitHub', createdAt: '2024-11-02', oldestActivityAt: '2024-11-01' },
        undefined,
        [],
      ],
      [
        'activity after the account was made',
        { network: 'GitHub', createdAt: '2018-01-02', oldestActivityAt: '2018-02-01' },
        undefined,
        [],
      ],
      [
        'older activity on LinkedIn (not GitHub)',
        { network: 'LinkedIn', createdAt: '2024-11-02', oldestActivityAt: '2016-03-14' },
        undefined,
        [],
      ],
      [
        'a 5-month-old account against 6.7 years as engineer',
        { network: 'GitHub', createdAt: '2025-10-01' },
        undefined,
        ['profile.github.younger-than-experience'],
      ],
      [
        'a 5-month-old account against 2.7 years as engineer',
        { network: 'GitHub', createdAt: '2025-10-01' },
        juniorWork,
        [],
      ],
      [
        'a 5-month-old account against 11 years of mechanical engineering',
        { network: 'GitHub', createdAt: '2025-10-01' },
        mechanicalWork,
        [],
      ],
      ['overlapping jobs counted once (3 years)', { network: 'GitHub', createdAt: '2025-10-01' }, overlappingWork, []],
      ['an account five years old', { network: 'GitHub', createdAt: '2021-03-01' }, undefined, []],
      [
        'a new account: both new and younger than the career',
        { network: 'GitHub', createdAt: '2026-02-01' },
        undefined,
        ['profile.account.new', 'profile.github.younger-than-experience'],
      ],
    ])('%s', (_name, profile, work, expected) => {
      expect(codesOf(applicant({ profiles: [profile], ...(work ? { work } : {}) }))).toEqual(expected)
    })

    it('states both dates and the claimed years', () => {
      const signals = detect(
        applicant({ profiles: [{ network: 'GitHub', createdAt: '2025-10-01', oldestActivityAt: '2016-03-14' }] }),
      )
      expect(signals.map((signal) => signal.message)).toEqual([
        'The GitHub account was created on 2025-10-01 but shows activity from 2016-03-14, 9.5 years earlier.',
        'The GitHub account is 152 days old (created 2025-10-01) while the CV claims 6.7 years as a software developer or engineer.',
      ])
      expect(signals[1]?.evidence).toMatchObject({ accountAgeDays: 152, claimedSoftwareYears: 6.7 })
    })
  })

  describe('profile URLs', () => {
    it.each<[string, ResumeProfile, string | undefined]>([
      [
        'a look-alike host',
        { network: 'LinkedIn', url: 'https://linkedin.com.profile-view.io/in/jordanmiller' },
        'other-site',
      ],
      ['a typo-squatted host', { network: 'LinkedIn', url: 'https://www.1inkedin.com/in/jordanmiller' }, 'other-site'],
      ['another network', { network: 'LinkedIn', url: 'https://github.com/jordanmiller' }, 'other-site'],
      [
        'a company page',
        { network: 'LinkedIn', url: 'https://www.linkedin.com/company/acme-logistics' },
        'not-a-profile',
      ],
      ['a GitHub feature page', { network: 'GitHub', url: 'https://github.com/features' }, 'not-a-profile'],
      ['words instead of a URL', { network: 'LinkedIn', url: 'see my linkedin' }, 'not-a-url'],
      ['a script URL', { network: 'GitHub', url: 'javascript:alert(1)' }, 'not-a-url'],
      ['no scheme', { network: 'LinkedIn', url: 'linkedin.com/in/jordanmiller' }, undefined],
      ['a country subdomain', { network: 'LinkedIn', url: 'https://uk.linkedin.com/in/jordanmiller' }, undefined],
      [
        'a repository under the user',
        { network: 'GitHub', url: 'https://github.com/jordanmiller/dotfiles' },
        undefined,
      ],
      ['a GitHub Pages site', { network: 'GitHub', url: 'https://jordanmiller.github.io' }, undefined],
      ['an X profile', { network: 'X', url: 'https://x.com/jordan_m' }, undefined],
      [
        'a Stack Overflow profile',
        { network: 'Stack Overflow', url: 'https://stackoverflow.com/users/123456/jordan-miller' },
        undefined,
      ],
      ['a network screening does not read', { network: 'Portfolio', url: 'not a url' }, undefined],
    ])('%s', (_name, profile, problem) => {
      const signal = detect(applicant({ cvProfiles: [profile] })).find(
        (candidate) => candidate.code === 'profile.url.invalid',
      )
      expect(signal?.evidence['problem']).toBe(problem)
    })

    it('quotes the URL and what is wrong with it, once for the CV and the enrichment', () => {
      const url = 'https://www.1inkedin.com/in/jordanmiller'
      const signals = detect(
        applicant({ cvProfiles: [{ network: 'LinkedIn', url }], profiles: [{ network: 'LinkedIn', url }] }),
      )
      expect(signals).toEqual([
        {
          code: 'profile.url.invalid',
          severity: 'low',
          message: 'The LinkedIn profile URL "https://www.1inkedin.com/in/jordanmiller" is not a LinkedIn address.',
          evidence: { path: 'cv.basics.profiles[0]', network: 'LinkedIn', url, problem: 'other-site' },
        },
      ])
    })
  })

  it('never throws for a malformed submission date or profile dates', () => {
    const record = {
      ...applicant({
        profiles: [
          {
            network: 'GitHub',
            createdAt: 'soon',
            oldestActivityAt: 'long ago',
            reactivatedAt: 'x',
            longestInactiveDays: 900,
          },
        ],
      }),
      submittedAt: 'yesterday',
    }
    expect(detect(record)).toEqual([])
  })

  it('declares every code it raises, with the declared severity', () => {
    const raised = detect(
      applicant({
        cvProfiles: [{ network: 'GitHub', username: 'shadowcoder', url: 'https://www.1inkedin.com/in/x' }],
        profiles: [
          {
            network: 'LinkedIn',
            displayName: 'Wei Zhang',
            createdAt: '2026-02-01',
            connections: 4,
            longestInactiveDays: 900,
            reactivatedAt: '2026-02-10',
          },
          { network: 'GitHub', createdAt: '2025-06-01', oldestActivityAt: '2014-01-01' },
        ],
      }),
    )
    expect(new Set(raised.map((signal) => signal.code))).toEqual(
      new Set(onlinePresenceDetector.signals.map((definition) => definition.code)),
    )
    for (const signal of raised) {
      expect(onlinePresenceDetector.signals.find((definition) => definition.code === signal.code)?.severity).toBe(
        signal.severity,
      )
    }
  })
})
