import type { FastifyInstance, preHandlerHookHandler } from 'fastify'
import { ApiError } from '../errors/api-error.js'
import { findUnstorableText, unstorableTextMessage } from '../screening/find-unstorable-text.js'

const requestParts = ['params', 'query', 'body'] as const
/** The part's name in issue paths, as validation errors name it. */
const partNames = { params: 'params', query: 'querystring', body: 'body' } as const

/**
 * Refuses U+0000 or an unpaired surrogate anywhere in a path parameter, query value or JSON body (values and keys) with a 400 naming the field:
 * PostgreSQL jsonb cannot hold either (a query failed as a server fault) and text
 * turns a lone surrogate into U+FFFD (the text read back was not the text sent). Added as the last
 * preHandler of every route, so authentication, permissions and webhook signatures are checked first.
 */
export function rejectUnstorableText(app: FastifyInstance): void {
  app.addHook('onRoute', (route) => {
    const existing = route.preHandler
    const before = existing === undefined ? [] : Array.isArray(existing) ? existing : [existing]
    route.preHandler = [...before, checkRequestText]
  })
}

const checkRequestText: preHandlerHookHandler = function (request, _reply, done) {
  for (const part of requestParts) {
    const path = findUnstorableText(request[part], [partNames[part]])
    if (path !== undefined) {
      done(
        new ApiError('VALIDATION_FAILED', 'The request has one problem; see details.issues.', {
          issues: [{ path, message: unstorableTextMessage, code: 'invalid' }],
        }),
      )
      return
    }
  }
  done()
}
