import type { FastifyInstance, LightMyRequestResponse } from 'fastify'
import { testOrigin, type AuthHeaders } from './test-app.js'

/** A sign-in through `POST /v1/session`, and the headers that send its cookie back (with the app's origin). */
export type SignedIn = {
  readonly response: LightMyRequestResponse
  /** `cookie` and `origin`; empty when the sign-in failed. */
  readonly headers: AuthHeaders
}

/**
 * Signs in over HTTP as a browser on the console's origin would (needs `registerSessionRoutes` on `app`), from
 * `remoteAddress` (127.0.0.1 by default) so that tests of per-IP limits can keep apart.
 */
export async function signInAs(
  app: FastifyInstance,
  email: string,
  password: string,
  options: { readonly headers?: Readonly<Record<string, string>>; readonly remoteAddress?: string } = {},
): Promise<SignedIn> {
  const response = await app.inject({
    method: 'POST',
    url: '/v1/session',
    headers: { origin: testOrigin, ...options.headers },
    payload: { email, password },
    ...(options.remoteAddress === undefined ? {} : { remoteAddress: options.remoteAddress }),
  })
  const setCookie = response.headers['set-cookie']
  const cookie = (Array.isArray(setCookie) ? setCookie[0] : setCookie)?.split(';', 1)[0]
  return { response, headers: response.statusCode === 200 && cookie ? { cookie, origin: testOrigin } : {} }
}
