import type { Store } from '@hirewall/store'
import type { FastifyInstance } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { requirePermission } from '../../auth/require-permission.js'
import { ApiError } from '../../errors/api-error.js'
import { errorResponseSchema } from '../../errors/error-response-schema.js'
import { instantQuery } from '../listing/query-values.js'
import { readTrends } from './read-trends.js'
import { addBuckets, bucketStart, defaultBucketCounts, trendPeriods } from './trend-periods.js'

/** The widest range one call may ask for: enough for years of weeks, small enough to answer quickly. */
export const maxTrendBuckets = 260

const outcomeCounts = {
  applications: z.number().int().describe('Applications submitted in the bucket.'),
  reviews: z.number().int().describe('Of them, those whose latest outcome is review.'),
  holds: z.number().int().describe('Of them, those whose latest outcome is hold.'),
}
const breakdownRow = z.object({ key: z.string().describe('`(none)` when not given.'), ...outcomeCounts })

const trendsSchema = z
  .object({
    period: z.enum(trendPeriods),
    from: z.iso.datetime().describe('The start of the first bucket.'),
    to: z.iso.datetime(),
    buckets: z.array(
      z.object({
        start: z.iso.datetime(),
        ...outcomeCounts,
        confirmedFraud: z.number().int().describe('Verdicts recorded in the bucket.'),
        cleared: z.number().int(),
        needsVerification: z.number().int(),
        rings: z.number().int().describe('Persona clusters spanning several claimed people, found in the bucket.'),
      }),
    ),
    quarterOverQuarter: z.object({
      current: z.object({ start: z.iso.datetime(), ...outcomeCounts }),
      previous: z.object({ start: z.iso.datetime(), ...outcomeCounts }),
      change: z
        .object({
          applications: z.number().nullable(),
          reviews: z.number().nullable(),
          holds: z.number().nullable(),
        })
        .describe('Percentage change from the previous quarter; null when it had none.'),
    }),
    topSignals: z.array(
      z.object({
        code: z.string(),
        total: z.number().int(),
        counts: z.array(z.number().int()).describe('Per bucket, in the order of `buckets`.'),
      }),
    ),
    breakdowns: z.object({
      requisition: z.array(breakdownRow),
      source: z.array(breakdownRow),
      staffingVendor: z.array(breakdownRow),
    }),
    signalPrecision: z
      .array(
        z.object({
          code: z.string(),
          confirmedFraud: z.number().int(),
          cleared: z.number().int(),
          precision: z.number().nullable().describe('confirmedFraud / (confirmedFraud + cleared).'),
        }),
      )
      .describe("By each application's latest verdict (a cluster's verdict counts for its members)."),
  })
  .meta({ id: 'Trends' })

/**
 * `GET /v1/trends`: the counts behind the console's trends dashboard (applications, reviews and holds per week, month
 * or quarter, the quarter-over-quarter change, top signals, breakdowns, rings, verdicts and per-signal precision).
 * Aggregates only, no personal data, under `applications.read`.
 */
export function registerTrendsRoute(
  app: FastifyInstance,
  options: { readonly store: Store; readonly now?: () => Date },
): void {
  const { store } = options
  const now = options.now ?? (() => new Date())
  app.withTypeProvider<ZodTypeProvider>().get(
    '/v1/trends',
    {
      preHandler: requirePermission('applications.read'),
      schema: {
        tags: ['trends'],
        summary: 'Applications, outcomes, signals, rings and verdicts over time, for the dashboard',
        description: `Buckets are UTC weeks (from Monday), months or quarters; at most ${maxTrendBuckets} per call.`,
        querystring: z.strictObject({
          period: z.enum(trendPeriods).default('week'),
          from: instantQuery.optional().describe('Default: 12 weeks, 12 months or 8 quarters before `to`.'),
          to: instantQuery.optional().describe('Exclusive; default now.'),
        }),
        response: { 200: trendsSchema, 400: errorResponseSchema, 401: errorResponseSchema, 403: errorResponseSchema },
      },
    },
    async (request) => {
      const { period } = request.query
      const to = request.query.to ?? now()
      const from = request.query.from ?? addBuckets(bucketStart(to, period), period, -(defaultBucketCounts[period] - 1))
      if (from >= to) {
        throw new ApiError('VALIDATION_FAILED', 'The request has one problem; see details.issues.', {
          issues: [{ path: 'querystring.from', message: 'must be before to', code: 'invalid_range' }],
        })
      }
      if (addBuckets(bucketStart(from, period), period, maxTrendBuckets) < to) {
        throw new ApiError('VALIDATION_FAILED', 'The request has one problem; see details.issues.', {
          issues: [
            { path: 'querystring.from', message: `spans more than ${maxTrendBuckets} ${period}s`, code: 'too_wide' },
          ],
        })
      }
      const trends = await readTrends(store, { period, from, to })
      const iso = (date: Date) => date.toISOString()
      return {
        ...trends,
        from: iso(trends.from),
        to: iso(trends.to),
        buckets: trends.buckets.map((bucket) => ({ ...bucket, start: iso(bucket.start) })),
        quarterOverQuarter: {
          ...trends.quarterOverQuarter,
          current: { ...trends.quarterOverQuarter.current, start: iso(trends.quarterOverQuarter.current.start) },
          previous: { ...trends.quarterOverQuarter.previous, start: iso(trends.quarterOverQuarter.previous.start) },
        },
        topSignals: trends.topSignals.map((signal) => ({ ...signal, counts: [...signal.counts] })),
        breakdowns: {
          requisition: [...trends.breakdowns.requisition],
          source: [...trends.breakdowns.source],
          staffingVendor: [...trends.breakdowns.staffingVendor],
        },
        signalPrecision: [...trends.signalPrecision],
      }
    },
  )
}
