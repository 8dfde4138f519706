import * as openid from 'openid-client'
import { isPlainHttpIssuer, type OidcSettings } from './oidc-settings.js'

/** What the provider says about the person, once the response, the tokens and the ID token have been checked. */
export type OidcIdentity = {
  readonly subject: string
  /** Lower-case, or `undefined` when the provider sent none. */
  readonly email: string | undefined
  /** Only a JSON `true` counts: a missing claim or the string `"true"` is not verified. */
  readonly isEmailVerified: boolean
}

/** A new authorization request: the URL to send the browser to, and what the callback must be checked against. */
export type OidcAuthorization = {
  readonly url: URL
  readonly state: string
  readonly nonce: string
  readonly codeVerifier: string
}

/** Why talking to the provider failed. */
export type OidcFailureReason =
  /** Discovery or a request to the provider failed (network, timeout, not an OpenID Provider). */
  | 'unavailable'
  /** The provider redirected back with an error (`access_denied` when the person cancelled). */
  | 'provider-error'
  /** The response, the token exchange or the ID token did not pass the checks. */
  | 'invalid-response'

/** A failure of {@link OidcRelyingParty}; `detail` is safe to log and audit (an error code, never a token). */
export class OidcFailure extends Error {
  readonly reason: OidcFailureReason
  readonly detail: string

  constructor(reason: OidcFailureReason, detail: string, options?: ErrorOptions) {
    super(`${reason}: ${detail}`, options)
    this.name = 'OidcFailure'
    this.reason = reason
    this.detail = detail
  }
}

/** Seconds each request to the provider may take (discovery, token, keys, userinfo). */
const providerTimeoutSeconds = 10

/**
 * The service as an OpenID Connect relying party (authorization code flow with PKCE S256, state and nonce), built on
 * openid-client. The provider's metadata is discovered on first use and kept for the life of the process; a failed
 * discovery is not kept, so the next sign-in tries again. ID token signatures are checked against the provider's
 * keys (`enableNonRepudiationChecks`) on top of what the code flow over TLS already guarantees.
 */
export class OidcRelyingParty {
  readonly settings: OidcSettings
  /** `<public origin>/v1/session/oidc/callback`, registered at the provider. */
  readonly redirectUri: URL
  #configuration: openid.Configuration | undefined
  #discovery: Promise<openid.Configuration> | undefined

  constructor(settings: OidcSettings, redirectUri: URL) {
    this.settings = settings
    this.redirectUri = redirectUri
  }

  /** The provider's configuration, discovered once; throws {@link OidcFailure} `unavailable` when it cannot be. */
  async configuration(): Promise<openid.Configuration> {
    if (this.#configuration !== undefined) return this.#configuration
    // Concurrent first sign-ins share one discovery request.
    this.#discovery ??= this.#discover().finally(() => {
      this.#discovery = undefined
    })
    this.#configuration = await this.#discovery
    return this.#configuration
  }

  /** A new authorization request with fresh state, nonce and PKCE verifier. */
  async authorize(): Promise<OidcAuthorization> {
    const configuration = await this.configuration()
    const codeVerifier = openid.randomPKCECodeVerifier()
    const state = openid.randomState()
    const nonce = openid.randomNonce()
    const url = openid.buildAuthorizationUrl(configuration, {
      redirect_uri: this.redirectUri.href,
      scope: 'openid email profile',
      response_type: 'code',
      code_challenge: await openid.calculatePKCECodeChallenge(codeVerifier),
      code_challenge_method: 'S256',
      state,
      nonce,
    })
    return { url, state, nonce, codeVerifier }
  }

  /**
   * Checks the provider's redirect (`callbackQuery` is the raw query string) against the pending attempt, exchanges
   * the code with the PKCE verifier, checks the ID token (issuer, audience, expiry, nonce, signature) and reads the
   * email from it, or from the userinfo endpoint when the ID token does not carry it.
   */
  async identify(
    callbackQuery: string,
    expected: { readonly state: string; readonly nonce: string; readonly codeVerifier: string },
  ): Promise<OidcIdentity> {
    const configuration = await this.configuration()
    const currentUrl = new URL(this.redirectUri)
    currentUrl.search = callbackQuery
    let tokens: Awaited<ReturnType<typeof openid.authorizationCodeGrant>>
    try {
      tokens = await openid.authorizationCodeGrant(configuration, currentUrl, {
        pkceCodeVerifier: expected.codeVerifier,
        expectedState: expected.state,
        expectedNonce: expected.nonce,
        idTokenExpected: true,
      })
    } catch (error) {
      throw asFailure(error)
    }
    const claims = tokens.claims()
    if (claims === undefined) throw new OidcFailure('invalid-response', 'no ID token')
    let email: unknown = claims.email
    let verified: unknown = claims.email_verified
    if (email === undefined || verified === undefined) {
      try {
        const userInfo = await openid.fetchUserInfo(configuration, tokens.access_token, claims.sub)
        email = userInfo.email
        verified = userInfo.email_verified
      } catch (error) {
        throw asFailure(error)
      }
    }
    return {
      subject: claims.sub,
      email: typeof email === 'string' && email.trim() !== '' ? email.trim().toLowerCase() : undefined,
      isEmailVerified: verified === true,
    }
  }

  async #discover(): Promise<openid.Configuration> {
    const execute = [openid.enableNonRepudiationChecks]
    // Only ever a loopback issuer: readOidcSettings refuses plain http anywhere else.
    if (isPlainHttpIssuer(this.settings)) execute.push(openid.allowInsecureRequests)
    try {
      return await openid.discovery(
        this.settings.issuer,
        this.settings.clientId,
        this.settings.clientSecret,
        openid.ClientSecretPost(this.settings.clientSecret),
        { execute, timeout: providerTimeoutSeconds },
      )
    } catch (error) {
      throw new OidcFailure('unavailable', `discovery of ${this.settings.issuer.href} failed: ${describe(error)}`, {
        cause: error,
      })
    }
  }
}

function asFailure(error: unknown): OidcFailure {
  if (error instanceof OidcFailure) return error
  if (error instanceof openid.AuthorizationResponseError) {
    return new OidcFailure('provider-error', errorCode(error.error), { cause: error })
  }
  if (error instanceof openid.ResponseBodyError) {
    return new OidcFailure('invalid-response', `token endpoint: ${errorCode(error.error)}`, { cause: error })
  }
  if (error instanceof openid.ClientError) {
    return new OidcFailure('invalid-response', error.code ?? error.message, { cause: error })
  }
  // fetch failures (TypeError), timeouts (AbortError / TimeoutError): the provider did not answer.
  return new OidcFailure('unavailable', describe(error), { cause: error })
}

/** An OAuth error code as sent, cut to its safe characters (it ends up in logs and the audit log). */
function errorCode(value: string): string {
  return value.replace(/[^A-Za-z0-9_.-]/g, '').slice(0, 64) || 'unknown'
}

function describe(error: unknown): string {
  if (!(error instanceof Error)) return String(error)
  const cause = error.cause instanceof Error ? ` (${error.cause.message})` : ''
  return `${error.name}: ${error.message}${cause}`.slice(0, 300)
}
