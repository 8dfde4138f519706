import { describe, expect, it } from 'vitest'
import { evidenceLabel, evidenceText, explainContribution, explainOutcome, severityLabel } from './explain-signal'

describe('explainContribution', () => {
  it('says how many of the points a signal added', () => {
    expect(explainContribution({ contribution: 22.94 }, 94.2)).toBe('Added 22.9 of the 94 points (24 %).')
  })
  it('calls a signal that adds nothing context', () => {
    expect(explainContribution({ contribution: 0 }, 50)).toBe('Adds nothing to the score: shown as context.')
  })
})

describe('explainOutcome', () => {
  it.each([
    ['hold', 'met', /^Held at 94/],
    ['review', 'not-met', /no signal strong enough/],
    ['review', 'not-reached', /above the review threshold/],
    ['clear', 'not-reached', /below the review threshold/],
  ])('explains %s with the gate %s', (outcome, holdGate, pattern) => {
    expect(explainOutcome({ outcome, holdGate, score: 94.2 })).toMatch(pattern)
  })
})

describe('evidence', () => {
  it.each<[unknown, string]>([
    ['+1 415', '+1 415'],
    [3, '3'],
    [true, 'true'],
    [['a', 'b'], 'a, b'],
    [{ entry: 'X' }, '{"entry":"X"}'],
    [null, '–'],
  ])('writes %j as %s', (value, text) => {
    expect(evidenceText(value)).toBe(text)
  })
  it('names evidence keys in words', () => {
    expect(evidenceLabel('raw')).toBe('as typed')
    expect(evidenceLabel('listVersion')).toBe('list version')
    expect(evidenceLabel('matchedName')).toBe('matched name')
  })
  it('labels severities', () => {
    expect(severityLabel('info')).toBe('Context only')
    expect(severityLabel('critical')).toBe('Critical')
  })
})
