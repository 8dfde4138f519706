import { createHash } from 'node:crypto'
import { severities } from '@hirewall/core'
import { tlpLevels } from '@hirewall/sharing'
import type { NewWatchlistEntry, Store, Watchlist } from '@hirewall/store'
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { requirePermission } from '../../auth/require-permission.js'
import { ApiError } from '../../errors/api-error.js'
import { errorResponseSchema } from '../../errors/error-response-schema.js'
import {
  detectWatchlistFormat,
  readWatchlistFile,
  watchlistFileFormats,
  type RejectedIndicator,
} from '../../watchlists/read-watchlist-file.js'
import { rescreenAffected, type RescreenAffectedContext } from '../../watchlists/rescreen-affected.js'
import { actorLabel } from '../audit/actor-label.js'
import { rescreenStartedSchema, toWatchlistView, watchlistViewSchema } from './watchlist-views.js'

/** The largest watchlist file accepted: 10 MiB. */
export const watchlistImportLimitBytes = 10 * 1024 * 1024

/** The most rejected rows an answer lists one by one; `rejectedCount` counts them all. */
export const maxListedRejections = 1000

/** The content types a watchlist file may have, and how each is read. */
export const watchlistImportContentTypes = {
  'text/csv': 'csv',
  'application/json': 'json',
  'application/stix+json': 'json',
} as const

const importModes = ['per-row', 'all-or-nothing'] as const

const importQuery = z.strictObject({
  format: z
    .enum(watchlistFileFormats)
    .optional()
    .describe('Default: `csv` for text/csv; for JSON, `stix` when the document is a bundle, else `misp`.'),
  mode: z
    .enum(importModes)
    .default('per-row')
    .describe(
      '`per-row` stores the good indicators and reports each bad one; `all-or-nothing` stores none if one is bad.',
    ),
  source: z
    .string()
    .trim()
    .min(1)
    .max(500)
    .optional()
    .describe('The source of CSV rows that name none; default the file name or the caller.'),
  tlp: z.enum(tlpLevels).optional().describe('The TLP of indicators that state none; default amber.'),
  severity: z.enum(severities).optional().describe('The severity of indicators that state none; default high.'),
  fileName: z.string().trim().min(1).max(255).optional().describe('Shown in the audit log and as the default source.'),
})

const placeSchema = {
  line: z.number().int().optional().describe('CSV: the line (the header is line 1).'),
  field: z.string().optional().describe('CSV: the column.'),
  path: z.string().optional().describe('STIX or MISP: the JSON path (`objects[3].pattern`).'),
}

const importResponse = z
  .object({
    watchlist: watchlistViewSchema,
    format: z.enum(watchlistFileFormats),
    mode: z.enum(importModes),
    added: z.number().int().describe('Indicators stored now.'),
    alreadyListed: z.number().int().describe('Indicators the list held already (however written): left as they were.'),
    repeated: z.number().int().describe('Indicators the file lists more than once: stored once.'),
    rejectedCount: z.number().int(),
    rejected: z
      .array(z.object({ ...placeSchema, message: z.string() }))
      .describe(`Each indicator not stored and why (the first ${maxListedRejections}).`),
    unsupported: z
      .array(z.object({ path: z.string().optional(), type: z.string(), message: z.string() }))
      .describe('STIX objects or MISP attributes no watchlist holds (malware, attack patterns): not errors.'),
    rescreen: rescreenStartedSchema,
  })
  .meta({ id: 'WatchlistImport' })

type ImportRouteOptions = {
  readonly store: Store
  readonly findList: (id: string) => Promise<Watchlist>
  readonly rescreenContext: RescreenAffectedContext
}

const checkManage = requirePermission('intel.manage')

/**
 * `POST /v1/watchlists/:id/imports`: the file is the raw request body, a watchlist CSV (`text/csv`), a STIX 2.1
 * bundle or a MISP event (`application/json`). It is read with the intel and sharing parsers, its indicators are
 * stored in one transaction (an indicator the list holds already is left as it was) and written to the audit log,
 * and the applications they may affect are re-screened in the background.
 */
export async function registerWatchlistImportRoute(app: FastifyInstance, options: ImportRouteOptions): Promise<void> {
  const { store } = options
  await app.register((scope, _options, done) => {
    scope.removeAllContentTypeParsers()
    scope.addContentTypeParser(
      Object.keys(watchlistImportContentTypes),
      { parseAs: 'buffer', bodyLimit: watchlistImportLimitBytes },
      (request: FastifyRequest, body: Buffer, parsed: (error: null, body?: undefined) => void) => {
        request.rawBody = body
        parsed(null)
      },
    )
    scope.withTypeProvider<ZodTypeProvider>().post(
      '/v1/watchlists/:id/imports',
      {
        bodyLimit: watchlistImportLimitBytes,
        // Checked before the body is read: nobody without the permission makes the server read a file.
        onRequest: (request: FastifyRequest, reply: FastifyReply) => checkManage.call(scope, request, reply),
        schema: {
          tags: ['intelligence'],
          summary: 'Import a file of indicators into a watchlist (CSV, STIX 2.1 bundle or MISP event)',
          description:
            'The file is the raw request body: `text/csv` (the watchlist CSV of docs/intel/watchlists.md, with the ' +
            'optional source, tlp and confidence columns) or `application/json` (a STIX 2.1 bundle or a MISP event). ' +
            `Up to ${watchlistImportLimitBytes} bytes. Bad rows are reported by line or JSON path.`,
          params: z.object({ id: z.string().describe('The watchlist id.') }),
          querystring: importQuery,
          response: {
            200: importResponse,
            400: errorResponseSchema,
            401: errorResponseSchema,
            403: errorResponseSchema,
            404: errorResponseSchema,
            413: errorResponseSchema,
            415: errorResponseSchema,
          },
        },
      },
      async (request) => {
        const actor = actorLabel(request)
        const watchlist = await options.findList(request.params.id)
        const body = request.rawBody
        if (body === null || body.length === 0) {
          throw new ApiError('BAD_REQUEST', 'The file is empty: send it as the request body.', {})
        }
        const query = request.query
        const contentKind = contentKindOf(request.headers['content-type'])
        const text = body.toString('utf8')
        const document = contentKind === 'json' ? readJson(text) : text
        const format = query.format ?? detectWatchlistFormat(contentKind, document)
        const fileContent = format === 'csv' ? text : contentKind === 'json' ? document : readJson(text)
        const reading = readWatchlistFile(format, fileContent, {
          source: query.source ?? query.fileName ?? actor,
          tlp: query.tlp,
          severity: query.severity,
          addedBy: actor,
        })
        if (reading.status === 'invalid') throw fileProblems(reading.issues, `The ${format} file cannot be imported`)
        if (query.mode === 'all-or-nothing' && reading.rejected.length > 0) {
          throw fileProblems(reading.rejected, 'Nothing was imported: the file has indicators that cannot be stored')
        }
        const seen = new Set<string>()
        const unique: NewWatchlistEntry[] = []
        for (const { entry } of reading.accepted) {
          const key = `${entry.kind}\u0000${entry.normalised}`
          if (seen.has(key)) continue
          seen.add(key)
          unique.push(entry)
        }
        const sha256 = createHash('sha256').update(body).digest('hex')
        const { added, existing } = await store.transaction(async (repositories) => {
          const result = await repositories.watchlists.addEntries(watchlist.id, unique)
          await repositories.audit.append({
            actor,
            action: 'watchlist.imported',
            target: `watchlist:${watchlist.id}`,
            details: {
              format,
              mode: query.mode,
              ...(query.fileName === undefined ? {} : { fileName: query.fileName }),
              sha256,
              sizeBytes: body.length,
              added: result.added.length,
              alreadyListed: result.existing.length,
              rejected: reading.rejected.length,
            },
          })
          return result
        })
        const rescreen = await rescreenAffected(options.rescreenContext, added, actor)
        const now = await options.findList(watchlist.id)
        return {
          watchlist: toWatchlistView(now),
          format,
          mode: query.mode,
          added: added.length,
          alreadyListed: existing.length,
          repeated: reading.accepted.length - unique.length,
          rejectedCount: reading.rejected.length,
          rejected: reading.rejected.slice(0, maxListedRejections).map((item) => ({ ...item })),
          unsupported: reading.unsupported.map((item) => ({ ...item })),
          rescreen,
        }
      },
    )
    done()
  })
}

// The parser admits only the listed types, so what is left after dropping parameters is one of them.
function contentKindOf(header: string | undefined): 'csv' | 'json' {
  const type = (header ?? '').split(';', 1)[0]?.trim().toLowerCase() ?? ''
  const kind = (watchlistImportContentTypes as Readonly<Record<string, 'csv' | 'json'>>)[type]
  if (kind !== undefined) return kind
  throw new ApiError('UNSUPPORTED_MEDIA_TYPE', 'Send the file as text/csv or application/json.', {
    contentType: header ?? null,
  })
}

function readJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown
  } catch (error) {
    throw new ApiError(
      'BAD_REQUEST',
      `The file is not JSON: ${error instanceof Error ? error.message : String(error)}.`,
      {},
    )
  }
}

/** The file's problems as a validation error: a JSON path under `body`, or `body` with the CSV line and column. */
function fileProblems(problems: readonly RejectedIndicator[], sentence: string): ApiError {
  const issues = problems.slice(0, maxListedRejections).map((problem) => ({
    path: problem.path === undefined ? 'body' : `body.${problem.path}`,
    message: problem.message,
    code: 'invalid_indicator',
    ...(problem.line === undefined ? {} : { line: problem.line }),
    ...(problem.field === undefined ? {} : { field: problem.field }),
  }))
  const count = problems.length === 1 ? 'one problem' : `${problems.length} problems`
  return new ApiError('VALIDATION_FAILED', `${sentence}: ${count}; see details.issues.`, { issues })
}
