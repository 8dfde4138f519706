import { describe, expect, it } from 'vitest'
import { nextDeliveryStep } from './delivery-schedule.js'

const middle = (): number => 0.5
const failed = { kind: 'response', status: 500 } as const

describe('nextDeliveryStep', () => {
  it.each([
    [1, '5 s'],
    [2, '5 min'],
    [3, '30 min'],
    [4, '2 h'],
    [5, '8 h'],
    [6, '24 h'],
  ])('retries after failed attempt %i in %s', (attempt, delay) => {
    const seconds = { '5 s': 5, '5 min': 300, '30 min': 1800, '2 h': 7200, '8 h': 28_800, '24 h': 86_400 }[delay] ?? 0
    expect(nextDeliveryStep(attempt, failed, middle)).toEqual({
      status: 'retry',
      attempt: attempt + 1,
      delayMs: seconds * 1000,
    })
  })

  it('gives up after the seventh attempt', () => {
    expect(nextDeliveryStep(7, failed, middle)).toEqual({ status: 'dead', reason: 'exhausted' })
  })

  it.each([
    ['200', { kind: 'response', status: 200 } as const, { status: 'delivered' }],
    ['204', { kind: 'response', status: 204 } as const, { status: 'delivered' }],
    ['410 Gone, at once', { kind: 'response', status: 410 } as const, { status: 'dead', reason: 'gone' }],
    ['a redirect', { kind: 'response', status: 301 } as const, { status: 'retry' }],
    ['404', { kind: 'response', status: 404 } as const, { status: 'retry' }],
    ['429', { kind: 'response', status: 429 } as const, { status: 'retry' }],
    ['a network error', { kind: 'network-error' } as const, { status: 'retry' }],
    ['a timeout', { kind: 'timeout' } as const, { status: 'retry' }],
  ])('after %s', (_name, outcome, expected) => {
    expect(nextDeliveryStep(1, outcome, middle)).toMatchObject(expected)
  })

  it.each([
    [0, 4500],
    [0.999_999, 5500],
  ])('moves the delay by at most 10 %% (random %d → %i ms)', (random, delayMs) => {
    expect(nextDeliveryStep(1, failed, () => random)).toMatchObject({ delayMs })
  })

  it('follows a schedule of its own, e.g. a short one in tests', () => {
    expect(nextDeliveryStep(1, failed, middle, [20, 40])).toEqual({ status: 'retry', attempt: 2, delayMs: 20 })
    expect(nextDeliveryStep(2, failed, middle, [20, 40])).toEqual({ status: 'retry', attempt: 3, delayMs: 40 })
    expect(nextDeliveryStep(3, failed, middle, [20, 40])).toEqual({ status: 'dead', reason: 'exhausted' })
  })

  it.each([0, -1, 1.5])('refuses attempt number %d', (attempt) => {
    expect(() => nextDeliveryStep(attempt, failed)).toThrow(RangeError)
  })
})
