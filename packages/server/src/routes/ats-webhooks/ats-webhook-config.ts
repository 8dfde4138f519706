import { inboundWebhookVendors, type InboundWebhookVendor } from '../../webhooks/inbound-signature.js'
import { createLeverApi, type LeverApi } from './lever-api.js'

/** Signing secrets per vendor: several while one is rotated, or one per webhook (Lever gives each its own token). */
export type AtsWebhookSecrets = Readonly<Partial<Record<InboundWebhookVendor, readonly string[]>>>

/** The environment variable holding each vendor's secrets, comma-separated. */
export const atsWebhookSecretVariables = {
  greenhouse: 'HIREWALL_GREENHOUSE_SECRET',
  ashby: 'HIREWALL_ASHBY_SECRET',
  lever: 'HIREWALL_LEVER_SECRET',
} as const satisfies Record<InboundWebhookVendor, string>

/** The environment variables of Lever's API, which HireWall reads what Lever's webhooks point at from. */
export const leverApiVariables = { apiKey: 'HIREWALL_LEVER_API_KEY', baseUrl: 'HIREWALL_LEVER_API_URL' } as const

type Environment = Readonly<Record<string, string | undefined>>

/**
 * Each vendor's secrets from `HIREWALL_GREENHOUSE_SECRET`, `HIREWALL_ASHBY_SECRET` and `HIREWALL_LEVER_SECRET`:
 * comma-separated, blanks ignored. A vendor without any refuses every webhook (401).
 */
export function atsWebhookSecretsFromEnv(env: Environment): AtsWebhookSecrets {
  const secrets: Partial<Record<InboundWebhookVendor, readonly string[]>> = {}
  for (const vendor of inboundWebhookVendors) {
    const listed = (env[atsWebhookSecretVariables[vendor]] ?? '')
      .split(',')
      .map((secret) => secret.trim())
      .filter((secret) => secret !== '')
    if (listed.length > 0) secrets[vendor] = listed
  }
  return secrets
}

/** Lever's API from `HIREWALL_LEVER_API_KEY` (and `HIREWALL_LEVER_API_URL`), or undefined without a key. */
export function leverApiFromEnv(env: Environment): LeverApi | undefined {
  const apiKey = env[leverApiVariables.apiKey]?.trim()
  if (apiKey === undefined || apiKey === '') return undefined
  const baseUrl = env[leverApiVariables.baseUrl]?.trim()
  return createLeverApi({ apiKey, ...(baseUrl === undefined || baseUrl === '' ? {} : { baseUrl }) })
}
