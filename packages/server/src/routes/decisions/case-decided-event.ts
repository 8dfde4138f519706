import type { Decision, NewOutboxEvent, SubjectKind } from '@hirewall/store'
import type { OutboundEventType } from '../../webhooks/outbound-event-types.js'

/**
 * An analyst decided about an application, a cluster or an employee. Ids, the verdict and the reason only: no personal data (the
 * analyst's note stays in HireWall); receivers read the subject with an API key that may.
 */
export type CaseDecidedPayload = {
  readonly decisionId: number
  /** The case the decision was recorded in, when one was open. */
  readonly caseId: string | null
  readonly subject: { readonly kind: SubjectKind; readonly id: string }
  readonly verdict: Decision['verdict']
  readonly reason: string
  /** Who decided: `user:<id>`. */
  readonly actor: string
  /** ISO 8601. */
  readonly decidedAt: string
}

/** The `case.decided` outbox event of a recorded decision. */
export function caseDecidedEvent(decision: Decision): NewOutboxEvent & { readonly payload: CaseDecidedPayload } {
  return {
    type: 'case.decided' satisfies OutboundEventType,
    payload: {
      decisionId: decision.id,
      caseId: decision.caseId,
      subject: { kind: decision.subject.kind, id: decision.subject.id },
      verdict: decision.verdict,
      reason: decision.reason,
      actor: decision.actor,
      decidedAt: decision.decidedAt.toISOString(),
    },
  }
}
