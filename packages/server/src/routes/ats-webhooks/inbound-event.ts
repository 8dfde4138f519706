import type { ApplicationRecord, ValidationIssue } from '@hirewall/core'
import type { InboundWebhookVendor } from '../../webhooks/inbound-signature.js'

/** A hire as an ATS reports it, before it is matched to a stored application. */
export type ReportedHire = {
  /** The application's id in the ATS (Lever: the opportunity's). */
  readonly externalApplicationId: string
  readonly externalCandidateId?: string | undefined
  /** When the offer was accepted, if the ATS says; else the time the webhook arrived is used. */
  readonly hiredAt?: Date | undefined
  /** `YYYY-MM-DD`. */
  readonly startDate?: string | undefined
}

/**
 * What an inbound ATS webhook asks HireWall to do, read from its body by a vendor's reader. `screen`: an application
 * to screen (idempotent on the vendor's application id). `hire`: record a hire, screening the application first
 * when the payload carries one HireWall has not seen. `fetch`: Lever's notifications carry ids only, so the
 * opportunity is fetched from Lever's API. `ignored`: an event HireWall has no use for, acknowledged so the vendor
 * does not retry. `invalid`: a signed body that cannot be read; the issues name the fields.
 */
export type InboundEvent =
  | { readonly kind: 'ping' }
  | { readonly kind: 'screen'; readonly record: ApplicationRecord }
  | { readonly kind: 'hire'; readonly hire: ReportedHire; readonly record?: ApplicationRecord | undefined }
  | {
      readonly kind: 'fetch'
      readonly opportunityId: string
      /** For a hire, what to record once the opportunity is known. */
      readonly hire?: ReportedHire | undefined
    }
  | { readonly kind: 'ignored'; readonly eventType: string }
  | { readonly kind: 'invalid'; readonly issues: readonly ValidationIssue[] }

/** Reads one vendor's webhook body. Pure: no I/O, no clock. */
export type InboundEventReader = (body: unknown) => InboundEvent

/** The source system a vendor's records carry (`record.source.system`), and the audit actor of its webhooks. */
export function actorOf(vendor: InboundWebhookVendor): string {
  return `ats:${vendor}`
}
