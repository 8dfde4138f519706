import { describe, expect, it } from 'vitest'
import type { PolicyDocument } from './policy-api'
import { candidateOf, editsOf, nextVersionName, policyFieldOf } from './policy-draft'

const published: PolicyDocument = {
  version: 'default-2026.11.1',
  severityWeights: { info: 0, low: 0.1, medium: 0.25, high: 0.5, critical: 0.85 },
  signalWeights: { 'phone.voip': 0.3 },
  categoryCaps: { default: 0.6, sanctions: 0.99 },
  thresholds: { review: 25, hold: 60 },
  hold: { anySignalAtLeast: 'high', orAgreeing: { severityAtLeast: 'medium', count: 3, distinctCategories: 2 } },
}

describe('policy drafts', () => {
  it('starts from the published values with a new version name', () => {
    const edits = editsOf(published, 4)
    expect(edits).toMatchObject({ versionName: 'default-2026.11.1-v4', review: '25', hold: '60' })
    expect(edits.severityWeights).toMatchObject({ low: '0.1', critical: '0.85' })
    expect(candidateOf(published, edits)).toEqual({ ...published, version: 'default-2026.11.1-v4' })
  })

  it('changes only what was edited and keeps the rest of the policy', () => {
    const edits = { ...editsOf(published, 2), review: '20', categoryCaps: { default: '0.5', sanctions: '0.99' } }
    const candidate = candidateOf(published, edits)
    expect(candidate.thresholds).toEqual({ review: 20, hold: 60 })
    expect(candidate.categoryCaps).toEqual({ default: 0.5, sanctions: 0.99 })
    expect(candidate.signalWeights).toEqual(published.signalWeights)
    expect(candidate.hold).toEqual(published.hold)
  })

  it('sends a field that is not a number as null, for the server to name', () => {
    const candidate = candidateOf(published, { ...editsOf(published, 2), hold: 'sixty' })
    expect((JSON.parse(JSON.stringify(candidate)) as PolicyDocument).thresholds).toEqual({ review: 25, hold: null })
  })

  it.each([
    ['default-2026.11.1', 2, 'default-2026.11.1-v2'],
    ['default-2026.11.1-v2', 3, 'default-2026.11.1-v3'],
  ])('names version %s then %i as %s', (name, next, expected) => {
    expect(nextVersionName(name, next)).toBe(expected)
  })

  it('reads field paths as policy fields', () => {
    expect(policyFieldOf('body.policy.thresholds.review')).toBe('thresholds.review')
    expect(policyFieldOf('body.policy')).toBe('policy')
  })
})
