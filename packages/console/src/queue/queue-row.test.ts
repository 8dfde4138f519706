import { describe, expect, it } from 'vitest'
import type { CaseView } from '../api/api-types'
import { rowOfApplication, rowOfCase } from './queue-row'

const openCase = (subject: CaseView['subject']): CaseView => ({
  id: 'case-1',
  subject,
  status: 'open',
  openedBy: 'system:screening',
  openedAt: '2026-03-01T09:00:00.000Z',
  closedBy: null,
  closedAt: null,
  assignedTo: 'user-7',
  assignedAt: '2026-03-01T10:00:00.000Z',
})

describe('queue rows', () => {
  it('opens the application of an application case', () => {
    const row = rowOfCase({
      case: openCase({ kind: 'application', id: 'a1' }),
      risk: { applicationId: 'a1', score: 88, outcome: 'hold' },
      candidateName: 'Jordan Lee',
      applicationCount: 1,
    })
    expect(row).toMatchObject({
      key: 'case-1',
      opens: { page: 'application', id: 'a1' },
      applicationId: 'a1',
      score: 88,
      outcome: 'hold',
      case: { subjectKind: 'application', assignedTo: 'user-7' },
    })
  })

  it('opens the cluster of a cluster case, scored by its riskiest member', () => {
    const row = rowOfCase({
      case: openCase({ kind: 'cluster', id: 'cluster:a1' }),
      risk: { applicationId: 'a3', score: 95, outcome: 'hold' },
      candidateName: null,
      applicationCount: 4,
    })
    expect(row.opens).toEqual({ page: 'cluster', id: 'cluster:a1' })
    expect(row.applicationId).toBe('a3')
    expect(row.case?.applicationCount).toBe(4)
  })

  it('reads an unscreened subject as having no score', () => {
    const row = rowOfCase({
      case: openCase({ kind: 'application', id: 'a9' }),
      risk: null,
      candidateName: null,
      applicationCount: 1,
    })
    expect([row.score, row.outcome]).toEqual([null, null])
  })

  it('reads an application summary', () => {
    const row = rowOfApplication({
      id: 'a2',
      sourceSystem: 'greenhouse',
      externalId: 'gh-2',
      requisitionId: 'req-1',
      submittedAt: '2026-03-02T09:00:00.000Z',
      receivedAt: '2026-03-02T09:00:01.000Z',
      candidateName: 'Sam Park',
      latestResult: {
        version: 1,
        score: 42,
        outcome: 'review',
        signalCodes: ['phone.voip'],
        clusterId: null,
        policyVersion: 'p1',
        screenedAt: '2026-03-02T09:00:02.000Z',
      },
    })
    expect(row).toMatchObject({
      key: 'a2',
      opens: { page: 'application', id: 'a2' },
      signalCodes: ['phone.voip'],
      case: null,
    })
  })
})
