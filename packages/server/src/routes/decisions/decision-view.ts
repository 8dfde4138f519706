import { decisionVerdicts, type Decision } from '@hirewall/store'
import { z } from 'zod'
import { subjectViewSchema } from '../cases/case-view.js'

/** An analyst's verdict, as the API shows it. Decisions are never changed or deleted; the last one is current. */
export const decisionViewSchema = z
  .object({
    id: z.number().int().describe('Increasing in the order decisions were recorded.'),
    caseId: z.string().nullable().describe('The case it was recorded in, when one was open.'),
    subject: subjectViewSchema,
    verdict: z.enum(decisionVerdicts),
    reason: z.string(),
    note: z.string().nullable(),
    actor: z.string().describe('Who decided: `user:<id>`.'),
    decidedAt: z.iso.datetime(),
  })
  .meta({ id: 'Decision' })

export type DecisionView = z.infer<typeof decisionViewSchema>

export function toDecisionView(decision: Decision): DecisionView {
  return {
    id: decision.id,
    caseId: decision.caseId,
    subject: { kind: decision.subject.kind, id: decision.subject.id },
    verdict: decision.verdict,
    reason: decision.reason,
    note: decision.note,
    actor: decision.actor,
    decidedAt: decision.decidedAt.toISOString(),
  }
}
