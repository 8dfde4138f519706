import { StoreError, type Store, type TaxiiObjectPage, type TaxiiObjectQuery } from '@hirewall/store'
import type { FastifyInstance, FastifyReply, FastifyRequest, preHandlerAsyncHookHandler } from 'fastify'
import { describePrincipal } from '../../auth/principal.js'
import { requirePermission } from '../../auth/require-permission.js'
import { ApiError } from '../../errors/api-error.js'
import { producerOf, type SharingSettings } from '../sharing/sharing-settings.js'
import { findTaxiiCollection, taxiiCollectionOf, type TaxiiCollection } from './taxii-collections.js'
import { registerTaxiiErrorHandling, sendTaxii, sendTaxiiError, taxiiNotFound } from './taxii-error.js'
import { acceptsTaxii, stixMediaType, taxiiMediaType } from './taxii-media-types.js'
import { isStixId, readTaxiiQuery, type TaxiiRequestQuery } from './taxii-query.js'

/** Options of {@link registerTaxiiRoutes}. */
export type TaxiiRoutesOptions = { readonly store: Store; readonly settings: SharingSettings }

/** The one API root, `/taxii2/api1/`. */
export const taxiiApiRootPath = '/taxii2/api1/'

const otherMethods = ['POST', 'PUT', 'PATCH', 'DELETE'] as const

/**
 * A read-only TAXII 2.1 server at `/taxii2/`: discovery, the API root `api1`, one collection per TLP level that admin
 * exports published to, and each collection's objects, object versions and manifest, paged by `added_after`, `limit`
 * and `next` and filtered by `match[id|type|version|spec_version]`. Under `sharing.read` (API keys with the read
 * scope, signed-in admins); every read is written to the audit log with the key. Responses are
 * `application/taxii+json;version=2.1`; an `Accept` that allows no TAXII 2.1 answer gets 406; errors are TAXII error
 * messages. Collections cannot be written: adding or deleting objects is 403, other methods 405.
 */
export async function registerTaxiiRoutes(app: FastifyInstance, options: TaxiiRoutesOptions): Promise<void> {
  const { store, settings } = options
  const guard = requirePermission('sharing.read')
  const acceptable: preHandlerAsyncHookHandler = async (request) => {
    if (!acceptsTaxii(request.headers.accept)) {
      throw new ApiError('NOT_ACCEPTABLE', `This server answers ${taxiiMediaType} only.`, {
        accept: request.headers.accept ?? null,
        available: [taxiiMediaType],
      })
    }
    return Promise.resolve()
  }
  const audit = async (request: FastifyRequest, target: string, details: Readonly<Record<string, unknown>>) => {
    await store.audit.append({
      actor: request.principal === null ? 'unknown' : describePrincipal(request.principal),
      action: 'taxii.read',
      target,
      details: { path: request.url.split('?', 1)[0] ?? '', ...details },
    })
  }
  const send = (reply: FastifyReply, body: unknown, page?: TaxiiObjectPage): FastifyReply => {
    const first = page?.items[0]
    const last = page?.items.at(-1)
    if (first !== undefined && last !== undefined) {
      reply.header('x-taxii-date-added-first', first.dateAdded).header('x-taxii-date-added-last', last.dateAdded)
    }
    return sendTaxii(reply, body)
  }
  const objectIdOf = (request: FastifyRequest): string => {
    const { objectId } = request.params as { readonly objectId: string }
    if (!isStixId(objectId)) throw new ApiError('NOT_FOUND', 'No such object in this collection.', { objectId })
    return objectId
  }
  const collectionOf = (request: FastifyRequest): TaxiiCollection => {
    const { collectionId } = request.params as { readonly collectionId: string }
    const collection = findTaxiiCollection(collectionId)
    if (collection === undefined) throw new ApiError('NOT_FOUND', 'No such collection.', { collectionId })
    return collection
  }
  const readObjects = async (
    collection: TaxiiCollection,
    query: TaxiiRequestQuery,
    extra: Partial<TaxiiObjectQuery> = {},
  ) => {
    if (!query.isSpecVersionServed) return { items: [], next: undefined } satisfies TaxiiObjectPage
    try {
      return await store.taxiiObjects.objects({
        collection: collection.tlp,
        limit: query.limit,
        ...(query.addedAfter === undefined ? {} : { addedAfter: query.addedAfter }),
        ...(query.next === undefined ? {} : { next: query.next }),
        ...(query.ids === undefined ? {} : { ids: query.ids }),
        ...(query.types === undefined ? {} : { types: query.types }),
        ...(query.versions === undefined ? {} : { versions: query.versions }),
        ...extra,
      })
    } catch (error) {
      if (error instanceof StoreError && error.code === 'invalid-cursor') {
        throw new ApiError('VALIDATION_FAILED', 'The query parameter next is not one this server gave.', {
          issues: [{ path: 'querystring.next', message: 'is not a next this server gave', code: 'invalid_next' }],
        })
      }
      throw error
    }
  }
  const queryDetails = (query: TaxiiRequestQuery, page: TaxiiObjectPage) => ({
    returned: page.items.length,
    more: page.next !== undefined,
    limit: query.limit,
    ...(query.addedAfter === undefined ? {} : { addedAfter: query.addedAfter }),
    ...(query.types === undefined ? {} : { types: query.types }),
    ...(query.ids === undefined ? {} : { ids: query.ids.length }),
  })
  const collectionView = (collection: TaxiiCollection) => ({
    id: collection.id,
    title: collection.title,
    description: collection.description,
    can_read: true,
    can_write: false,
    media_types: [stixMediaType],
  })
  const envelope = (page: TaxiiObjectPage, items?: readonly unknown[]) => ({
    more: page.next !== undefined,
    ...(page.next === undefined ? {} : { next: page.next }),
    ...(page.items.length === 0 ? {} : { objects: items ?? page.items.map((item) => item.object) }),
  })

  await app.register(
    (scope) => {
      registerTaxiiErrorHandling(scope)
      // Adding objects is refused after the credentials are checked, so its body is taken unread.
      scope.addContentTypeParser(/^application\/(taxii|stix)\+json/i, { parseAs: 'string' }, (_request, _body, done) =>
        done(null, undefined),
      )
      const route = { preHandler: [guard, acceptable], schema: { hide: true } }
      const readOnly = (url: string, writeMethods: readonly string[] = []): void => {
        scope.route({
          method: [...otherMethods],
          url,
          ...route,
          handler: (request, reply) => {
            if (writeMethods.includes(request.method)) {
              throw new ApiError('FORBIDDEN', 'This collection is read-only (can_write is false).', {
                permission: 'sharing.read',
              })
            }
            reply.header('allow', 'GET, HEAD')
            throw new ApiError(
              'METHOD_NOT_ALLOWED',
              `${request.method} is not allowed here: this TAXII server is read-only.`,
              {
                allow: ['GET', 'HEAD'],
              },
            )
          },
        })
      }

      scope.get('/', route, async (request, reply) => {
        const origin = `${request.protocol}://${request.host}`
        await audit(request, 'taxii:discovery', {})
        return send(reply, {
          title: `${producerOf(settings)} TAXII server`,
          description:
            'Read-only TAXII 2.1 feed of confirmed identity-fraud indicators, published by HireWall exports.',
          default: `${origin}${taxiiApiRootPath}`,
          api_roots: [`${origin}${taxiiApiRootPath}`],
        })
      })
      readOnly('/')

      scope.get('/api1/', route, async (request, reply) => {
        await audit(request, 'taxii:api1', {})
        return send(reply, {
          title: settings.apiRootTitle ?? `${producerOf(settings)} confirmed identity fraud`,
          description: 'One collection per TLP level that has exported indicators; TLP:RED is never served.',
          versions: [taxiiMediaType],
          max_content_length: scope.initialConfig.bodyLimit ?? 0,
        })
      })
      readOnly('/api1/')

      scope.get('/api1/collections/', route, async (request, reply) => {
        const collections = (await store.taxiiObjects.collections()).map((summary) =>
          collectionView(taxiiCollectionOf(summary.collection)),
        )
        await audit(request, 'taxii:collections', { returned: collections.length })
        return send(reply, collections.length === 0 ? {} : { collections })
      })
      readOnly('/api1/collections/')

      scope.get('/api1/collections/:collectionId/', route, async (request, reply) => {
        const collection = collectionOf(request)
        const published = await store.taxiiObjects.collections()
        if (!published.some((summary) => summary.collection === collection.tlp)) {
          throw new ApiError('NOT_FOUND', 'No such collection.', { collectionId: collection.id })
        }
        await audit(request, `taxii-collection:${collection.tlp}`, {})
        return send(reply, collectionView(collection))
      })
      readOnly('/api1/collections/:collectionId/')

      scope.get('/api1/collections/:collectionId/objects/', route, async (request, reply) => {
        const collection = collectionOf(request)
        const query = readTaxiiQuery(request.query)
        const page = await readObjects(collection, query)
        await audit(request, `taxii-collection:${collection.tlp}`, {
          resource: 'objects',
          ...queryDetails(query, page),
        })
        return send(reply, envelope(page), page)
      })
      readOnly('/api1/collections/:collectionId/objects/', ['POST'])

      scope.get('/api1/collections/:collectionId/objects/:objectId/', route, async (request, reply) => {
        const collection = collectionOf(request)
        const objectId = objectIdOf(request)
        const query = readTaxiiQuery({ ...(request.query as object), 'match[id]': objectId })
        const page = await readObjects(collection, query)
        if (page.items.length === 0 && !(await isPublished(collection, objectId))) {
          throw new ApiError('NOT_FOUND', 'No such object in this collection.', { objectId })
        }
        await audit(request, `taxii-collection:${collection.tlp}`, {
          resource: 'object',
          objectId,
          ...queryDetails(query, page),
        })
        return send(reply, envelope(page), page)
      })
      readOnly('/api1/collections/:collectionId/objects/:objectId/', ['DELETE'])

      scope.get('/api1/collections/:collectionId/objects/:objectId/versions/', route, async (request, reply) => {
        const collection = collectionOf(request)
        const objectId = objectIdOf(request)
        const query = readTaxiiQuery({ ...(request.query as object), 'match[id]': objectId }, { versions: false })
        const page = await readObjects(collection, query, { versions: ['all'] })
        if (page.items.length === 0 && !(await isPublished(collection, objectId))) {
          throw new ApiError('NOT_FOUND', 'No such object in this collection.', { objectId })
        }
        await audit(request, `taxii-collection:${collection.tlp}`, {
          resource: 'versions',
          objectId,
          ...queryDetails(query, page),
        })
        return send(
          reply,
          {
            more: page.next !== undefined,
            ...(page.next === undefined ? {} : { next: page.next }),
            ...(page.items.length === 0 ? {} : { versions: page.items.map((item) => item.version) }),
          },
          page,
        )
      })
      readOnly('/api1/collections/:collectionId/objects/:objectId/versions/')

      scope.get('/api1/collections/:collectionId/manifest/', route, async (request, reply) => {
        const collection = collectionOf(request)
        const query = readTaxiiQuery(request.query)
        const page = await readObjects(collection, query)
        await audit(request, `taxii-collection:${collection.tlp}`, {
          resource: 'manifest',
          ...queryDetails(query, page),
        })
        const records = page.items.map((item) => ({
          id: item.id,
          date_added: item.dateAdded,
          version: item.version,
          media_type: stixMediaType,
        }))
        return send(reply, envelope(page, records), page)
      })
      readOnly('/api1/collections/:collectionId/manifest/')

      scope.all('/*', { schema: { hide: true } }, async (request, reply) =>
        sendTaxiiError(reply, taxiiNotFound(request.method, request.url), request.id),
      )
      return Promise.resolve()
    },
    { prefix: '/taxii2' },
  )

  async function isPublished(collection: TaxiiCollection, objectId: string): Promise<boolean> {
    const page = await store.taxiiObjects.objects({
      collection: collection.tlp,
      ids: [objectId],
      versions: ['all'],
      limit: 1,
    })
    return page.items.length > 0
  }
}
