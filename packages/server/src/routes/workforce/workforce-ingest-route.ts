import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { requirePermission } from '../../auth/require-permission.js'
import { ApiError } from '../../errors/api-error.js'
import { errorResponseSchema } from '../../errors/error-response-schema.js'
import {
  feedContentTypes,
  feedFormats,
  importFeed,
  workforceFeeds,
  type FeedFormat,
  type WorkforceFeed,
} from '../../workforce/workforce-feeds.js'
import type { WorkforceService } from '../../workforce/workforce-service.js'
import { actorLabel } from '../audit/actor-label.js'

/** The largest feed body accepted unless the routes are given another limit: 16 MiB (send larger feeds in parts). */
export const defaultFeedLimitBytes = 16 * 1024 * 1024

const issueSchema = z.object({
  path: z.string().describe('The field as the source names it: a CSV column, a JSON path such as `value[3].id`.'),
  message: z.string(),
})

const ingestedRowSchema = z
  .object({
    line: z.number().int().describe('The 1-based line of the body the row starts on.'),
    status: z
      .enum(['accepted', 'duplicate', 'rejected', 'skipped'])
      .describe(
        '`accepted`: stored; `duplicate`: stored before (the same event or row); `rejected`: see issues; ' +
          '`skipped`: valid, but nothing the detectors read (an app actor, another osquery table).',
      ),
    issues: z.array(issueSchema).optional(),
    reason: z.string().optional(),
  })
  .meta({ id: 'IngestedWorkforceRow' })

const ingestReportSchema = z
  .object({
    feed: z.enum(workforceFeeds),
    accepted: z.number().int(),
    duplicates: z.number().int(),
    rejected: z.number().int(),
    skipped: z.number().int(),
    rows: z.array(ingestedRowSchema),
    assessed: z.number().int().describe('Employees whose assessment changed and was stored as a new version.'),
    casesRaised: z
      .array(z.object({ caseId: z.string(), employeeId: z.string(), isReopened: z.boolean() }))
      .describe('Cases opened for employees now at review or hold (re-opened when an earlier case was closed).'),
  })
  .meta({ id: 'WorkforceIngestReport' })

const checkSubmitPermission = requirePermission('applications.submit')

/**
 * `POST /v1/workforce/{feed}`: a body of one feed (hires, shipments, devices, osquery, okta, entra, payroll) is read by
 * the feed's importer and the accepted records go through the after-hire pipeline, which answers per row.
 */
export async function registerWorkforceIngestRoute(
  app: FastifyInstance,
  options: {
    readonly workforce: WorkforceService
    readonly feedLimitBytes?: number | undefined
    /** The organisation's secret for payroll account hashes (`HIREWALL_ACCOUNT_KEY`). */
    readonly accountKey?: string | undefined
  },
): Promise<void> {
  const { workforce } = options
  const limit = options.feedLimitBytes ?? defaultFeedLimitBytes
  await app.register((scope, _options, done) => {
    scope.removeAllContentTypeParsers()
    // The body stays text for the importers, which report lines and fields in the source's own terms.
    scope.addContentTypeParser(
      Object.keys(feedContentTypes),
      { parseAs: 'buffer', bodyLimit: limit },
      (request: FastifyRequest, body: Buffer, done: (error: null, body?: undefined) => void) => {
        request.rawBody = body
        done(null)
      },
    )
    scope.withTypeProvider<ZodTypeProvider>().post(
      '/v1/workforce/:feed',
      {
        bodyLimit: limit,
        onRequest: (request: FastifyRequest, reply: FastifyReply) => checkSubmitPermission.call(scope, request, reply),
        schema: {
          tags: ['workforce'],
          summary:
            'Ingest post-hire records of one feed (HR hires, shipments, MDM devices, osquery, Okta, Entra, payroll)',
          description:
            'The body is the feed as its system exports it: `text/csv` for hires, shipments, devices (MDM) and ' +
            'payroll; `application/json` (one object, an array, or Graph\'s `{ "value": [...] }`) or ' +
            '`application/x-ndjson` for hires, osquery, okta and entra. Each row is answered; re-sent events are ' +
            `duplicates. Up to ${limit} bytes. Employees whose assessment changes get a new version, and a case ` +
            'when it is review or hold. Written to the audit log (`workforce.ingested`). See docs/workforce.md.',
          params: z.object({ feed: z.enum(workforceFeeds).describe('The feed.') }),
          response: {
            200: ingestReportSchema,
            400: errorResponseSchema,
            401: errorResponseSchema,
            403: errorResponseSchema,
            413: errorResponseSchema,
            415: errorResponseSchema,
          },
        },
      },
      async (request) => {
        const { feed } = request.params
        const format = formatOf(feed, request.headers['content-type'])
        const body = request.rawBody
        if (body === null || body.length === 0)
          throw new ApiError('BAD_REQUEST', 'The body is empty: send the feed as the request body.', {})
        const rows = importFeed(feed, format, body.toString('utf8'), { accountKey: options.accountKey })
        const report = await workforce.ingest(feed, rows, actorLabel(request))
        return {
          feed,
          accepted: report.accepted,
          duplicates: report.duplicates,
          rejected: report.rejected,
          skipped: report.skipped,
          rows: report.rows.map((row) =>
            row.status === 'rejected'
              ? {
                  line: row.line,
                  status: row.status,
                  issues: row.issues.map(({ path, message }) => ({ path, message })),
                }
              : row.status === 'skipped'
                ? { line: row.line, status: row.status, reason: row.reason }
                : { line: row.line, status: row.status },
          ),
          assessed: report.assessed.length,
          casesRaised: report.casesRaised.map((raised) => ({ ...raised })),
        }
      },
    )
    done()
  })
}

// The parser only admits the listed types; the feed then narrows them to its own formats.
function formatOf(feed: WorkforceFeed, header: string | undefined): FeedFormat {
  const type = (header ?? '').split(';', 1)[0]?.trim().toLowerCase() ?? ''
  const format = (feedContentTypes as Readonly<Record<string, FeedFormat>>)[type]
  const accepted = feedFormats[feed]
  if (format !== undefined && accepted.includes(format)) return format
  const types = Object.entries(feedContentTypes)
    .filter(([, each]) => accepted.includes(each))
    .map(([name]) => name)
  throw new ApiError('UNSUPPORTED_MEDIA_TYPE', `The ${feed} feed is sent as ${types.join(', ')}.`, {
    contentType: header ?? null,
    accepted: types,
  })
}
