import { existsSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import fastifyStatic from '@fastify/static'
import type { FastifyInstance } from 'fastify'
import { ApiError } from '../errors/api-error.js'

/** Options of {@link registerConsole}. */
export type ConsoleOptions = {
  /** The console's build output (the folder holding `index.html` and `assets/`); {@link consoleBuildDirectory} by default. */
  readonly root?: string
}

/** Paths the console never answers: the API and the operations endpoints keep their own JSON 404s. */
export const serverPathPrefixes = ['/v1', '/docs', '/healthz', '/readyz', '/metrics', '/webhooks'] as const

/** Where the console's build lands: `dist/` of the `@hirewall/console` workspace package. */
export function consoleBuildDirectory(): string {
  const require = createRequire(import.meta.url)
  return join(dirname(require.resolve('@hirewall/console/package.json')), 'dist')
}

/**
 * Serves the analyst console at `/`: its files as they were built, and `index.html` for any other GET that is not
 * an API or operations path, so the single-page app's own paths (`/applications/…`) survive a reload. Hashed assets
 * are cached for a year; `index.html` is revalidated each time so a new build shows at once.
 */
export async function registerConsole(app: FastifyInstance, options: ConsoleOptions = {}): Promise<void> {
  const root = options.root ?? consoleBuildDirectory()
  if (!existsSync(join(root, 'index.html'))) {
    throw new Error(`The console is not built: ${join(root, 'index.html')} is missing (run npm run build).`)
  }
  await app.register(async (scope) => {
    await scope.register(fastifyStatic, {
      root,
      prefix: '/',
      wildcard: false,
      index: false,
      schemaHide: true,
      cacheControl: false,
      setHeaders: (reply, path) => {
        const isHashedAsset = path.startsWith(join(root, 'assets'))
        reply.header('cache-control', isHashedAsset ? 'public, max-age=31536000, immutable' : 'no-cache')
      },
    })
    scope.get('/', { schema: { hide: true } }, (_request, reply) => reply.sendFile('index.html'))
    scope.get('/*', { schema: { hide: true } }, (request, reply) => {
      // The path without its query: a query string may carry personal data.
      const path = request.url.split('?', 1)[0] ?? ''
      if (isServerPath(path)) throw new ApiError('NOT_FOUND', `No route matches ${request.method} ${path}.`)
      // A missing script or stylesheet must fail loudly, not come back as the HTML page.
      if (/\.[a-z0-9]+$/i.test(path)) throw new ApiError('NOT_FOUND', `No file ${path} in the console build.`)
      return reply.sendFile('index.html')
    })
  })
}

function isServerPath(path: string): boolean {
  return serverPathPrefixes.some((prefix) => path === prefix || path.startsWith(`${prefix}/`))
}
