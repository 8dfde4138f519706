import type { ResumeWork } from '../record/application-record.js'
import { foldToAscii } from './person-name.js'
import { memoise } from './memoise.js'

/**
 * What a CV role says about the applicant's time, read from its title and employer: `standard` is a full-time job as
 * far as the CV tells; `part-time` roles (freelance, contract, advisory, volunteer...) run legitimately beside other
 * work; `own-venture` roles (founder, side project, self-employed) carry whatever title their owner chose; `training`
 * roles (internship, student job, teaching assistant) belong to the years of study.
 */
export const employmentKinds = ['standard', 'part-time', 'own-venture', 'training'] as const
export type EmploymentKind = (typeof employmentKinds)[number]

export type EmploymentClassification = {
  readonly kind: EmploymentKind
  /** The words that decided a kind other than `standard`, as found in the lower-case ASCII title or employer. */
  readonly marker?: string
}

// Checked in this order: a "Founder & CEO" is an own venture, a "Part-time Research Assistant" is training.
const markers: readonly (readonly [Exclude<EmploymentKind, 'standard'>, RegExp])[] = [
  [
    'training',
    /\b(intern|interns|internship|trainee|apprentice|apprenticeship|werkstudent|working student|student|co-?op|summer job|summer|teaching assistant|research assistant|graduate assistant)\b/,
  ],
  ['own-venture', /\b(co-?founder|founder|founding|owner|self[- ]employed|side project|personal project)\b/],
  [
    'part-time',
    /\b(part[- ]time|freelance|freelancer|freelancing|contract|contractor|contracting|consultant|consulting|volunteer|volunteering|advisor|adviser|advisory|board|tutor|mentor|adjunct|moonlighting|gig)\b/,
  ],
]

/** Classifies a JSON Resume work entry by the words of its `position` and `name`. */
export function classifyEmployment(work: ResumeWork): EmploymentClassification {
  // The same as reading "position | name" as one text (no marker spans the separator), but titles and employers
  // repeat across applications far more often than their pairs do, so each is read once.
  const inPosition = markersIn(work.position ?? '')
  const inName = markersIn(work.name ?? '')
  for (let index = 0; index < markers.length; index++) {
    const marker = inPosition[index] ?? inName[index]
    if (marker !== undefined) return { kind: markers[index]![0], marker }
  }
  return { kind: 'standard' }
}

/** The first marker of each kind (in `markers` order) found in a title or an employer name. */
const markersIn = memoise((title: string): readonly (string | undefined)[] => {
  const text = foldToAscii(title)
  return markers.map(([, pattern]) => pattern.exec(text)?.[0])
})

const legalSuffixes =
  /\b(inc|incorporated|llc|llp|ltd|limited|plc|gmbh|ag|sa|sas|sarl|bv|nv|oy|ab|as|spa|srl|pty|pvt|private|corp|corporation|co|company|group|holdings)\b/g

/** An employer name reduced for comparison: `Google LLC`, `Google, Inc.` and `google` are the same employer. */
export function employerKey(name: string | undefined): string {
  return reduceEmployer(name ?? '')
}

const reduceEmployer = memoise((name: string): string =>
  foldToAscii(name)
    .replace(/\./g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .replace(legalSuffixes, ' ')
    .replace(/\s+/g, ' ')
    .trim(),
)
