import { importGreenhouse } from '@hirewall/core'
import type { InboundEvent } from './inbound-event.js'
import { calendarDateAt, instantAt, isJsonObject, objectAt, textAt } from './read-json.js'

/**
 * Reads a Greenhouse webhook (`{ action, payload }`). `new_candidate_application` and `application_updated` carry the
 * application with its candidate: screen it. `hire_candidate` (an accepted offer) is a hire of
 * `payload.application.id`, at `offer.resolved_at`, starting `offer.starts_at`; its payload has no `applied_at`, so
 * it is screened only when it happens to carry one. `ping` (sent when the webhook is saved) is answered.
 */
export function readGreenhouseEvent(body: unknown): InboundEvent {
  if (!isJsonObject(body)) return { kind: 'invalid', issues: [{ path: '(body)', message: 'must be a JSON object' }] }
  const action = textAt(body, 'action')
  if (action === undefined) {
    return { kind: 'invalid', issues: [{ path: 'action', message: 'is required: the Greenhouse webhook action' }] }
  }
  switch (action) {
    case 'ping':
      return { kind: 'ping' }
    case 'new_candidate_application':
    case 'application_updated': {
      const [result] = importGreenhouse(body)
      if (result === undefined) return { kind: 'invalid', issues: [{ path: 'payload', message: 'is empty' }] }
      return result.status === 'valid'
        ? { kind: 'screen', record: result.record }
        : { kind: 'invalid', issues: result.issues }
    }
    case 'hire_candidate': {
      const application = objectAt(objectAt(body, 'payload'), 'application')
      const applicationId = textAt(application, 'id')
      if (applicationId === undefined) {
        return {
          kind: 'invalid',
          issues: [{ path: 'payload.application.id', message: 'is required: the Greenhouse application id' }],
        }
      }
      const offer = objectAt(application, 'offer')
      const [imported] = importGreenhouse(body)
      return {
        kind: 'hire',
        hire: {
          externalApplicationId: applicationId,
          externalCandidateId: textAt(objectAt(application, 'candidate'), 'id') ?? textAt(application, 'candidate_id'),
          hiredAt: instantAt(offer, 'resolved_at'),
          startDate: calendarDateAt(offer, 'starts_at'),
        },
        record: imported?.status === 'valid' ? imported.record : undefined,
      }
    }
    default:
      return { kind: 'ignored', eventType: action }
  }
}
