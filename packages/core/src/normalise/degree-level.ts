import { foldToAscii } from './person-name.js'
import { memoise } from './memoise.js'

/** The level of a qualification, ordered: a doctorate normally follows a master's, which follows a bachelor's. */
export const degreeLevels = [
  'secondary',
  'certificate',
  'associate',
  'bachelor',
  'master',
  'doctorate',
  'unknown',
] as const
export type DegreeLevel = (typeof degreeLevels)[number]

const patterns: readonly (readonly [DegreeLevel, RegExp])[] = [
  ['doctorate', /\b(ph\.? ?d|doctor|doctorate|dphil|d\.?sc|ed\.?d)\b/],
  ['master', /\b(master|masters|m\.? ?sc|m\.? ?s|m\.? ?a|mba|m\.? ?eng|m\.? ?tech|mphil|m\.?ed|llm)\b/],
  [
    'bachelor',
    /\b(bachelor|bachelors|b\.? ?sc|b\.? ?s|b\.? ?a|b\.? ?eng|b\.? ?tech|b\.? ?e|llb|undergraduate|licen[cs]iatura|licence)\b/,
  ],
  ['associate', /\b(associate|a\.? ?a\.? ?s|a\.? ?s)\b/],
  // Before certificates: a "High School Diploma" or "Secondary School Certificate" is secondary schooling.
  ['secondary', /\b(high school|(?<!post-?)secondary|a-levels?|baccalaureate|gcse|ged)\b/],
  ['certificate', /\b(certificate|diploma|bootcamp|certification|nanodegree)\b/],
]

/** Classifies JSON Resume's free-text `studyType` ("Bachelor", "B.Sc.", "MSc", "PhD"). */
export function classifyDegree(studyType: string | undefined): DegreeLevel {
  return studyType ? classifyStudyType(studyType) : 'unknown'
}

const classifyStudyType = memoise((studyType: string): DegreeLevel => {
  const text = foldToAscii(studyType)
  for (const [level, pattern] of patterns) if (pattern.test(text)) return level
  return 'unknown'
})

/** Typical full-time duration in years, and the shortest and longest that are still plausible. */
export const degreeDurations: Readonly<
  Record<DegreeLevel, { readonly min: number; readonly max: number } | undefined>
> = {
  secondary: { min: 1, max: 6 },
  certificate: { min: 0, max: 4 },
  associate: { min: 1, max: 5 },
  bachelor: { min: 2, max: 8 },
  master: { min: 0.75, max: 5 },
  doctorate: { min: 2, max: 10 },
  unknown: undefined,
}

/** Youngest plausible age when starting each level. */
export const minimumStartAge: Readonly<Record<DegreeLevel, number | undefined>> = {
  secondary: 10,
  certificate: 14,
  associate: 15,
  bachelor: 15,
  master: 19,
  doctorate: 20,
  unknown: undefined,
}
