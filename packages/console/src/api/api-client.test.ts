import { afterEach, describe, expect, it, vi } from 'vitest'
import { callApi, onSessionEnded, withQuery } from './api-client'
import { ApiFailure, failureFrom } from './api-failure'

describe('withQuery', () => {
  it('leaves out undefined values and repeats lists', () => {
    expect(withQuery('/v1/applications', { outcome: ['review', 'hold'], signal: undefined, limit: 50 })).toBe(
      '/v1/applications?outcome=review&outcome=hold&limit=50',
    )
  })
  it('encodes values and answers the bare path without a query', () => {
    expect(withQuery('/v1/cases', { after: 'a+b/c=' })).toBe('/v1/cases?after=a%2Bb%2Fc%3D')
    expect(withQuery('/v1/cases', {})).toBe('/v1/cases')
  })
})

describe('failureFrom', () => {
  it('reads the house error with its field paths', () => {
    const failure = failureFrom(400, {
      error: {
        code: 'VALIDATION_FAILED',
        message: 'The request body has one problem; see details.issues.',
        details: { issues: [{ path: 'body.reason', message: 'must not be empty', code: 'too_small' }] },
      },
    })
    expect(failure).toBeInstanceOf(ApiFailure)
    expect([failure.status, failure.code, failure.fieldPaths]).toEqual([400, 'VALIDATION_FAILED', ['body.reason']])
  })
  it.each([
    [502, '<html>Bad gateway</html>', 'INTERNAL'],
    [418, { error: 'teapot' }, 'BAD_RESPONSE'],
  ])('copes with a %i that is not the house shape', (status, body, code) => {
    expect(failureFrom(status, body)).toMatchObject({ status, code, fieldPaths: [] })
  })
})

describe('callApi', () => {
  afterEach(() => vi.unstubAllGlobals())

  const answer = (status: number, body?: unknown) =>
    vi.fn(() =>
      Promise.resolve(
        new Response(body === undefined ? null : JSON.stringify(body), {
          status,
          headers: { 'content-type': 'application/json' },
        }),
      ),
    )

  it('sends JSON with the session cookie and reads JSON back', async () => {
    const fetch = answer(201, { id: 7 })
    vi.stubGlobal('fetch', fetch)
    await expect(callApi('POST', '/v1/things', { body: { a: 1 } })).resolves.toEqual({ id: 7 })
    const [path, init] = fetch.mock.calls[0] as unknown as [string, RequestInit]
    expect(path).toBe('/v1/things')
    expect(init).toMatchObject({ method: 'POST', credentials: 'same-origin', body: '{"a":1}' })
    expect((init.headers as Record<string, string>)['content-type']).toBe('application/json')
  })

  it('tells the app the session ended on a 401, except for the sign-in form', async () => {
    const ended = vi.fn()
    const stop = onSessionEnded(ended)
    vi.stubGlobal('fetch', answer(401, { error: { code: 'UNAUTHENTICATED', message: 'Sign in.' } }))
    await expect(callApi('GET', '/v1/cases')).rejects.toMatchObject({ status: 401 })
    await expect(callApi('POST', '/v1/session', { isSignIn: true })).rejects.toMatchObject({ status: 401 })
    expect(ended).toHaveBeenCalledTimes(1)
    stop()
  })

  it('turns a network failure into a failure the page can show', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(() => Promise.reject(new TypeError('Failed to fetch'))),
    )
    await expect(callApi('GET', '/v1/cases')).rejects.toMatchObject({ status: 0, code: 'NETWORK' })
  })

  it('answers undefined for 204', async () => {
    vi.stubGlobal('fetch', answer(204))
    await expect(callApi('DELETE', '/v1/session')).resolves.toBeUndefined()
  })
})
