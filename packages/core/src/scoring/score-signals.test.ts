import { describe, expect, it } from 'vitest'
import type { Severity } from '../signals/severity.js'
import type { Signal } from '../signals/signal.js'
import { scoreSignals } from './score-signals.js'
import { defaultScoringPolicy, validateScoringPolicy } from './scoring-policy.js'

const signal = (code: string, severity: Severity): Signal => ({ code, severity, message: code, evidence: {} })

describe('scoreSignals', () => {
  it('gives a clean application score 0 and outcome clear', () => {
    expect(scoreSignals([], defaultScoringPolicy)).toMatchObject({
      score: 0,
      outcome: 'clear',
      holdGate: 'not-reached',
    })
  })

  it('lets contributions add up to the score', () => {
    const result = scoreSignals(
      [
        signal('interview.camera-refused', 'medium'),
        signal('interview.voice-changer', 'high'),
        signal('x.unknown', 'low'),
      ],
      defaultScoringPolicy,
    )
    const sum = result.signals.reduce((total, scored) => total + scored.contribution, 0)
    expect(Math.abs(sum - result.score)).toBeLessThan(0.3)
    expect(result.signals[0]?.code).toBe('interview.voice-changer')
  })

  it('never holds on weak signals alone, however many', () => {
    const weak = Array.from({ length: 12 }, (_, index) => signal(`weak.${index}`, 'low'))
    const result = scoreSignals(weak, defaultScoringPolicy)
    expect(result.outcome).toBe('review')
  })

  it('holds when a strong signal agrees with others', () => {
    const result = scoreSignals(
      [signal('interview.voice-changer', 'high'), signal('interview.liveness-failed', 'high'), signal('x.y', 'medium')],
      defaultScoringPolicy,
    )
    expect(result).toMatchObject({ outcome: 'hold', holdGate: 'met' })
  })

  it('caps one category so one cause seen many ways does not stop a process', () => {
    const medium = Array.from({ length: 8 }, (_, index) => signal(`x.${index}`, 'medium'))
    const result = scoreSignals(medium, defaultScoringPolicy)
    expect(result.score).toBeLessThanOrEqual(60)
    expect(result.outcome).toBe('review')
  })

  it('uses a per-code weight from the policy over the severity weight', () => {
    const policy = { ...defaultScoringPolicy, signalWeights: { 'interview.reading-answers': 0 } }
    expect(scoreSignals([signal('interview.reading-answers', 'low')], policy).score).toBe(0)
  })
})

describe('validateScoringPolicy', () => {
  it('names the field of a bad weight', () => {
    const result = validateScoringPolicy({
      ...defaultScoringPolicy,
      severityWeights: { ...defaultScoringPolicy.severityWeights, low: 2 },
    })
    expect(result).toMatchObject({
      status: 'invalid',
      issues: [{ path: 'severityWeights.low', message: 'must be between 0 and 1' }],
    })
  })

  it('rejects a weight for a code that does not exist', () => {
    const result = validateScoringPolicy({ ...defaultScoringPolicy, signalWeights: { 'phone.vop': 0.3 } })
    expect(result).toMatchObject({ status: 'invalid', issues: [{ path: 'signalWeights.phone.vop' }] })
  })
})
