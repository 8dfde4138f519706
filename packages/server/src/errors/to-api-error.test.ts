import { describe, expect, it } from 'vitest'
import { ApiError } from './api-error.js'
import { toApiError } from './to-api-error.js'

const context = { requestId: 'req-7', bodyLimitBytes: 1024, contentType: 'application/xml' }

function fastifyError(code: string, statusCode: number, message = 'fastify says no'): Error {
  return Object.assign(new Error(message), { code, statusCode })
}

describe('toApiError', () => {
  it.each([
    ['body too large', fastifyError('FST_ERR_CTP_BODY_TOO_LARGE', 413), 'PAYLOAD_TOO_LARGE', 413],
    ['unknown media type', fastifyError('FST_ERR_CTP_INVALID_MEDIA_TYPE', 415), 'UNSUPPORTED_MEDIA_TYPE', 415],
    ['invalid JSON', fastifyError('FST_ERR_CTP_INVALID_JSON_BODY', 400), 'BAD_REQUEST', 400],
    ['empty JSON', fastifyError('FST_ERR_CTP_EMPTY_JSON_BODY', 400), 'BAD_REQUEST', 400],
    ['another Fastify 4xx', fastifyError('FST_ERR_BAD_URL', 400), 'BAD_REQUEST', 400],
    ['a 429 from a plugin', fastifyError('FST_TOO_MANY_REQUESTS', 429), 'RATE_LIMITED', 429],
    ['a 404 from a plugin', fastifyError('FST_ERR_NOT_FOUND', 404), 'NOT_FOUND', 404],
    ['an unlisted 4xx', fastifyError('FST_ERR_X', 418), 'BAD_REQUEST', 400],
    ['a plain error', new Error('connection refused to db.internal:5432'), 'INTERNAL', 500],
    [
      'the database restarting',
      Object.assign(new Error('terminating connection'), { code: '57P01' }),
      'UNAVAILABLE',
      503,
    ],
    [
      'a refused database connection',
      Object.assign(new Error('connect failed'), { code: 'ECONNREFUSED' }),
      'UNAVAILABLE',
      503,
    ],
    ['a 5xx Fastify error', fastifyError('FST_ERR_X', 502), 'INTERNAL', 500],
    ['a thrown string', 'oops', 'INTERNAL', 500],
    ['null', null, 'INTERNAL', 500],
    ['an ApiError', new ApiError('CONFLICT', 'Already there.'), 'CONFLICT', 409],
  ])('maps %s', (_name, error, code, status) => {
    const { apiError, isServerFault } = toApiError(error, context)
    expect(apiError.code).toBe(code)
    expect(apiError.status).toBe(status)
    expect(isServerFault).toBe(status >= 500)
  })

  it('answers a database that cannot be reached with 503 and Retry-After, naming no internals', () => {
    const { apiError, isServerFault } = toApiError(
      Object.assign(new Error('connect ECONNREFUSED 10.0.0.7:5432'), { code: 'ECONNREFUSED' }),
      context,
    )
    expect(isServerFault).toBe(true)
    expect(apiError.details).toEqual({ reason: 'database-unavailable' })
    expect(apiError.headers).toEqual({ 'retry-after': '1' })
    expect(apiError.message).not.toContain('10.0.0.7')
  })

  it('never passes an unknown error message to the client', () => {
    const { apiError } = toApiError(new Error('connection refused to db.internal:5432'), context)
    expect(apiError.message).not.toContain('db.internal')
    expect(apiError.details).toEqual({ requestId: 'req-7' })
  })

  it('replaces a JSON syntax error message, which quotes the body', () => {
    const syntax = Object.assign(new SyntaxError('Unexpected token "j", "jane@example.com" is not valid JSON'), {
      statusCode: 400,
    })
    expect(toApiError(syntax, context).apiError.message).toBe('The request body is not valid JSON.')
  })

  it('gives the limit of a too large body', () => {
    const { apiError } = toApiError(fastifyError('FST_ERR_CTP_BODY_TOO_LARGE', 413), context)
    expect(apiError.details).toEqual({ limitBytes: 1024 })
  })

  it.each([
    [
      'a nested field (zod)',
      'body',
      { instancePath: '/contacts/phones/0/value', keyword: 'invalid_type' },
      'body.contacts.phones[0].value',
    ],
    ['the whole body', 'body', { instancePath: '', keyword: 'invalid_type' }, 'body'],
    ['a query parameter', 'querystring', { instancePath: '/limit', keyword: 'too_big' }, 'querystring.limit'],
    [
      'a missing property (ajv)',
      'body',
      { instancePath: '/cv', keyword: 'required', params: { missingProperty: 'basics' } },
      'body.cv.basics',
    ],
    ['an escaped pointer', 'body', { instancePath: '/a~1b', keyword: 'x' }, 'body.a/b'],
  ])('gives the field path of %s', (_name, where, issue, path) => {
    const error = Object.assign(new Error('bad'), {
      code: 'FST_ERR_VALIDATION',
      statusCode: 400,
      validation: [{ message: 'is wrong', ...issue }],
      validationContext: where,
    })
    const { apiError } = toApiError(error, context)
    expect(apiError.code).toBe('VALIDATION_FAILED')
    expect(apiError.details).toEqual({ issues: [{ path, message: 'is wrong', code: issue.keyword }] })
  })
})
