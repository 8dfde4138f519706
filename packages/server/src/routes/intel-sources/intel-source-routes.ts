import type { IntelSourceRecord, Store } from '@hirewall/store'
import type { FastifyInstance } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { requirePermission } from '../../auth/require-permission.js'
import { errorResponseSchema } from '../../errors/error-response-schema.js'

const intelSourceViewSchema = z
  .object({
    kind: z.string().describe('`ofac-sdn`, `world-universities`, `watchlist`... or `package` for data shipped in npm.'),
    name: z.string().describe('How signals and `dataVersions` cite it (`ofac-sdn`, `watchlist:front-companies`).'),
    version: z.string().describe("The data's own date or version when it states one, else the date it was fetched."),
    fetchedAt: z.string().describe('When it was downloaded or imported (for a package, installed).'),
    loadedAt: z.string().describe('When a service process last loaded it.'),
    entries: z.number().int(),
    skipped: z.number().int().describe('Rows of its files the parser skipped (bad or repeated rows).'),
    origin: z.enum(['download', 'import', 'package']),
    sha256: z.string().describe("The file's SHA-256, or the combined checksum of a multi-file source."),
  })
  .meta({ id: 'IntelSource' })

function toIntelSourceView(source: IntelSourceRecord): z.infer<typeof intelSourceViewSchema> {
  return {
    kind: source.kind,
    name: source.name,
    version: source.version,
    fetchedAt: source.fetchedAt.toISOString(),
    loadedAt: source.loadedAt.toISOString(),
    entries: source.entries,
    skipped: source.skipped,
    origin: source.origin,
    sha256: source.sha256,
  }
}

/**
 * `GET /v1/intel/sources` (`intel.read`, viewers up): the reference sources the service loaded at its last start, by
 * kind and name. Watchlists kept in the database are listed by `GET /v1/watchlists`.
 */
export function registerIntelSourceRoutes(app: FastifyInstance, options: { readonly store: Store }): void {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/v1/intel/sources',
    {
      preHandler: requirePermission('intel.read'),
      schema: {
        tags: ['intelligence'],
        summary: 'The reference sources screening uses, with their version, date and entry count',
        response: {
          200: z.object({ items: z.array(intelSourceViewSchema) }),
          401: errorResponseSchema,
          403: errorResponseSchema,
        },
      },
    },
    async () => ({ items: (await options.store.intelSources.list()).map(toIntelSourceView) }),
  )
}
