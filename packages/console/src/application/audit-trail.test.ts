import { describe, expect, it } from 'vitest'
import type { ApplicationDetail } from '../api/api-types'
import { auditTrail, verdictLabel } from './audit-trail'

const detail: ApplicationDetail = {
  application: {
    id: 'a1',
    sourceSystem: 'api',
    externalId: null,
    requisitionId: null,
    submittedAt: '2026-03-01T09:00:00.000Z',
    receivedAt: '2026-03-01T09:00:01.000Z',
    record: {},
  },
  latestResult: null,
  history: [
    {
      version: 1,
      score: 81.4,
      outcome: 'hold',
      trigger: 'submission',
      policyVersion: 'p1',
      signalCodes: [],
      screenedAt: '2026-03-01T09:00:02.000Z',
    },
    {
      version: 2,
      score: 60,
      outcome: 'review',
      trigger: 'rescreen',
      policyVersion: 'p2',
      signalCodes: [],
      screenedAt: '2026-03-05T10:00:00.000Z',
    },
  ],
  cluster: null,
  linked: { total: 0, items: [] },
  case: {
    id: 'c1',
    subject: { kind: 'application', id: 'a1' },
    status: 'closed',
    openedBy: 'system:screening',
    openedAt: '2026-03-01T09:00:02.000Z',
    closedBy: 'user:u1',
    closedAt: '2026-03-06T11:00:00.000Z',
    assignedTo: null,
    assignedAt: null,
  },
  decisions: [
    {
      id: 1,
      verdict: 'confirmed-fraud',
      reason: 'Same phone as a confirmed ring',
      note: 'Called the number: no answer',
      actor: 'user:u1',
      decidedAt: '2026-03-06T11:00:00.000Z',
    },
  ],
}

describe('auditTrail', () => {
  it('lists screenings, the case and decisions newest first', () => {
    const trail = auditTrail(detail)
    expect(trail.map((entry) => entry.what)).toEqual([
      'Decided: Confirmed fraud. Reason: Same phone as a confirmed ring. Note: Called the number: no answer',
      'Case closed',
      'Re-screened (version 2): score 60, review, policy p2',
      'Case opened for review',
      'Screened (version 1): score 81, hold, policy p1',
    ])
    expect(trail[0]?.who).toBe('user:u1')
  })

  it('adds audit entries but not the ones it already lists', () => {
    const trail = auditTrail(detail, [
      {
        id: 1,
        at: '2026-03-07T08:00:00.000Z',
        actor: 'user:u2',
        action: 'application.viewed',
        target: 'application:a1',
        details: {},
      },
      {
        id: 2,
        at: '2026-03-06T11:00:00.000Z',
        actor: 'user:u1',
        action: 'decision.recorded',
        target: 'application:a1',
        details: {},
      },
    ])
    expect(trail[0]).toEqual({ at: '2026-03-07T08:00:00.000Z', what: 'Viewed', who: 'user:u2' })
    expect(trail).toHaveLength(6)
  })

  it('reads a run of views by one person as one line', () => {
    const view = (id: number, at: string, actor: string) => ({
      id,
      at,
      actor,
      action: 'application.viewed',
      target: 'application:a1',
      details: {},
    })
    const trail = auditTrail(detail, [
      view(1, '2026-03-07T08:00:00.000Z', 'user:u2'),
      view(2, '2026-03-07T08:05:00.000Z', 'user:u2'),
      view(3, '2026-03-07T08:10:00.000Z', 'user:u2'),
      view(4, '2026-03-07T09:00:00.000Z', 'user:u3'),
    ])
    expect(trail.slice(0, 2)).toEqual([
      { at: '2026-03-07T09:00:00.000Z', what: 'Viewed', who: 'user:u3' },
      { at: '2026-03-07T08:10:00.000Z', what: 'Viewed (3 times)', who: 'user:u2' },
    ])
  })

  it('names verdicts in words', () => {
    expect(verdictLabel('needs-verification')).toBe('Needs verification')
    expect(verdictLabel('something-new')).toBe('something-new')
  })
})
