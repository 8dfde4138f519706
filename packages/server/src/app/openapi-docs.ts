import swagger from '@fastify/swagger'
import swaggerUi from '@fastify/swagger-ui'
import type { FastifyInstance } from 'fastify'
import { jsonSchemaTransform, jsonSchemaTransformObject } from 'fastify-type-provider-zod'
import { sessionCookieName } from '../auth/session-token.js'

/**
 * The OpenAPI 3.1 document, built from the routes' zod schemas, at `/docs/openapi.json`, and Swagger UI at `/docs`.
 * Register it before any route: it collects routes as they are added.
 */
export async function registerOpenApiDocs(
  app: FastifyInstance,
  info: { readonly title: string; readonly version: string },
): Promise<void> {
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: info.title,
        version: info.version,
        description: 'Screens job applications for identity fraud. Errors: `{ error: { code, message, details } }`.',
      },
      components: {
        securitySchemes: {
          apiKey: { type: 'http', scheme: 'bearer', description: 'An API key: `Authorization: Bearer hw_…`.' },
          session: { type: 'apiKey', in: 'cookie', name: sessionCookieName, description: 'The console session.' },
        },
      },
    },
    transform: jsonSchemaTransform,
    transformObject: jsonSchemaTransformObject,
  })
  await app.register(swaggerUi, { routePrefix: '/docs' })
  app.get('/docs/openapi.json', { schema: { hide: true } }, () => app.swagger())
}
