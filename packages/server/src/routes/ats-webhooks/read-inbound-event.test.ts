import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { readAshbyEvent } from './ashby-event.js'
import { readGreenhouseEvent } from './greenhouse-event.js'
import type { InboundEvent } from './inbound-event.js'
import { readLeverEvent } from './lever-event.js'

const fixture = (path: string): Record<string, unknown> =>
  JSON.parse(readFileSync(new URL(path, import.meta.url), 'utf8')) as Record<string, unknown>
const own = (name: string) => fixture(`./fixtures/${name}`)
const shared = (name: string) => fixture(`../../webhooks/fixtures/${name}`)

/** A deep copy of a fixture with the value at `path` replaced, or removed when `value` is undefined. */
function changed(body: Record<string, unknown>, path: readonly string[], value?: unknown): unknown {
  const copy = structuredClone(body)
  let parent: Record<string, unknown> = copy
  for (const key of path.slice(0, -1)) parent = parent[key] as Record<string, unknown>
  const last = path.at(-1) ?? ''
  if (value === undefined) delete parent[last]
  else parent[last] = value
  return copy
}

function expectKind<Kind extends InboundEvent['kind']>(
  event: InboundEvent,
  kind: Kind,
): Extract<InboundEvent, { kind: Kind }> {
  expect(event.kind).toBe(kind)
  return event as Extract<InboundEvent, { kind: Kind }>
}

describe('readGreenhouseEvent', () => {
  it('screens a new application, keyed on the Greenhouse application id', () => {
    const event = expectKind(readGreenhouseEvent(shared('greenhouse-new-candidate-application.json')), 'screen')
    expect(event.record).toMatchObject({
      id: 'greenhouse:71980812',
      submittedAt: '2026-02-27T14:44:43Z',
      source: { system: 'greenhouse', applicationId: '71980812', candidateId: '60304594' },
      contacts: { emails: [{ value: 'jane.smith@example.com' }] },
    })
  })

  it('screens an updated application under the same id', () => {
    const event = expectKind(readGreenhouseEvent(own('greenhouse-application-updated.json')), 'screen')
    expect(event.record).toMatchObject({ id: 'greenhouse:71980812', requisition: { id: 'ENG-42' } })
  })

  it('reads a hire: the application, the candidate, when the offer was accepted and the start date', () => {
    const event = expectKind(readGreenhouseEvent(own('greenhouse-hire-candidate.json')), 'hire')
    expect(event.hire).toEqual({
      externalApplicationId: '71980812',
      externalCandidateId: '60304594',
      hiredAt: new Date('2026-03-24T16:30:00Z'),
      startDate: '2026-04-13',
    })
    // Greenhouse's hire payload has no applied_at: nothing to screen from it.
    expect(event.record).toBeUndefined()
  })

  it('reads a hire whose payload carries applied_at as an application too', () => {
    const body = changed(
      own('greenhouse-hire-candidate.json'),
      ['payload', 'application', 'applied_at'],
      '2026-02-27T14:44:43Z',
    )
    expect(expectKind(readGreenhouseEvent(body), 'hire').record).toMatchObject({ id: 'greenhouse:71980812' })
  })

  it('reads a hire without offer dates', () => {
    const body = changed(own('greenhouse-hire-candidate.json'), ['payload', 'application', 'offer'])
    expect(expectKind(readGreenhouseEvent(body), 'hire').hire).toEqual({
      externalApplicationId: '71980812',
      externalCandidateId: '60304594',
      hiredAt: undefined,
      startDate: undefined,
    })
  })

  it.each([
    ['ping', own('greenhouse-ping.json'), { kind: 'ping' }],
    ['an offer event', own('greenhouse-offer-created.json'), { kind: 'ignored', eventType: 'offer_created' }],
    ['a prospect', { action: 'new_prospect_application', payload: {} }, { kind: 'ignored' }],
    ['no action', { payload: {} }, { kind: 'invalid', issues: [{ path: 'action' }] }],
    ['not an object', [1, 2], { kind: 'invalid', issues: [{ path: '(body)' }] }],
    [
      'an application without applied_at',
      changed(shared('greenhouse-new-candidate-application.json'), ['payload', 'application', 'applied_at']),
      { kind: 'invalid', issues: [{ path: 'payload.application.applied_at' }] },
    ],
    [
      'a hire without an application id',
      changed(own('greenhouse-hire-candidate.json'), ['payload', 'application', 'id']),
      { kind: 'invalid', issues: [{ path: 'payload.application.id' }] },
    ],
  ])('reads %s', (_case, body, expected) => {
    expect(readGreenhouseEvent(body)).toMatchObject(expected)
  })
})

describe('readAshbyEvent', () => {
  it('screens a submitted application with its candidate, dated and keyed by the application', () => {
    const event = expectKind(readAshbyEvent(shared('ashby-application-submit.json')), 'screen')
    expect(event.record).toMatchObject({
      id: 'ashby:0a3e7c4e-51f6-4d5b-8d1e-1f4b6a9c2d11',
      submittedAt: '2026-03-02T09:15:00.000Z',
      source: {
        system: 'ashby',
        applicationId: '0a3e7c4e-51f6-4d5b-8d1e-1f4b6a9c2d11',
        candidateId: 'f2a1b6c9-8e3d-4a7f-9b2c-5d6e7f8a9b0c',
        channel: 'Applied',
      },
      requisition: { id: '9c8b7a6d-5e4f-4a3b-2c1d-0e9f8a7b6c5d', title: 'Backend Engineer' },
      cv: { basics: { name: 'Ji-ho Park' } },
      contacts: { emails: [{ value: 'jiho.park@example.com' }], phones: [{ value: '+1 415 555 0100' }] },
    })
  })

  it('reads a hire, with the application to screen if it was never seen', () => {
    const event = expectKind(readAshbyEvent(own('ashby-candidate-hire.json')), 'hire')
    expect(event.hire).toEqual({
      externalApplicationId: '0a3e7c4e-51f6-4d5b-8d1e-1f4b6a9c2d11',
      externalCandidateId: 'f2a1b6c9-8e3d-4a7f-9b2c-5d6e7f8a9b0c',
      hiredAt: new Date('2026-03-27T17:05:00.000Z'),
      startDate: '2026-04-20',
    })
    expect(event.record).toMatchObject({ id: 'ashby:0a3e7c4e-51f6-4d5b-8d1e-1f4b6a9c2d11' })
  })

  it.each([
    ['ping', own('ashby-ping.json'), { kind: 'ping' }],
    [
      'a stage change',
      { action: 'candidateStageChange', data: {} },
      { kind: 'ignored', eventType: 'candidateStageChange' },
    ],
    [
      'an application without createdAt',
      changed(shared('ashby-application-submit.json'), ['data', 'application', 'createdAt']),
      { kind: 'invalid', issues: [{ path: 'data.application.createdAt' }] },
    ],
    [
      'an application without a candidate',
      changed(shared('ashby-application-submit.json'), ['data', 'application', 'candidate']),
      { kind: 'invalid', issues: [{ path: 'data.application.candidate' }] },
    ],
    [
      'a creation time that is not a date, at its webhook path',
      changed(shared('ashby-application-submit.json'), ['data', 'application', 'createdAt'], 'yesterday'),
      { kind: 'invalid', issues: [{ path: 'data.application.createdAt' }] },
    ],
    [
      'no application',
      { action: 'applicationSubmit', data: {} },
      { kind: 'invalid', issues: [{ path: 'data.application' }] },
    ],
    [
      'a hire without an application id',
      { action: 'candidateHire', data: { application: {} } },
      { kind: 'invalid', issues: [{ path: 'data.application.id' }] },
    ],
  ])('reads %s', (_case, body, expected) => {
    expect(readAshbyEvent(body)).toMatchObject(expected)
  })
})

describe('readLeverEvent', () => {
  it.each([
    [
      'a new application, to fetch',
      own('lever-application-created.json'),
      { kind: 'fetch', opportunityId: '3410c8b9-5c31-4bab-b7e9-9f710206d647' },
    ],
    [
      'a stage change, to fetch',
      shared('lever-candidate-stage-change.json'),
      { kind: 'fetch', opportunityId: '3410c8b9-5c31-4bab-b7e9-9f710206d647' },
    ],
    [
      'a hire, at triggeredAt',
      own('lever-candidate-hired.json'),
      {
        kind: 'fetch',
        opportunityId: '3410c8b9-5c31-4bab-b7e9-9f710206d647',
        hire: {
          externalApplicationId: '3410c8b9-5c31-4bab-b7e9-9f710206d647',
          externalCandidateId: '05c248f9-ccb1-435f-bab5-0ec608aec263',
          hiredAt: new Date(1774629900000),
        },
      },
    ],
    ['an interview', { event: 'interviewCreated', data: {} }, { kind: 'ignored', eventType: 'interviewCreated' }],
    ['no event', { data: {} }, { kind: 'invalid', issues: [{ path: 'event' }] }],
    [
      'an event without an opportunity',
      { event: 'candidateHired', data: { contactId: 'c' } },
      { kind: 'invalid', issues: [{ path: 'data.opportunityId' }] },
    ],
  ])('reads %s', (_case, body, expected) => {
    expect(readLeverEvent(body)).toMatchObject(expected)
  })
})
