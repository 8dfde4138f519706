import { importLeverOpportunity, type ApplicationRecord } from '@hirewall/core'
import type { Store, StoredApplication } from '@hirewall/store'
import { ApiError } from '../../errors/api-error.js'
import { ScreeningError } from '../../screening/screening-error.js'
import type { ScreeningService } from '../../screening/screening-service.js'
import type { InboundWebhookVendor } from '../../webhooks/inbound-signature.js'
import { actorOf, type InboundEvent, type ReportedHire } from './inbound-event.js'
import { LeverApiError, type LeverApi } from './lever-api.js'

/** What HireWall did with an inbound webhook; the vendor only looks at the status code. */
export type InboundEventResult = {
  readonly statusCode: 200 | 202
  readonly body: {
    readonly status: 'screened' | 'already-screened' | 'hire-recorded' | 'ping' | 'ignored'
    readonly applicationId: string | null
    /** Why an event was acknowledged without action. */
    readonly reason?:
      'unsupported-event' | 'lever-api-not-configured' | 'opportunity-not-found' | 'opportunity-unreadable'
  }
}

/** What handling an event needs. */
export type InboundEventContext = {
  readonly vendor: InboundWebhookVendor
  readonly store: Store
  readonly screening: ScreeningService
  readonly lever: LeverApi | undefined
  /** The webhook body as received: kept as the application's raw payload. */
  readonly body: unknown
  readonly receivedAt: Date
  readonly log: { warn(details: Readonly<Record<string, unknown>>, message: string): void }
}

/**
 * Carries out what an inbound webhook asked: screens through the one pipeline (idempotent on the vendor's application
 * id, so redeliveries and updates create nothing new), records hires, answers pings. Events HireWall has no use for
 * are acknowledged (202; 200 to Greenhouse, which retries anything but 200) so the vendor does not retry them.
 * A signed body that cannot be read is 400 with the fields named; a failure worth retrying is 503, so the vendor does.
 */
export async function handleInboundEvent(
  event: InboundEvent,
  context: InboundEventContext,
): Promise<InboundEventResult> {
  switch (event.kind) {
    case 'ping':
      return { statusCode: 200, body: { status: 'ping', applicationId: null } }
    case 'ignored':
      return ignored(context, 'unsupported-event')
    case 'invalid':
      throw new ApiError(
        'VALIDATION_FAILED',
        `The ${context.vendor} webhook body has ${event.issues.length === 1 ? 'one problem' : `${event.issues.length} problems`}; see details.issues.`,
        {
          issues: event.issues.map((issue) => ({
            path: issue.path === '(body)' ? 'body' : `body.${issue.path}`,
            message: issue.message,
            code: 'invalid_payload',
          })),
        },
      )
    case 'screen': {
      const outcome = await screen(context, event.record, context.body)
      const externalId = event.record.source.applicationId
      if (outcome.status === 'created' && externalId !== undefined)
        await linkEarlierHire(context, externalId, outcome.application)
      return screened(outcome.status, outcome.application.id)
    }
    case 'hire': {
      const stored = await findStored(context, event.hire.externalApplicationId)
      const application =
        stored ??
        (event.record === undefined ? undefined : (await screen(context, event.record, context.body)).application)
      return recordHire(context, event.hire, application)
    }
    case 'fetch':
      return fetchOpportunity(context, event.opportunityId, event.hire)
  }
}

async function fetchOpportunity(
  context: InboundEventContext,
  opportunityId: string,
  hire: ReportedHire | undefined,
): Promise<InboundEventResult> {
  const stored = await findStored(context, opportunityId)
  if (stored !== undefined) {
    return hire === undefined ? screened('existing', stored.id) : recordHire(context, hire, stored)
  }
  if (context.lever === undefined) {
    // The hire is still worth keeping: the ids are all it needs.
    if (hire !== undefined) return recordHire(context, hire, undefined)
    context.log.warn({ vendor: context.vendor }, 'lever webhook not acted on: no Lever API key is configured')
    return ignored(context, 'lever-api-not-configured')
  }
  let fetched: Awaited<ReturnType<LeverApi['fetchOpportunity']>>
  try {
    fetched = await context.lever.fetchOpportunity(opportunityId)
  } catch (error) {
    if (!(error instanceof LeverApiError)) throw error
    throw new ApiError(
      'UNAVAILABLE',
      'Lever could not be read now; retry the webhook.',
      { upstream: 'lever' },
      { cause: error },
    )
  }
  if (fetched === undefined) {
    if (hire !== undefined) return recordHire(context, hire, undefined)
    return ignored(context, 'opportunity-not-found')
  }
  const imported = importLeverOpportunity(fetched)
  if (imported.status === 'invalid') {
    // Lever's own data, not the sender's mistake: a 4xx would only be retried. Paths only, never the values.
    context.log.warn(
      { vendor: context.vendor, issues: imported.issues.map((issue) => issue.path) },
      'lever opportunity could not be imported',
    )
    return hire === undefined ? ignored(context, 'opportunity-unreadable') : recordHire(context, hire, undefined)
  }
  let outcome: Awaited<ReturnType<typeof screen>>
  try {
    outcome = await screen(context, imported.record, fetched)
  } catch (error) {
    // Text PostgreSQL cannot store in what Lever returned: Lever's data again, not the sender's (no field to name).
    if (!(error instanceof ApiError && error.code === 'VALIDATION_FAILED')) throw error
    context.log.warn({ vendor: context.vendor }, 'lever opportunity could not be stored: text the database cannot hold')
    return hire === undefined ? ignored(context, 'opportunity-unreadable') : recordHire(context, hire, undefined)
  }
  if (hire !== undefined) return recordHire(context, hire, outcome.application)
  if (outcome.status === 'created') await linkEarlierHire(context, opportunityId, outcome.application)
  return screened(outcome.status, outcome.application.id)
}

async function screen(context: InboundEventContext, record: ApplicationRecord, raw: unknown) {
  try {
    return await context.screening.submit({ record, raw, actor: actorOf(context.vendor) })
  } catch (error) {
    if (!(error instanceof ScreeningError)) throw error
    switch (error.code) {
      case 'invalid':
        // The record read from the body holds text the database cannot store; the message names where.
        throw new ApiError(
          'VALIDATION_FAILED',
          error.message,
          { issues: [{ path: 'body', message: error.message, code: 'unstorable-text' }], reason: error.code },
          { cause: error },
        )
      case 'conflict':
        throw new ApiError('CONFLICT', error.message, { reason: error.code }, { cause: error })
      case 'not-screened':
      case 'unavailable':
      case 'closed':
        throw new ApiError(
          'UNAVAILABLE',
          'The application could not be screened now; retry the webhook.',
          {
            reason: error.code,
          },
          { cause: error },
        )
    }
  }
}

/** The stored application the vendor's id names: by idempotency key (any door), else by the importer's record id. */
async function findStored(context: InboundEventContext, externalId: string): Promise<StoredApplication | undefined> {
  const key = `${context.vendor}:${externalId}`
  return (await context.store.applications.findByIdempotencyKey(key)) ?? (await context.store.applications.find(key))
}

async function recordHire(
  context: InboundEventContext,
  hire: ReportedHire,
  application: StoredApplication | undefined,
): Promise<InboundEventResult> {
  const actor = actorOf(context.vendor)
  const recorded = await context.store.transaction(async (repositories) => {
    const outcome = await repositories.hires.record({
      sourceSystem: context.vendor,
      externalApplicationId: hire.externalApplicationId,
      externalCandidateId: hire.externalCandidateId,
      applicationId: application?.id,
      hiredAt: hire.hiredAt ?? context.receivedAt,
      startDate: hire.startDate,
      recordedBy: actor,
    })
    if (outcome.status === 'created') {
      await repositories.audit.append({
        actor,
        action: 'hire.recorded',
        target: application === undefined ? `hire:${outcome.hire.id}` : `application:${application.id}`,
        details: { sourceSystem: context.vendor, externalApplicationId: hire.externalApplicationId },
      })
    }
    return outcome.hire
  })
  return { statusCode: 200, body: { status: 'hire-recorded', applicationId: recorded.applicationId } }
}

/** A hire reported before HireWall had its application (a hire webhook without one) is linked once it arrives. */
async function linkEarlierHire(
  context: InboundEventContext,
  externalId: string,
  application: StoredApplication,
): Promise<void> {
  const hire = await context.store.hires.find(context.vendor, externalId)
  if (hire === undefined || hire.applicationId !== null) return
  await context.store.hires.record({
    sourceSystem: hire.sourceSystem,
    externalApplicationId: hire.externalApplicationId,
    applicationId: application.id,
    hiredAt: hire.hiredAt,
    recordedBy: hire.recordedBy,
  })
}

function screened(status: 'created' | 'existing', applicationId: string): InboundEventResult {
  return { statusCode: 200, body: { status: status === 'created' ? 'screened' : 'already-screened', applicationId } }
}

function ignored(
  context: InboundEventContext,
  reason: NonNullable<InboundEventResult['body']['reason']>,
): InboundEventResult {
  return {
    statusCode: context.vendor === 'greenhouse' ? 200 : 202,
    body: { status: 'ignored', applicationId: null, reason },
  }
}
