import type { InboundEvent } from './inbound-event.js'
import { instantAt, isJsonObject, objectAt, textAt } from './read-json.js'

/** The Lever events HireWall acts on; each names an opportunity (Lever's candidacy) by id. */
export const leverOpportunityEvents = ['applicationCreated', 'candidateStageChange', 'candidateHired'] as const

/**
 * Reads a Lever webhook (`{ event, triggeredAt, token, signature, data }`). Lever sends ids only, so each event
 * HireWall acts on becomes a `fetch` of `data.opportunityId`; `candidateHired` also records the hire at `triggeredAt`.
 */
export function readLeverEvent(body: unknown): InboundEvent {
  if (!isJsonObject(body)) return { kind: 'invalid', issues: [{ path: '(body)', message: 'must be a JSON object' }] }
  const event = textAt(body, 'event')
  if (event === undefined) {
    return { kind: 'invalid', issues: [{ path: 'event', message: 'is required: the Lever webhook event' }] }
  }
  if (!leverOpportunityEvents.some((known) => known === event)) return { kind: 'ignored', eventType: event }
  const data = objectAt(body, 'data')
  const opportunityId = textAt(data, 'opportunityId')
  if (opportunityId === undefined) {
    return {
      kind: 'invalid',
      issues: [{ path: 'data.opportunityId', message: 'is required: the opportunity the event is about' }],
    }
  }
  if (event !== 'candidateHired') return { kind: 'fetch', opportunityId }
  return {
    kind: 'fetch',
    opportunityId,
    hire: {
      externalApplicationId: opportunityId,
      externalCandidateId: textAt(data, 'contactId') ?? textAt(data, 'candidateId'),
      hiredAt: instantAt(body, 'triggeredAt'),
    },
  }
}
