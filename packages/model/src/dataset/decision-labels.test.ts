import { describe, expect, it } from 'vitest'
import { decisionVerdicts as storeVerdicts } from '@hirewall/store'
import { decisionVerdicts, labelBook, parseDecisionLines } from './decision-labels.js'

describe('decision labels', () => {
  it('uses the store’s vocabulary of verdicts', () => {
    expect([...decisionVerdicts]).toEqual([...storeVerdicts])
  })

  it('reads both decision shapes and reports bad lines with their number and field, keeping the others', () => {
    const { rows, issues } = parseDecisionLines(
      [
        '{"applicationId":"a1","verdict":"confirmed-fraud"}',
        '',
        '{"subject":{"kind":"cluster","id":"cluster:a5"},"verdict":"cleared","reason":"checked"}',
        '{"applicationId":"a2","verdict":"fraud"}',
        'not json',
        '{"subject":{"kind":"person","id":"x"},"verdict":"cleared"}',
      ].join('\n'),
    )
    expect(rows).toEqual([
      { subject: { kind: 'application', id: 'a1' }, verdict: 'confirmed-fraud' },
      { subject: { kind: 'cluster', id: 'cluster:a5' }, verdict: 'cleared' },
    ])
    expect(issues.map((issue) => issue.line)).toEqual([4, 5, 6])
    expect(issues[1]?.message).toBe('is not valid JSON')
    expect(issues[0]?.message).toMatch(/verdict/)
  })

  it('labels by the latest verdict, leaves needs-verification out, and falls back to the cluster’s decision', () => {
    const book = labelBook([
      { subject: { kind: 'application', id: 'a1' }, verdict: 'cleared' },
      { subject: { kind: 'application', id: 'a1' }, verdict: 'confirmed-fraud' },
      { subject: { kind: 'application', id: 'a2' }, verdict: 'confirmed-fraud' },
      { subject: { kind: 'application', id: 'a2' }, verdict: 'needs-verification' },
      { subject: { kind: 'cluster', id: 'a5' }, verdict: 'confirmed-fraud' },
      { subject: { kind: 'application', id: 'a6' }, verdict: 'cleared' },
    ])
    expect(book.labelFor('a1')).toEqual({ label: 1, verdict: 'confirmed-fraud' })
    expect(book.labelFor('a2')).toEqual({ label: null, verdict: 'needs-verification' })
    expect(book.labelFor('a7', 'cluster:a5')).toEqual({ label: 1, verdict: 'confirmed-fraud' })
    expect(book.labelFor('a6', 'cluster:a5')).toEqual({ label: 0, verdict: 'cleared' })
    expect(book.labelFor('a9', 'cluster:a9')).toEqual({ label: null })
  })
})
