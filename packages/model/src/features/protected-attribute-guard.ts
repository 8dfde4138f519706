/**
 * The deny-list that keeps protected attributes, and proxies chosen for them, out of the model. A feature name is
 * split into words (on `.` and `-`); a name containing a denied term is refused unless it is one of the reviewed
 * exceptions below, each with the reason it measures a contradiction or an impossibility rather than the attribute.
 * Model files are checked against it when they are loaded, so a file edited by hand cannot bring such an input back.
 */
export const protectedAttributes = [
  {
    attribute: 'national origin',
    terms: [
      'nationality',
      'citizenship',
      'national-origin',
      'origin',
      'country',
      'birthplace',
      'birth-country',
      'passport',
      'immigrant',
      'visa',
      'language',
      'accent',
      'name-origin',
      'surname-origin',
      'script',
      'transliteration',
    ],
  },
  { attribute: 'ethnicity', terms: ['ethnicity', 'ethnic', 'race', 'racial', 'religion', 'caste', 'skin', 'face'] },
  { attribute: 'age', terms: ['age', 'birth', 'birth-date', 'birthdate', 'birth-year', 'dob', 'graduation-year'] },
  { attribute: 'sex', terms: ['sex', 'gender', 'pronoun', 'honorific', 'maiden-name', 'pregnancy', 'marital'] },
] as const

export type ProtectedAttribute = (typeof protectedAttributes)[number]['attribute']

/** Features whose names contain a denied term and were reviewed as not standing for the attribute. */
export const reviewedExceptions: Readonly<Record<string, string>> = {
  'signal.institution.country.mismatch':
    'Compares the country a school is in with the country stated for it; the model sees only that they disagree.',
  'signal.network.country.mismatch':
    'Compares where the submitting network is with the claimed home at the time of applying; only the disagreement is an input.',
  'signal.network.country.embargoed':
    'A submission from inside a comprehensively sanctioned country, which the law requires acting on: where the computer was, not where the person is from.',
  'signal.education.age.implausible':
    'A degree or course dated before the applicant could have taken it; the age itself is never an input.',
  'signal.employment.before-plausible-age':
    'A professional role dated before the applicant could have held it; the age itself is never an input.',
}

export type FeatureViolation = {
  readonly feature: string
  readonly term: string
  readonly attribute: ProtectedAttribute
}

function words(text: string): string[] {
  return text
    .toLowerCase()
    .split(/[.\-_\s]+/)
    .filter(Boolean)
}

function containsTerm(nameWords: readonly string[], term: string): boolean {
  const termWords = words(term)
  for (let start = 0; start + termWords.length <= nameWords.length; start++) {
    if (termWords.every((word, offset) => nameWords[start + offset] === word)) return true
  }
  return false
}

/** Every feature name that contains a denied term and is not a reviewed exception, with the attribute it touches. */
export function checkFeatureNames(names: readonly string[]): readonly FeatureViolation[] {
  const violations: FeatureViolation[] = []
  for (const feature of names) {
    if (Object.hasOwn(reviewedExceptions, feature)) continue
    const nameWords = words(feature)
    for (const { attribute, terms } of protectedAttributes) {
      const term = terms.find((candidate) => containsTerm(nameWords, candidate))
      if (term !== undefined) {
        violations.push({ feature, term, attribute })
        break
      }
    }
  }
  return violations
}
