import { caseStatuses, subjectKinds, type Case } from '@hirewall/store'
import { z } from 'zod'

/** What a case or decision is about. */
export const subjectViewSchema = z
  .object({
    kind: z.enum(subjectKinds),
    id: z
      .string()
      .describe('The application id, the cluster id (`cluster:<earliest application id>`), or the employee id.'),
  })
  .meta({ id: 'Subject' })

/** A review of one application or cluster, as the API shows it. */
export const caseViewSchema = z
  .object({
    id: z.string(),
    subject: subjectViewSchema,
    status: z.enum(caseStatuses).describe('`open` while the subject awaits a verdict.'),
    openedBy: z.string().describe('Who opened it: `system:screening`, `user:<id>`...'),
    openedAt: z.iso.datetime(),
    closedBy: z.string().nullable(),
    closedAt: z.iso.datetime().nullable(),
    assignedTo: z.string().nullable().describe('The user id of whoever works the case; kept after it closes.'),
    assignedAt: z.iso.datetime().nullable(),
  })
  .meta({ id: 'ReviewCase' })

export type CaseView = z.infer<typeof caseViewSchema>

export function toCaseView(stored: Case): CaseView {
  return {
    id: stored.id,
    subject: { kind: stored.subject.kind, id: stored.subject.id },
    status: stored.status,
    openedBy: stored.openedBy,
    openedAt: stored.openedAt.toISOString(),
    closedBy: stored.closedBy,
    closedAt: stored.closedAt?.toISOString() ?? null,
    assignedTo: stored.assignedTo,
    assignedAt: stored.assignedAt?.toISOString() ?? null,
  }
}
