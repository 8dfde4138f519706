/** How the service signs people in through an OpenID Provider (single sign-on); see docs/security.md. */
export type OidcSettings = {
  /** The provider's issuer identifier; its discovery document is at `<issuer>/.well-known/openid-configuration`. */
  readonly issuer: URL
  readonly clientId: string
  /** Sent to the token endpoint only; never logged. */
  readonly clientSecret: string
  /** Shown on the sign-in page: "Sign in with <displayName>". */
  readonly displayName: string
}

/** The flags and environment {@link readOidcSettings} reads. */
export type OidcSettingsInput = {
  /** `--oidc-issuer`, else `HIREWALL_OIDC_ISSUER`. */
  readonly issuer?: string | undefined
  /** `--oidc-name`, else `HIREWALL_OIDC_NAME`. */
  readonly displayName?: string | undefined
  readonly env: Readonly<Record<string, string | undefined>>
}

const loopbackHosts = new Set(['127.0.0.1', 'localhost', '[::1]'])

/**
 * The single sign-on settings, or `undefined` when no issuer is configured. Throws with a sentence naming the flag or
 * variable for a configuration that cannot work or is unsafe: an issuer that is not an https URL (plain http only
 * on 127.0.0.1 or localhost, for tests and development), or a missing client id or secret.
 */
export function readOidcSettings(input: OidcSettingsInput): OidcSettings | undefined {
  const given = clean(input.issuer) ?? clean(input.env.HIREWALL_OIDC_ISSUER)
  if (given === undefined) return undefined
  let issuer: URL
  try {
    issuer = new URL(given)
  } catch {
    throw new Error(`--oidc-issuer is not a URL: ${given}`)
  }
  if (issuer.search !== '' || issuer.hash !== '' || issuer.username !== '' || issuer.password !== '') {
    throw new Error('--oidc-issuer must be the issuer identifier: no query, fragment or credentials')
  }
  const isLoopback = loopbackHosts.has(issuer.hostname)
  if (issuer.protocol !== 'https:' && !(issuer.protocol === 'http:' && isLoopback)) {
    throw new Error(
      `--oidc-issuer must use https (plain http only for a provider on 127.0.0.1 or localhost): ${issuer.origin}`,
    )
  }
  const clientId = clean(input.env.HIREWALL_OIDC_CLIENT_ID)
  if (clientId === undefined) throw new Error('HIREWALL_OIDC_CLIENT_ID must be set when --oidc-issuer is')
  const clientSecret = clean(input.env.HIREWALL_OIDC_CLIENT_SECRET)
  if (clientSecret === undefined) throw new Error('HIREWALL_OIDC_CLIENT_SECRET must be set when --oidc-issuer is')
  const displayName = clean(input.displayName) ?? clean(input.env.HIREWALL_OIDC_NAME) ?? 'single sign-on'
  if (displayName.length > 60) throw new Error('--oidc-name must be at most 60 characters')
  return { issuer, clientId, clientSecret, displayName }
}

/** True when the issuer is plain http on a loopback address (allowed for tests and development only). */
export function isPlainHttpIssuer(settings: Pick<OidcSettings, 'issuer'>): boolean {
  return settings.issuer.protocol === 'http:'
}

function clean(value: string | undefined): string | undefined {
  const trimmed = value?.trim()
  return trimmed === undefined || trimmed === '' ? undefined : trimmed
}
