import { outcomes } from '@hirewall/core'
import type { ApplicationSummary } from '@hirewall/store'
import { z } from 'zod'

/** An application in a list: where it came from, whose it is and its latest result, never the CV itself. */
export const applicationSummaryViewSchema = z
  .object({
    id: z.string(),
    sourceSystem: z.string().describe('`greenhouse`, `lever`, `ashby`, `api`, `csv`...'),
    externalId: z.string().nullable().describe("The application's id in the source system."),
    requisitionId: z.string().nullable(),
    submittedAt: z.iso.datetime(),
    receivedAt: z.iso.datetime().describe('When HireWall stored it.'),
    candidateName: z.string().nullable(),
    staffingVendor: z.string().nullable().describe('The staffing vendor that placed the candidate, if any.'),
    latestResult: z
      .object({
        version: z.number().int(),
        score: z.number().describe('0 to 100.'),
        outcome: z.enum(outcomes),
        signalCodes: z.array(z.string()),
        clusterId: z.string().nullable(),
        policyVersion: z.string(),
        screenedAt: z.iso.datetime(),
      })
      .nullable()
      .describe('Null until the application is first screened.'),
  })
  .meta({ id: 'ApplicationSummary' })

export type ApplicationSummaryView = z.infer<typeof applicationSummaryViewSchema>

export function toApplicationSummaryView(summary: ApplicationSummary): ApplicationSummaryView {
  const result = summary.latestResult
  return {
    id: summary.id,
    sourceSystem: summary.sourceSystem,
    externalId: summary.externalId,
    requisitionId: summary.requisitionId,
    submittedAt: summary.submittedAt.toISOString(),
    receivedAt: summary.receivedAt.toISOString(),
    candidateName: summary.candidateName,
    staffingVendor: summary.staffingVendor,
    latestResult:
      result === null
        ? null
        : {
            version: result.version,
            score: result.score,
            outcome: result.outcome,
            signalCodes: [...result.signalCodes],
            clusterId: result.clusterId,
            policyVersion: result.policyVersion,
            screenedAt: result.screenedAt.toISOString(),
          },
  }
}
