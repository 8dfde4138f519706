// The parts of oidc-provider (which ships no types) that the tests' OpenID Provider uses.
declare module 'oidc-provider' {
  import type { IncomingMessage, ServerResponse } from 'node:http'

  export type AccountClaims = { readonly sub: string } & Readonly<Record<string, unknown>>
  export type Account = {
    readonly accountId: string
    claims(use: string, scope: string): Promise<AccountClaims> | AccountClaims
  }
  export type ClientMetadata = Readonly<Record<string, unknown>> & { readonly client_id: string }
  export type Configuration = {
    readonly clients?: readonly ClientMetadata[]
    readonly findAccount?: (context: unknown, id: string) => Promise<Account | undefined> | Account | undefined
    readonly claims?: Readonly<Record<string, readonly string[]>>
    readonly cookies?: { readonly keys?: readonly string[] }
    readonly features?: Readonly<Record<string, unknown>>
    readonly pkce?: { readonly required?: () => boolean }
    readonly ttl?: Readonly<Record<string, number>>
  }

  export class Provider {
    constructor(issuer: string, configuration?: Configuration)
    callback(): (request: IncomingMessage, response: ServerResponse) => void
    on(event: string, listener: (...args: unknown[]) => void): this
  }
  export default Provider
}
