import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { normaliseApplication } from '../normalise/normalise-application.js'
import type { ApplicationRecord, Resume, ResumeEducation } from '../record/application-record.js'
import type { ReferenceData } from '../reference/reference-data.js'
import type { Severity } from '../signals/severity.js'
import { anApplication } from '../testing/an-application.js'
import { educationDetector } from './education-detector.js'

type Overrides = NonNullable<Parameters<typeof anApplication>[0]>

// Timelines need no outside lists.
const noReferenceData: ReferenceData = {
  isDisposableEmailDomain: () => false,
  isFreeEmailDomain: () => false,
  sources: [],
}

function detect(record: ApplicationRecord) {
  return educationDetector.detect({ record, facts: normaliseApplication(record), reference: noReferenceData })
}

function withEducation(education: readonly ResumeEducation[], overrides: Overrides = {}): ApplicationRecord {
  return anApplication({ cv: { ...anApplication().cv, education }, ...overrides })
}

const noBirthDate: Overrides = { person: {} }
const bachelor = { institution: 'University of California, Davis', studyType: 'Bachelor', area: 'Computer Science' }
const master = { institution: 'Stanford University', studyType: 'Master of Science', area: 'Computer Science' }
const doctorate = { institution: 'University of Washington', studyType: 'PhD', area: 'Computer Science' }
const highSchool = { institution: 'Davis Senior High School', studyType: 'High School Diploma' }

type Case = {
  readonly name: string
  readonly education: readonly ResumeEducation[]
  readonly overrides?: Overrides
  readonly expected: readonly (readonly [string, Severity])[]
}

// The application is submitted on 2026-03-02; the default applicant was born in 1997.
const cases: readonly Case[] = [
  {
    name: 'a programme that starts after the application',
    education: [
      { ...bachelor, startDate: '2015-09', endDate: '2019-06' },
      { ...master, startDate: '2026-09', endDate: '2028-06' },
    ],
    expected: [['education.date.future', 'medium']],
  },
  {
    name: 'an end year typed wrong (2029 for 2019): no student runs a bachelor for 14 years',
    education: [{ ...bachelor, startDate: '2015-09', endDate: '2029-06' }],
    expected: [['education.date.future', 'medium']],
  },
  {
    name: 'a graduation two years ahead with no start date (perhaps a student, so weak)',
    education: [{ ...bachelor, endDate: '2028' }],
    expected: [['education.date.future', 'low']],
  },
  {
    name: 'an end before the start, and nothing else is judged on those dates',
    education: [{ ...bachelor, startDate: '2019-09', endDate: '2015-06' }],
    expected: [['education.date.inverted', 'low']],
  },
  {
    name: "a master's finished before the bachelor's began",
    education: [
      { ...bachelor, startDate: '2015-09', endDate: '2019-06' },
      { ...master, startDate: '2012-09', endDate: '2014-06' },
    ],
    overrides: noBirthDate,
    expected: [['education.timeline.order', 'medium']],
  },
  {
    name: "a doctorate finished before any bachelor's",
    education: [
      { ...doctorate, startDate: '2010-09', endDate: '2014-06' },
      { ...bachelor, startDate: '2015-09', endDate: '2019-06' },
    ],
    overrides: noBirthDate,
    expected: [['education.timeline.order', 'medium']],
  },
  {
    name: "a bachelor's finished before secondary school began",
    education: [
      { ...highSchool, startDate: '2012-09', endDate: '2016-06' },
      { ...bachelor, startDate: '2008-09', endDate: '2011-06' },
    ],
    overrides: noBirthDate,
    expected: [['education.timeline.order', 'medium']],
  },
  {
    name: 'two full degrees at different schools overlapping by almost two years',
    education: [
      { ...bachelor, startDate: '2014-09', endDate: '2018-06' },
      { ...master, startDate: '2016-09', endDate: '2019-06' },
    ],
    expected: [['education.timeline.overlap', 'low']],
  },
  {
    name: "a bachelor's in ten months",
    education: [{ ...bachelor, startDate: '2018-09', endDate: '2019-06' }],
    expected: [['education.duration.implausible', 'medium']],
  },
  {
    name: 'a PhD in one year',
    education: [
      { ...bachelor, startDate: '2013-09', endDate: '2017-06' },
      { ...doctorate, startDate: '2018-09', endDate: '2019-08' },
    ],
    expected: [['education.duration.implausible', 'medium']],
  },
  {
    name: "an eleven-year bachelor's (weak: part-time study)",
    education: [{ ...bachelor, startDate: '2005-09', endDate: '2016-06' }],
    overrides: noBirthDate,
    expected: [['education.duration.implausible', 'low']],
  },
  {
    name: "a bachelor's begun at ten by the stated birth date",
    education: [{ ...bachelor, startDate: '2015-09', endDate: '2019-06' }],
    overrides: { person: { birthDate: '2005' } },
    expected: [['education.age.implausible', 'medium']],
  },
  {
    name: 'an associate degree finished at sixteen',
    education: [
      {
        institution: 'Sacramento City College',
        studyType: 'Associate of Science',
        startDate: '2018-01',
        endDate: '2019-12',
      },
    ],
    overrides: { person: { birthDate: '2003-01-01' } },
    expected: [['education.age.implausible', 'medium']],
  },
  {
    name: 'a school abroad begun after the date since which the applicant says they have lived at home',
    education: [
      {
        institution: 'University of Toronto',
        studyType: 'Bachelor',
        countryCode: 'CA',
        startDate: '2015-09',
        endDate: '2019-06',
      },
    ],
    overrides: { claimed: { location: { countryCode: 'US' }, residentSince: '2005' } },
    expected: [['education.abroad.lifelong-home-elsewhere', 'low']],
  },
  // Hard negatives: each must stay silent.
  { name: 'the clean default applicant', education: anApplication().cv.education ?? [], expected: [] },
  {
    name: "a master's starting in the last month of the bachelor's",
    education: [
      { ...bachelor, startDate: '2015-09', endDate: '2019-06' },
      { ...master, startDate: '2019-06', endDate: '2021-06' },
    ],
    expected: [],
  },
  {
    name: "a master's starting four months before the bachelor's ends",
    education: [
      { ...bachelor, startDate: '2015-09', endDate: '2019-06' },
      { ...master, startDate: '2019-02', endDate: '2020-12' },
    ],
    expected: [],
  },
  {
    name: 'a student expecting to graduate in six months',
    education: [{ ...bachelor, startDate: '2022-09', endDate: '2026-09' }],
    overrides: { person: { birthDate: '2004' } },
    expected: [],
  },
  {
    name: 'a student who gives only an expected graduation six months ahead',
    education: [{ ...bachelor, endDate: '2026-09' }],
    expected: [],
  },
  {
    name: 'a first-year student whose expected graduation is three years ahead',
    education: [{ ...bachelor, startDate: '2025-09', endDate: '2029-06' }],
    overrides: { person: { birthDate: '2007' } },
    expected: [],
  },
  {
    name: 'year-only dates that touch',
    education: [
      { ...bachelor, startDate: '2015', endDate: '2019' },
      { ...master, startDate: '2019', endDate: '2021' },
    ],
    expected: [],
  },
  {
    name: 'a double major listed as two degrees at one school',
    education: [
      { ...bachelor, startDate: '2015-09', endDate: '2019-06' },
      { ...bachelor, studyType: 'Bachelor of Arts', area: 'Mathematics', startDate: '2015-09', endDate: '2019-06' },
    ],
    expected: [],
  },
  {
    name: "a one-year master's and a five-year part-time master's",
    education: [
      { ...bachelor, startDate: '2015-09', endDate: '2019-06' },
      { ...master, startDate: '2020-09', endDate: '2021-06' },
      { ...master, institution: 'Georgia Tech', startDate: '2021', endDate: '2025' },
    ],
    expected: [],
  },
  {
    name: "a second bachelor's after a master's",
    education: [
      { ...bachelor, startDate: '2010-09', endDate: '2014-06' },
      { ...master, startDate: '2014-09', endDate: '2016-06' },
      { ...bachelor, institution: 'Open University', area: 'Psychology', startDate: '2017-09', endDate: '2021-06' },
    ],
    overrides: noBirthDate,
    expected: [],
  },
  {
    name: 'an MBA after a PhD',
    education: [
      { ...bachelor, startDate: '2005-09', endDate: '2009-06' },
      { ...doctorate, startDate: '2009-09', endDate: '2014-06' },
      { institution: 'INSEAD', studyType: 'MBA', startDate: '2015-01', endDate: '2015-12' },
    ],
    overrides: noBirthDate,
    expected: [],
  },
  {
    name: 'a young but possible start: bachelor at 15 by a birth year',
    education: [{ ...bachelor, startDate: '2012-09', endDate: '2016-06' }],
    expected: [],
  },
  {
    name: 'an immigrant who studied abroad and moved later',
    education: [
      {
        institution: 'Indian Institute of Technology Bombay',
        studyType: 'B.Tech',
        countryCode: 'IN',
        startDate: '2012-07',
        endDate: '2016-05',
      },
      { ...master, startDate: '2016-09', endDate: '2018-06' },
    ],
    overrides: { claimed: { location: { countryCode: 'US' }, residentSince: '2016-08' }, person: {} },
    expected: [],
  },
  {
    name: 'residence claimed from the same year the programme abroad began (order unknown)',
    education: [
      {
        institution: 'University of Toronto',
        studyType: 'Bachelor',
        countryCode: 'CA',
        startDate: '2015-09',
        endDate: '2019-06',
      },
    ],
    overrides: { claimed: { location: { countryCode: 'US' }, residentSince: '2015' } },
    expected: [],
  },
  {
    name: 'a school abroad with no residence date',
    education: [
      {
        institution: 'University of Toronto',
        studyType: 'Bachelor',
        countryCode: 'CA',
        startDate: '2015-09',
        endDate: '2019-06',
      },
    ],
    expected: [],
  },
  {
    name: 'entries without dates, with dates no parser reads, and of unknown level',
    education: [
      { institution: 'Coursera' },
      { ...bachelor, startDate: 'soon', endDate: 'later' },
      { studyType: 'Course', startDate: '2001', endDate: '2020' },
    ],
    expected: [],
  },
]

describe('educationDetector', () => {
  it.each(cases)('$name', ({ education, overrides, expected }) => {
    const found = detect(withEducation(education, overrides)).map((signal) => [signal.code, signal.severity])
    expect(found).toEqual(expected)
  })

  it('names the two overlapping programmes and the overlap in the message and evidence', () => {
    const [signal] = detect(
      withEducation([
        { ...bachelor, startDate: '2014-09', endDate: '2018-06' },
        { ...master, startDate: '2016-09', endDate: '2019-06' },
      ]),
    )
    expect(signal?.message).toBe(
      'The Bachelor in Computer Science at University of California, Davis (2014-09 to 2018-06) and the Master of Science ' +
        'in Computer Science at Stanford University (2016-09 to 2019-06) overlap by at least 1.7 years.',
    )
    expect(signal?.evidence).toMatchObject({
      first: { path: 'cv.education[0]', level: 'bachelor', startDate: '2014-09' },
      second: { path: 'cv.education[1]', level: 'master', endDate: '2019-06' },
      overlapYears: 1.7,
    })
  })

  it('gives the age and the youngest plausible age as evidence', () => {
    const [signal] = detect(
      withEducation([{ ...bachelor, startDate: '2015-09', endDate: '2019-06' }], { person: { birthDate: '2005' } }),
    )
    expect(signal?.evidence).toMatchObject({
      birthDate: '2005',
      ageAtStart: 10,
      minimumAge: 15,
      path: 'cv.education[0]',
    })
    expect(signal?.message).toContain('starts in 2015-09, when the applicant (born 2005) was at most 10')
  })

  it('keeps the residence claim and both countries as evidence', () => {
    const [signal] = detect(
      withEducation(
        [
          {
            institution: 'Kim Il Sung University',
            studyType: 'Bachelor',
            countryCode: 'kp',
            startDate: '2012',
            endDate: '2016',
          },
        ],
        {
          claimed: { location: { countryCode: 'US' }, residentSince: '2001-05-01' },
        },
      ),
    )
    expect(signal?.evidence).toMatchObject({ countryCode: 'KP', claimedCountry: 'US', residentSince: '2001-05-01' })
  })

  it('stays silent on the JSON Resume sample document', () => {
    const path = new URL('../../../../../shared/data/resumes/jsonresume_sample.resume.json', import.meta.url)
    const cv = JSON.parse(readFileSync(path, 'utf8')) as Resume
    expect(detect(anApplication({ cv, person: {} }))).toEqual([])
  })

  it('documents every code it raises', () => {
    const codes = educationDetector.signals.map((definition) => definition.code)
    expect(new Set(codes).size).toBe(7)
    for (const code of codes) expect(code).toMatch(/^education\.[a-z-]+(\.[a-z-]+)*$/)
  })
})
