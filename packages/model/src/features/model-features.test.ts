import { describe, expect, it } from 'vitest'
import { signalDefinitions, type ScreeningResult } from '@hirewall/core'
import { extractFeatures } from './extract-features.js'
import { unlinkedFacts } from './link-facts.js'
import { modelFeatureNames, modelFeatures } from './model-features.js'
import { checkFeatureNames, protectedAttributes, reviewedExceptions } from './protected-attribute-guard.js'
import { afterHireSignalCodes, allowedSignalGroups, excludedSignals } from './signal-features.js'

type Signals = ScreeningResult['signals']

const signal = (
  code: string,
  severity: Signals[number]['severity'],
  evidence: Record<string, unknown> = {},
): Signals[number] => ({
  code,
  severity,
  message: `about ${code}`,
  evidence,
  category: 'other',
  weight: 0,
  contribution: 0,
})

describe('the feature guard', () => {
  it('explains why every feature is allowed, and names each feature once', () => {
    for (const feature of modelFeatures) {
      expect(feature.whyAllowed.length, feature.name).toBeGreaterThan(30)
      expect(feature.description.length, feature.name).toBeGreaterThan(10)
    }
    expect(new Set(modelFeatureNames).size).toBe(modelFeatureNames.length)
  })

  it('finds no protected attribute or proxy in the feature list', () => {
    expect(checkFeatureNames(modelFeatureNames)).toEqual([])
  })

  it.each([
    ['applicant.nationality', 'national origin'],
    ['claimed.country', 'national origin'],
    ['person.country-of-birth', 'national origin'],
    ['name.origin', 'national origin'],
    ['cv.surname-origin.score', 'national origin'],
    ['browser.language', 'national origin'],
    ['person.citizenship', 'national origin'],
    ['person.ethnicity', 'ethnicity'],
    ['photo.skin.tone', 'ethnicity'],
    ['person.age', 'age'],
    ['person.birth-year', 'age'],
    ['education.graduation-year', 'age'],
    ['person.sex', 'sex'],
    ['person.gender', 'sex'],
    ['signal.context.language.mismatch', 'national origin'],
  ])('refuses %s (%s)', (name, attribute) => {
    expect(checkFeatureNames([name])).toEqual([expect.objectContaining({ feature: name, attribute })])
  })

  it('lets through only reviewed names that contain a denied word, and reviews only features that exist', () => {
    for (const name of Object.keys(reviewedExceptions)) {
      expect(modelFeatureNames, name).toContain(name)
      expect(checkFeatureNames([name])).toEqual([])
    }
    // The same words elsewhere are refused: the exception is for the reviewed name, not the word.
    expect(checkFeatureNames(['signal.person.age.bucket', 'link.country.count'])).toHaveLength(2)
    expect(protectedAttributes.map((entry) => entry.attribute)).toEqual(['national origin', 'ethnicity', 'age', 'sex'])
  })

  it('decides every signal of the registry: allowed or excluded with a reason, or raised only after hire', () => {
    const allowed = allowedSignalGroups.flatMap((group) => group.codes)
    const excluded = excludedSignals.map((entry) => entry.code)
    expect(new Set(allowed).size).toBe(allowed.length)
    expect(allowed.filter((code) => excluded.includes(code) || afterHireSignalCodes.includes(code))).toEqual([])
    expect([...allowed, ...excluded, ...afterHireSignalCodes].sort()).toEqual(
      signalDefinitions.map((definition) => definition.code).sort(),
    )
    for (const code of afterHireSignalCodes) expect(modelFeatureNames).not.toContain(`signal.${code}`)
    for (const entry of excludedSignals) {
      expect(entry.whyExcluded.length).toBeGreaterThan(60)
      expect(modelFeatureNames).not.toContain(`signal.${entry.code}`)
    }
  })

  it('keeps out the signals that stand for origin: browser language, phone habits and country, name-derived handles', () => {
    expect(excludedSignals.map((entry) => entry.code).sort()).toEqual([
      'context.language.mismatch',
      'email.local-part.unrelated-to-name',
      'phone.country.mismatch',
      'phone.format.anomaly',
      'profile.handle.unrelated-to-name',
    ])
  })
})

describe('extractFeatures', () => {
  it('reads codes and severities only: messages and evidence (countries, names) change nothing', () => {
    const signals = (evidence: Record<string, unknown>): Signals => [
      signal('phone.voip', 'medium', evidence),
      signal('network.country.mismatch', 'medium', evidence),
    ]
    const fromUs = extractFeatures({
      result: { signals: signals({ claimedCountry: 'US', name: 'Jasmine Walker' }) },
      link: null,
    })
    const fromKp = extractFeatures({
      result: { signals: signals({ claimedCountry: 'KP', name: 'Kim Song-il', ipCountry: 'CN' }) },
      link: null,
    })
    expect([...fromKp]).toEqual([...fromUs])
  })

  it('ignores excluded signals everywhere, counts included', () => {
    const base = extractFeatures({ result: { signals: [signal('context.timezone.mismatch', 'low')] }, link: null })
    const withExcluded = extractFeatures({
      result: {
        signals: [
          signal('context.timezone.mismatch', 'low'),
          signal('context.language.mismatch', 'low'),
          signal('phone.country.mismatch', 'low'),
        ],
      },
      link: null,
    })
    expect([...withExcluded]).toEqual([...base])
  })

  it('takes the highest severity per code, counts families, and turns link facts into counts that are 0 when alone', () => {
    const vector = extractFeatures({
      result: {
        signals: [
          signal('identity.shared.phone', 'medium'),
          signal('identity.shared.phone', 'high'),
          signal('email.disposable', 'high'),
          signal('email.free-mail', 'info'),
        ],
      },
      link: {
        ...unlinkedFacts,
        clusterApplications: 4,
        clusterClaimedPeople: 3,
        otherPeopleByKind: { phone: 2, device: 1 },
        cvTextSimilarity: 0.91,
      },
    })
    const value = (name: string): number | undefined => vector[modelFeatureNames.indexOf(name)]
    expect(value('signal.identity.shared.phone')).toBe(4)
    expect(value('signal.email.free-mail')).toBe(1)
    expect(value('category.email.count')).toBe(1)
    expect(value('category.identity-reuse.count')).toBe(2)
    expect(value('category.families-at-medium')).toBe(2)
    expect(value('link.cluster.other-applications')).toBe(3)
    expect(value('link.cluster.other-claimed-people')).toBe(2)
    expect(value('link.shared-kinds')).toBe(2)
    expect(value('link.shared.phone.other-people')).toBe(2)
    expect(value('link.cv-text.similarity')).toBe(0.91)
    const alone = extractFeatures({ result: { signals: [] }, link: unlinkedFacts })
    expect([...alone].every((entry) => entry === 0)).toBe(true)
    expect([...extractFeatures({ result: { signals: [] }, link: null })]).toEqual([...alone])
  })
})
