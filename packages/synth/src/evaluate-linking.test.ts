import type { ApplicationRecord, SyntheticLabel } from '@hirewall/core'
import { describe, expect, it } from 'vitest'
import { evaluateLinking, formatLinkingTable } from './evaluate-linking.js'

const record = (id: string, label: SyntheticLabel): ApplicationRecord => ({
  schemaVersion: 1,
  id,
  submittedAt: '2026-01-01T00:00:00Z',
  source: { system: 'synthetic' },
  cv: {},
  label,
})
const fraud = (ringId: string, personaId: string): SyntheticLabel => ({
  isFraud: true,
  pattern: 'persona-ring',
  ringId,
  personaId,
})
const honest = (personaId: string, hardNegative?: string): SyntheticLabel => ({
  isFraud: false,
  pattern: 'legitimate',
  personaId,
  ...(hardNegative ? { hardNegative } : {}),
})

describe('evaluateLinking', () => {
  // Ring A (3 members) fully linked; ring B (2 members) split; an honest resubmission linked; two roommates wrongly
  // linked to each other.
  const records = [
    record('a1', fraud('A', 'pa1')),
    record('a2', fraud('A', 'pa2')),
    record('a3', fraud('A', 'pa3')),
    record('b1', fraud('B', 'pb1')),
    record('b2', fraud('B', 'pb2')),
    record('h1', honest('ph', 'resubmission')),
    record('h2', honest('ph', 'resubmission')),
    record('r1', honest('pr1', 'roommates')),
    record('r2', honest('pr2', 'roommates')),
    record('x1', honest('px')),
  ]
  const clusters: Record<string, string> = { a1: 'c1', a2: 'c1', a3: 'c1', h1: 'c2', h2: 'c2', r1: 'c3', r2: 'c3' }
  const metrics = evaluateLinking(records, (id) => clusters[id])

  it('counts rings linked whole and in part', () => {
    expect(metrics).toMatchObject({ records: 10, rings: 2, ringRecall: 0.5, ringPartialRecall: 0.5 })
  })

  it('counts linked pairs: 3 (ring A) + 1 (resubmission) correct of 5 predicted and 5 true', () => {
    expect(metrics.pairs).toEqual({ truth: 5, predicted: 5, correct: 4, precision: 0.8, recall: 0.8 })
  })

  it('reports false links of legitimate applicants per hard negative', () => {
    expect(metrics.falseLinksByHardNegative).toEqual({
      resubmission: { total: 2, falselyLinked: 0, rate: 0 },
      roommates: { total: 2, falselyLinked: 2, rate: 1 },
    })
    expect(metrics.legitimateFalseLinkRate).toBeCloseTo(2 / 5)
  })

  it('formats a table', () => {
    expect(formatLinkingTable(metrics)).toMatch(/ring recall 50\.0%.*\n.*precision 80\.0%\s+recall 80\.0%/)
  })
})
