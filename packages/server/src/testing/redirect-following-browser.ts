import type { FastifyInstance } from 'fastify'

/** One response the browser saw, in order. */
export type BrowserStep = {
  readonly url: string
  readonly status: number
  readonly location: string | undefined
  readonly body: string
  /** The `Set-Cookie` lines of the response. */
  readonly setCookies: readonly string[]
}

type StoredCookie = { readonly value: string; readonly path: string }

/**
 * A minimal browser for flows that cross origins: it keeps cookies per host (honouring `Path` and `Max-Age=0`),
 * follows redirects, and sends requests for `appOrigin` to the in-process app (`inject`) and every other URL over the
 * network (`fetch`). Enough to drive single sign-on through a real OpenID Provider at the HTTP boundary.
 */
export class RedirectFollowingBrowser {
  readonly #app: FastifyInstance
  readonly #appOrigin: string
  readonly #cookies = new Map<string, Map<string, StoredCookie>>()

  constructor(app: FastifyInstance, appOrigin: string) {
    this.#app = app
    this.#appOrigin = appOrigin
  }

  /** The cookie header this browser would send to `url`. */
  cookieHeaderFor(url: string): string {
    const { host, pathname } = new URL(url)
    const jar = this.#cookies.get(host) ?? new Map<string, StoredCookie>()
    return [...jar.entries()]
      .filter(([, cookie]) => pathname === cookie.path || pathname.startsWith(cookie.path.replace(/\/?$/, '/')))
      .map(([name, cookie]) => `${name}=${cookie.value}`)
      .join('; ')
  }

  /**
   * Requests `url` and follows redirects (at most 20); returns every response on the way. With `stopBefore`, a
   * redirect to a URL starting with it is not followed (the last step's `location` holds it), so a test can alter it.
   */
  async navigate(
    url: string,
    init: {
      readonly method?: 'GET' | 'POST'
      readonly form?: Record<string, string>
      readonly stopBefore?: string
    } = {},
  ): Promise<BrowserStep[]> {
    const steps: BrowserStep[] = []
    let current = new URL(url, this.#appOrigin).href
    let method = init.method ?? 'GET'
    let form = init.form
    for (let hop = 0; hop < 20; hop += 1) {
      const step = await this.#request(current, method, form)
      steps.push(step)
      if (step.location === undefined || step.status < 300 || step.status >= 400) return steps
      current = new URL(step.location, current).href
      if (init.stopBefore !== undefined && current.startsWith(init.stopBefore)) return steps
      method = 'GET'
      form = undefined
    }
    throw new Error(`too many redirects from ${url}`)
  }

  async #request(url: string, method: 'GET' | 'POST', form: Record<string, string> | undefined): Promise<BrowserStep> {
    const cookie = this.cookieHeaderFor(url)
    const body = form === undefined ? undefined : new URLSearchParams(form).toString()
    const headers: Record<string, string> = { accept: 'text/html,application/json' }
    if (cookie !== '') headers.cookie = cookie
    if (body !== undefined) headers['content-type'] = 'application/x-www-form-urlencoded'
    const parsed = new URL(url)
    if (parsed.origin === this.#appOrigin) {
      const response = await this.#app.inject({
        method,
        url: `${parsed.pathname}${parsed.search}`,
        headers: { ...headers, host: parsed.host },
        ...(body === undefined ? {} : { payload: body }),
      })
      const setCookie = response.headers['set-cookie']
      const setCookies = setCookie === undefined ? [] : Array.isArray(setCookie) ? setCookie : [setCookie]
      this.#store(parsed, setCookies)
      const location = response.headers.location
      return {
        url,
        status: response.statusCode,
        location: typeof location === 'string' ? location : undefined,
        body: response.body,
        setCookies,
      }
    }
    const response = await fetch(url, { method, headers, redirect: 'manual', ...(body === undefined ? {} : { body }) })
    const setCookies = response.headers.getSetCookie()
    this.#store(parsed, setCookies)
    return {
      url,
      status: response.status,
      location: response.headers.get('location') ?? undefined,
      body: await response.text(),
      setCookies,
    }
  }

  #store(url: URL, setCookies: readonly string[]): void {
    const jar = this.#cookies.get(url.host) ?? new Map<string, StoredCookie>()
    this.#cookies.set(url.host, jar)
    for (const line of setCookies) {
      const [pair = '', ...attributes] = line.split(';').map((part) => part.trim())
      const separator = pair.indexOf('=')
      const name = pair.slice(0, separator)
      const value = pair.slice(separator + 1)
      const pathAttribute = attributes.find((attribute) => attribute.toLowerCase().startsWith('path='))
      const path = pathAttribute?.slice(5) ?? '/'
      const isExpired = attributes.some(
        (attribute) => /^max-age=0$/i.test(attribute) || /^expires=Thu, 01 Jan 1970/i.test(attribute),
      )
      if (isExpired || value === '') jar.delete(name)
      else jar.set(name, { value, path })
    }
  }
}
