import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import Provider from 'oidc-provider'

/** A person at the test provider: the claims it vouches for. */
export type TestOidcAccount = {
  readonly email?: string
  readonly email_verified?: boolean | string
}

/** A real OpenID Provider (oidc-provider) on 127.0.0.1 with one confidential client, for the single sign-on tests. */
export type TestOidcProvider = {
  /** `http://127.0.0.1:<port>` */
  readonly issuer: string
  readonly clientId: string
  readonly clientSecret: string
  readonly close: () => Promise<void>
}

/**
 * Starts oidc-provider on a free port of 127.0.0.1 with a client allowed to redirect to `redirectUri`, PKCE required,
 * and its development login and consent pages (any password; the login names the account). Accounts are looked up in
 * `accounts` by that name.
 */
export async function startTestOidcProvider(options: {
  readonly redirectUri: string
  readonly accounts: Readonly<Record<string, TestOidcAccount>>
}): Promise<TestOidcProvider> {
  const server: Server = createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  const issuer = `http://127.0.0.1:${port}`
  const clientId = 'hirewall-test'
  const clientSecret = 'a-test-client-secret-that-is-long-enough-for-hs256'
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: clientId,
        client_secret: clientSecret,
        redirect_uris: [options.redirectUri],
        grant_types: ['authorization_code'],
        response_types: ['code'],
        token_endpoint_auth_method: 'client_secret_post',
      },
    ],
    findAccount: (_context, id) => {
      const account = options.accounts[id]
      if (account === undefined) return undefined
      return { accountId: id, claims: () => ({ sub: id, ...account }) }
    },
    claims: { openid: ['sub'], email: ['email', 'email_verified'] },
    cookies: { keys: ['test-cookie-signing-key'] },
    features: { devInteractions: { enabled: true } },
    pkce: { required: () => true },
    ttl: { Interaction: 600, Session: 3600, Grant: 3600, AccessToken: 600, IdToken: 600 },
  })
  server.on('request', provider.callback())
  return {
    issuer,
    clientId,
    clientSecret,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections()
        server.close((error) => (error ? reject(error) : resolve()))
      }),
  }
}
