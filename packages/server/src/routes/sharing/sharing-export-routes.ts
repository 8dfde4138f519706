import { assertNever } from '@hirewall/core'
import {
  exportMispEvent,
  exportStixBundle,
  type ExportRecord,
  type SharedIndicator,
  type StixExportOptions,
} from '@hirewall/sharing'
import {
  exportTlpLevels,
  sharingExportFormats,
  type ConfirmedFraudSelection,
  type PublishedObject,
  type SharingExportFormat,
  type Store,
} from '@hirewall/store'
import type { FastifyInstance, FastifyRequest } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { describePrincipal } from '../../auth/principal.js'
import { requirePermission } from '../../auth/require-permission.js'
import { ApiError } from '../../errors/api-error.js'
import { errorResponseSchema } from '../../errors/error-response-schema.js'
import { pageQueryFields, pageRequestOf, readPage } from '../listing/page-query.js'
import { gatherConfirmedIndicators } from './gather-confirmed-indicators.js'
import { producerOf, type SharingSettings } from './sharing-settings.js'
import { sharingExportViewSchema, toSharingExportView } from './sharing-export-view.js'

/** Options of {@link registerSharingExportRoutes}. */
export type SharingExportRoutesOptions = { readonly store: Store; readonly settings: SharingSettings }

const errors = { 400: errorResponseSchema, 401: errorResponseSchema, 403: errorResponseSchema }
const timeOrDate = z
  .union([z.iso.date(), z.iso.datetime({ offset: true })])
  .describe('A date (`2026-11-01`, midnight UTC) or an RFC 3339 time.')

const createBody = z
  .object({
    format: z.enum(sharingExportFormats).describe('`stix` (a STIX 2.1 bundle, also served over TAXII) or `misp`.'),
    tlp: z
      .enum(['clear', 'green', 'amber', 'amber+strict', 'red'] as const)
      .refine(
        (level) => level !== 'red',
        'TLP:RED never leaves the organisation: choose clear, green, amber or amber+strict',
      )
      .describe('The TLP 2.0 level of every indicator; `red` is refused.'),
    hashed: z
      .boolean()
      .default(false)
      .describe('Privacy-preserving mode: keyed hashes under the consortium key instead of values.'),
    decidedFrom: timeOrDate.optional().describe('Only decisions made at or after this time.'),
    decidedBefore: timeOrDate.optional().describe('Only decisions made before this time.'),
    clusterId: z.string().trim().min(1).max(200).optional().describe('Only this persona cluster.'),
    confidence: z.number().int().min(0).max(100).default(90).describe('STIX confidence, 0 to 100; 90 by default.'),
    attributedTo: z
      .string()
      .trim()
      .min(1)
      .max(200)
      .optional()
      .describe('The intrusion set the indicators are attributed to, e.g. `Famous Chollima`.'),
  })
  .meta({ id: 'NewSharingExport' })

const withheldSchema = z.object({
  kind: z.string(),
  value: z.string(),
  reason: z.string().describe('`invalid-value` or `range-not-hashable` (TLP:RED is refused before this).'),
  message: z.string(),
})
const createdSchema = z
  .object({
    export: sharingExportViewSchema,
    withheld: z.array(withheldSchema).describe('Indicators kept back, with why.'),
  })
  .meta({ id: 'CreatedSharingExport' })

/**
 * The admin's export action: `POST /v1/sharing/exports` gathers the indicators of every application confirmed as
 * fraud (or the selection's), writes them as a STIX 2.1 bundle or a MISP event with `@hirewall/sharing`, stores the
 * document, publishes a STIX export's objects to the TAXII collection of its TLP, and writes `sharing.exported` to
 * the audit log, all in one transaction. `GET /v1/sharing/exports` lists exports; `GET /v1/sharing/exports/:id`
 * downloads one (audited as `sharing-export.downloaded`). All under `sharing.export`: signed-in admins only, no API
 * key, because nothing may leave without a person's decision.
 */
export function registerSharingExportRoutes(app: FastifyInstance, options: SharingExportRoutesOptions): void {
  const { store, settings } = options
  const typed = app.withTypeProvider<ZodTypeProvider>()
  const guard = requirePermission('sharing.export')
  const actorOf = (request: FastifyRequest): string =>
    request.principal === null ? 'unknown' : describePrincipal(request.principal)

  typed.post(
    '/v1/sharing/exports',
    {
      preHandler: guard,
      schema: {
        tags: ['sharing'],
        summary: 'Export confirmed-fraud indicators as STIX 2.1 or MISP (admins, audited)',
        body: createBody,
        response: { 201: createdSchema, ...errors },
      },
    },
    async (request, reply) => {
      const body = request.body
      const tlp = exportTlpLevels.find((level) => level === body.tlp)
      if (tlp === undefined) throw new Error('the schema refuses TLP:RED')
      const selection = selectionOf(body)
      if (body.hashed && settings.consortiumKey === undefined) {
        throw invalid(
          'body.hashed',
          'the server has no consortium key: start it with HIREWALL_CONSORTIUM_KEY_FILE naming the key file',
          'no_consortium_key',
        )
      }
      const actor = actorOf(request)
      const producer = producerOf(settings)
      const createdAt = new Date().toISOString()
      // Gathered outside a transaction (reads only), so a long export does not hold a connection; the store writes the
      // export, its TAXII objects and its audit entry in one transaction.
      const gathered = await gatherConfirmedIndicators(
        store,
        selection,
        { tlp, confidence: body.confidence, attributedTo: body.attributedTo },
        settings,
      )
      if (gathered.indicators.length === 0) {
        throw invalid(
          'body',
          'no application or cluster decided confirmed-fraud matches the selection',
          'nothing_to_export',
        )
      }
      const hashing =
        body.hashed && settings.consortiumKey !== undefined ? { consortiumKey: settings.consortiumKey } : undefined
      const exportOptions = { producer: { name: producer }, createdAt, ...(hashing === undefined ? {} : { hashing }) }
      const written = writeExport(body.format, gathered.indicators, exportOptions)
      const { record } = written
      const stored = await store.sharingExports.record({
        format: body.format,
        tlp,
        isHashed: hashing !== undefined,
        keyFingerprint: record.keyFingerprint ?? null,
        selection: selectionView(body),
        actor,
        indicatorCount: record.exported.length,
        withheldCount: record.withheld.length,
        objectCount: written.objects?.length ?? record.exported.length,
        document: written.document,
        published: written.objects ?? [],
        audit: {
          action: 'sharing.exported',
          details: {
            format: body.format,
            tlp,
            isHashed: hashing !== undefined,
            ...(record.keyFingerprint === undefined ? {} : { keyFingerprint: record.keyFingerprint }),
            selection: selectionView(body),
            decisions: gathered.decisionCount,
            applications: gathered.applicationCount,
            exportedByKind: countByKind(record.exported),
            withheldByReason: countBy(record.withheld.map((item) => item.reason)),
            publishedToTaxii: written.objects !== undefined,
          },
        },
      })
      return reply.code(201).send({
        export: toSharingExportView(stored),
        withheld: record.withheld.map((item) => ({
          kind: item.indicator.kind,
          value: item.indicator.value,
          reason: item.reason,
          message: item.message,
        })),
      })
    },
  )

  typed.get(
    '/v1/sharing/exports',
    {
      preHandler: guard,
      schema: {
        tags: ['sharing'],
        summary: 'Past exports, newest first',
        querystring: z.strictObject({ ...pageQueryFields }),
        response: {
          200: z.object({ items: z.array(sharingExportViewSchema), nextCursor: z.string().nullable() }),
          ...errors,
        },
      },
    },
    async (request) => {
      const page = await readPage(() => store.sharingExports.list(pageRequestOf(request.query)))
      return { items: page.items.map(toSharingExportView), nextCursor: page.nextCursor ?? null }
    },
  )

  typed.get(
    '/v1/sharing/exports/:id',
    {
      preHandler: guard,
      schema: {
        tags: ['sharing'],
        summary: 'Download an export: the STIX bundle or MISP event exactly as it left (audited)',
        params: z.object({ id: z.string().min(1).max(100).describe('The export id.') }),
        response: { 200: z.unknown(), 404: errorResponseSchema, ...errors },
      },
    },
    async (request, reply) => {
      const found = await store.sharingExports.find(request.params.id)
      if (found === undefined) throw new ApiError('NOT_FOUND', 'No such export.')
      await store.audit.append({
        actor: actorOf(request),
        action: 'sharing-export.downloaded',
        target: `sharing-export:${found.id}`,
        details: { format: found.format, tlp: found.tlp, indicators: found.indicatorCount },
      })
      const extension = found.format === 'stix' ? 'stix.json' : 'misp.json'
      return reply
        .header('content-disposition', `attachment; filename="hirewall-export-${found.id}.${extension}"`)
        .header('cache-control', 'no-store')
        .send(found.document)
    },
  )
}

type CreateBody = z.infer<typeof createBody>

type WrittenExport = {
  readonly record: ExportRecord
  readonly document: unknown
  /** A STIX export's objects, published over TAXII; none for MISP. */
  readonly objects: readonly PublishedObject[] | undefined
}

function writeExport(
  format: SharingExportFormat,
  indicators: readonly SharedIndicator[],
  options: StixExportOptions,
): WrittenExport {
  switch (format) {
    case 'stix': {
      const stix = exportStixBundle(indicators, options)
      return { record: stix, document: stix.bundle, objects: stix.bundle.objects }
    }
    case 'misp': {
      const misp = exportMispEvent(indicators, options)
      return { record: misp, document: misp.event, objects: undefined }
    }
    default:
      return assertNever(format)
  }
}

function selectionOf(body: CreateBody): ConfirmedFraudSelection {
  const from = body.decidedFrom === undefined ? undefined : new Date(body.decidedFrom)
  const before = body.decidedBefore === undefined ? undefined : new Date(body.decidedBefore)
  if (from !== undefined && before !== undefined && from >= before) {
    throw invalid('body.decidedBefore', 'must be after decidedFrom', 'invalid_range')
  }
  return {
    ...(from === undefined ? {} : { decidedFrom: from }),
    ...(before === undefined ? {} : { decidedBefore: before }),
    ...(body.clusterId === undefined ? {} : { clusterId: body.clusterId }),
  }
}

function selectionView(body: CreateBody): Readonly<Record<string, unknown>> {
  return {
    ...(body.decidedFrom === undefined ? {} : { decidedFrom: body.decidedFrom }),
    ...(body.decidedBefore === undefined ? {} : { decidedBefore: body.decidedBefore }),
    ...(body.clusterId === undefined ? {} : { clusterId: body.clusterId }),
    confidence: body.confidence,
    ...(body.attributedTo === undefined ? {} : { attributedTo: body.attributedTo }),
  }
}

function invalid(path: string, message: string, code: string): ApiError {
  return new ApiError('VALIDATION_FAILED', 'The request has one problem; see details.issues.', {
    issues: [{ path, message, code }],
  })
}

function countByKind(exported: ExportRecord['exported']): Readonly<Record<string, number>> {
  return countBy(exported.map((item) => item.kind))
}

function countBy(values: readonly string[]): Readonly<Record<string, number>> {
  const counts: Record<string, number> = {}
  for (const value of values) counts[value] = (counts[value] ?? 0) + 1
  return counts
}
