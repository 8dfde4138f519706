import { importAshbyCandidate, type ApplicationRecord, type ValidationIssue } from '@hirewall/core'
import type { InboundEvent } from './inbound-event.js'
import { calendarDateAt, instantAt, isJsonObject, objectAt, textAt, type JsonObject } from './read-json.js'

const at = 'data.application'

/**
 * Reads an Ashby webhook (`{ action, data }`). `applicationSubmit` carries the application with its candidate:
 * screen it. `candidateHire` is a hire of `data.application.id` (at `data.offer.decidedAt`, starting
 * `data.offer.latestVersion.startDate`, when given), whose application is screened too if HireWall has not seen it.
 * `ping` (sent when the webhook is saved) is answered.
 */
export function readAshbyEvent(body: unknown): InboundEvent {
  if (!isJsonObject(body)) return { kind: 'invalid', issues: [{ path: '(body)', message: 'must be a JSON object' }] }
  const action = textAt(body, 'action')
  if (action === undefined) {
    return { kind: 'invalid', issues: [{ path: 'action', message: 'is required: the Ashby webhook action' }] }
  }
  const data = objectAt(body, 'data')
  switch (action) {
    case 'ping':
      return { kind: 'ping' }
    case 'applicationSubmit': {
      const imported = importApplication(objectAt(data, 'application'))
      return imported.status === 'valid'
        ? { kind: 'screen', record: imported.record }
        : { kind: 'invalid', issues: imported.issues }
    }
    case 'candidateHire': {
      const application = objectAt(data, 'application')
      const applicationId = textAt(application, 'id')
      if (applicationId === undefined) {
        return { kind: 'invalid', issues: [{ path: `${at}.id`, message: 'is required: the Ashby application id' }] }
      }
      const offer = objectAt(data, 'offer')
      const imported = importApplication(application)
      return {
        kind: 'hire',
        hire: {
          externalApplicationId: applicationId,
          externalCandidateId: textAt(objectAt(application, 'candidate'), 'id'),
          hiredAt: instantAt(offer, 'decidedAt'),
          startDate: calendarDateAt(objectAt(offer, 'latestVersion'), 'startDate'),
        },
        record: imported.status === 'valid' ? imported.record : undefined,
      }
    }
    default:
      return { kind: 'ignored', eventType: action }
  }
}

type Imported =
  | { readonly status: 'valid'; readonly record: ApplicationRecord }
  | { readonly status: 'invalid'; readonly issues: readonly ValidationIssue[] }

/**
 * The webhook's application through core's `candidate.info` importer: the candidate with the application's id,
 * creation time and source, then the job as the requisition. Issues are moved back to the webhook's own paths.
 */
function importApplication(application: JsonObject | undefined): Imported {
  if (application === undefined) {
    return { status: 'invalid', issues: [{ path: at, message: 'is required: the application that was submitted' }] }
  }
  const candidate = objectAt(application, 'candidate')
  if (candidate === undefined) {
    return { status: 'invalid', issues: [{ path: `${at}.candidate`, message: 'is required: the applicant' }] }
  }
  const result = importAshbyCandidate({
    ...candidate,
    applicationIds: textAt(application, 'id') === undefined ? [] : [application['id']],
    createdAt: application['createdAt'],
    source: application['source'] ?? candidate['source'],
  })
  if (result.status === 'invalid') {
    return { status: 'invalid', issues: result.issues.map((issue) => ({ ...issue, path: webhookPath(issue.path) })) }
  }
  const job = objectAt(application, 'job')
  const jobId = textAt(job, 'id')
  if (jobId === undefined || result.record.requisition !== undefined) return result
  const title = textAt(job, 'title')
  return {
    status: 'valid',
    record: { ...result.record, requisition: title === undefined ? { id: jobId } : { id: jobId, title } },
  }
}

function webhookPath(path: string): string {
  if (path === '(record)') return `${at}.candidate`
  if (path.startsWith('applicationIds')) return `${at}.id`
  if (path === 'createdAt' || path.startsWith('source')) return `${at}.${path}`
  return `${at}.candidate.${path}`
}
