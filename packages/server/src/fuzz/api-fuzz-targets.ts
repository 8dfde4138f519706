import { createHmac } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { defaultScoringPolicy } from '@hirewall/core'
import { anApplicationRecord } from '../testing/application-fixtures.js'
import type { AuthHeaders, TestApp } from '../testing/test-app.js'
import { hostileString } from './hostile-strings.js'
import type { SeededRandom } from './seeded-random.js'

/** The signing secrets the fuzzed app is built with, so hostile ATS bodies arrive with valid signatures. */
export const fuzzWebhookSecrets = {
  greenhouse: 'fuzz-greenhouse-secret',
  ashby: 'fuzz-ashby-secret',
  lever: 'fuzz-lever-secret',
} as const

/** Ids of things the run stored before fuzzing, so routes with path parameters reach their handlers. */
export type ApiFuzzContext = {
  readonly test: TestApp
  readonly applicationId: string
  readonly clusterId: string
  readonly caseId: string
  readonly subscriptionId: string
}

/** One endpoint: how to call it well; the run then breaks the body, query or path in every way it knows. */
export type ApiFuzzTarget = {
  readonly name: string
  readonly method: 'GET' | 'POST' | 'PATCH' | 'DELETE'
  /** The path; `param` is a well-formed id, or a hostile string when the run fuzzes the path. */
  readonly path: (context: ApiFuzzContext, param: string | undefined) => string
  /** A well-formed id for the path's parameter, if it has one. */
  readonly param?: (context: ApiFuzzContext) => string
  readonly headers: (context: ApiFuzzContext) => AuthHeaders
  /** A valid body (a fresh one per case: ids that must be unique are drawn from `random`). */
  readonly body?: (context: ApiFuzzContext, random: SeededRandom) => unknown
  /** A valid query. */
  readonly query?: Readonly<Record<string, string>>
  /** Headers computed over the exact bytes sent: the ATS signatures. */
  readonly sign?: (payload: Buffer) => Readonly<Record<string, string>>
  /**
   * A 503 with this `details.reason` is the endpoint's documented answer in the fuzzed app, not a fault: the app has
   * no job queue, so a whole-pool re-screen is refused as `no-job-queue`.
   */
  readonly documentedUnavailable?: string
  /** The schema trims these strings: an accepted one comes back trimmed, otherwise byte for byte. */
  readonly trimsStrings?: boolean
  /**
   * What to read after a 2xx to find the accepted strings in (default: the response body); undefined when the
   * endpoint keeps nothing it was sent (a password) or kept an earlier copy (a repeated delivery).
   */
  readonly readBack?: (context: ApiFuzzContext, response: unknown) => Promise<unknown>
}

const fixture = (name: string): unknown =>
  JSON.parse(readFileSync(new URL(`../webhooks/fixtures/${name}`, import.meta.url), 'utf8'))
const hmacHex = (secret: string, payload: Buffer): string => createHmac('sha256', secret).update(payload).digest('hex')
const uniqueId = (random: SeededRandom): string => `fuzz-${random.int(2 ** 31).toString(36)}-${random.int(2 ** 31)}`

/** Percent-encoding that survives lone surrogates (which `encodeURIComponent` throws on) as their WTF-8 bytes. */
export function percentEncode(text: string): string {
  try {
    return encodeURIComponent(text)
  } catch {
    return encodeURIComponent(text.replace(/[\ud800-\udfff]/g, '\ufffd')) + '%ED%A0%80'
  }
}

const id = percentEncode

const nothingKept = (): Promise<unknown> => Promise.resolve(undefined)

/** The body a webhook delivery was stored with, when it created an application (not for repeats or hires). */
async function storedRaw(context: ApiFuzzContext, response: unknown): Promise<unknown> {
  const { status, applicationId } = response as { status?: string; applicationId?: string }
  if (status !== 'screened' || applicationId === undefined) return undefined
  return (await context.test.store.applications.find(applicationId))?.raw
}

/** Every route group of the service that takes a body, a query or a path parameter from its caller. */
export const apiFuzzTargets: readonly ApiFuzzTarget[] = [
  {
    name: 'submit application',
    method: 'POST',
    path: () => '/v1/applications',
    headers: (context) => context.test.keys.submit,
    body: (_context, random) => anApplicationRecord(uniqueId(random)),
    readBack: async (context, response) => {
      const stored = (response as { application?: { id?: string } }).application?.id ?? ''
      const detail = await context.test.app.inject({
        method: 'GET',
        url: `/v1/applications/${id(stored)}`,
        headers: context.test.people.analyst,
      })
      return detail.json<{ record: unknown }>().record
    },
  },
  {
    name: 'rescreen',
    documentedUnavailable: 'no-job-queue',
    method: 'POST',
    path: () => '/v1/rescreen',
    headers: (context) => context.test.people.admin,
    body: (context) => ({ applicationIds: [context.applicationId] }),
  },
  {
    name: 'application decision',
    method: 'POST',
    path: (_context, param) => `/v1/applications/${id(param ?? '')}/decisions`,
    param: (context) => context.applicationId,
    headers: (context) => context.test.people.analyst,
    body: () => ({ verdict: 'needs-verification', reason: 'Asked for a video call.', note: 'Second look.' }),
    trimsStrings: true,
  },
  {
    name: 'cluster decision',
    method: 'POST',
    path: (_context, param) => `/v1/clusters/${id(param ?? '')}/decisions`,
    param: (context) => context.clusterId,
    headers: (context) => context.test.people.analyst,
    body: () => ({ verdict: 'needs-verification', reason: 'Shared phone across personas.' }),
    trimsStrings: true,
  },
  {
    name: 'case assignment',
    method: 'POST',
    path: (_context, param) => `/v1/cases/${id(param ?? '')}/assign`,
    param: (context) => context.caseId,
    headers: (context) => context.test.people.analyst,
    body: (context) => ({ assignee: context.test.people.analyst.userId }),
  },
  {
    name: 'create user',
    method: 'POST',
    path: () => '/v1/users',
    headers: (context) => context.test.people.admin,
    body: (_context, random) => ({ email: `${uniqueId(random)}@example.com`, role: 'viewer', displayName: 'Sam Doe' }),
    trimsStrings: true,
  },
  {
    name: 'change role',
    method: 'PATCH',
    path: (_context, param) => `/v1/users/${id(param ?? '')}`,
    param: (context) => context.test.people.viewer.userId,
    headers: (context) => context.test.people.admin,
    body: () => ({ role: 'viewer' }),
  },
  {
    name: 'create API key',
    method: 'POST',
    path: () => '/v1/api-keys',
    headers: (context) => context.test.people.admin,
    body: () => ({ name: 'ci import', scopes: ['read'], expiresAt: '2030-01-01T00:00:00Z' }),
    trimsStrings: true,
  },
  {
    name: 'policy backtest',
    // The report names the candidate's version only; nothing else it was sent is kept.
    readBack: nothingKept,
    method: 'POST',
    path: () => '/v1/policy/backtest',
    headers: (context) => context.test.people.admin,
    body: () => ({ policy: { ...defaultScoringPolicy }, sampleSize: 5 }),
  },
  {
    name: 'policy draft',
    method: 'POST',
    path: () => '/v1/policy/versions',
    headers: (context) => context.test.people.admin,
    body: (_context, random) => ({ policy: { ...defaultScoringPolicy, version: uniqueId(random) }, note: 'fuzzed' }),
    trimsStrings: true,
  },
  {
    name: 'sign in',
    readBack: nothingKept,
    method: 'POST',
    path: () => '/v1/session',
    headers: () => ({}),
    body: () => ({ email: 'viewer@example.com', password: 'not the password' }),
  },
  {
    name: 'change own password',
    readBack: nothingKept,
    method: 'POST',
    path: () => '/v1/me/password',
    headers: (context) => context.test.people.viewer,
    body: () => ({ currentPassword: 'not the password', newPassword: 'a new long passphrase' }),
  },
  {
    name: 'create webhook subscription',
    method: 'POST',
    path: () => '/v1/webhook-subscriptions',
    headers: (context) => context.test.people.admin,
    body: () => ({ url: 'https://hooks.example.com/hirewall', eventTypes: ['*'], description: 'SIEM' }),
    trimsStrings: true,
  },
  {
    name: 'rotate webhook secret',
    method: 'POST',
    path: (_context, param) => `/v1/webhook-subscriptions/${id(param ?? '')}/rotate-secret`,
    param: (context) => context.subscriptionId,
    headers: (context) => context.test.people.admin,
    body: () => ({ keepPreviousForSeconds: 60 }),
  },
  {
    name: 'Greenhouse webhook',
    method: 'POST',
    path: () => '/v1/webhooks/greenhouse',
    headers: () => ({ 'greenhouse-event-id': 'fuzz' }),
    body: () => fixture('greenhouse-new-candidate-application.json'),
    sign: (payload) => ({ signature: `sha256 ${hmacHex(fuzzWebhookSecrets.greenhouse, payload)}` }),
    readBack: storedRaw,
  },
  {
    name: 'Ashby webhook',
    method: 'POST',
    path: () => '/v1/webhooks/ashby',
    headers: () => ({}),
    body: () => fixture('ashby-application-submit.json'),
    sign: (payload) => ({ 'ashby-signature': `sha256=${hmacHex(fuzzWebhookSecrets.ashby, payload)}` }),
    readBack: storedRaw,
  },
  {
    // Lever signs only `token + triggeredAt`, in the body: a fresh token per case, signed before the body is broken.
    // Each event that names an opportunity makes the server fetch it from the fuzz run's Lever API, which answers
    // with a hostile opportunity of its own.
    name: 'Lever webhook',
    method: 'POST',
    path: () => '/v1/webhooks/lever',
    headers: () => ({}),
    body: (_context, random) => {
      const token = uniqueId(random)
      const triggeredAt = 1_772_384_700_512
      return {
        triggeredAt,
        event: random.pick(['applicationCreated', 'candidateStageChange', 'candidateHired']),
        data: { applicationId: uniqueId(random), contactId: uniqueId(random), opportunityId: uniqueId(random) },
        token,
        signature: hmacHex(fuzzWebhookSecrets.lever, Buffer.from(`${token}${triggeredAt}`, 'utf8')),
      }
    },
    readBack: nothingKept,
  },
  {
    // What the body names is only a filter and a label; an accepted string need not come back (no indicator matched).
    name: 'sharing export',
    method: 'POST',
    path: () => '/v1/sharing/exports',
    headers: (context) => context.test.people.admin,
    body: () => ({
      format: 'stix',
      tlp: 'amber',
      hashed: false,
      decidedFrom: '2026-01-01',
      decidedBefore: '2026-12-31T00:00:00Z',
      clusterId: 'cluster:fuzz-ring-1',
      confidence: 80,
      attributedTo: 'Famous Chollima',
    }),
    readBack: nothingKept,
  },
  {
    name: 'list applications',
    method: 'GET',
    path: () => '/v1/applications',
    headers: (context) => context.test.people.viewer,
    query: { outcome: 'review', minScore: '10', requisition: 'req-1', staffingVendor: 'Acme', limit: '5' },
  },
  {
    name: 'application detail',
    method: 'GET',
    path: (_context, param) => `/v1/applications/${id(param ?? '')}`,
    param: (context) => context.applicationId,
    headers: (context) => context.test.people.viewer,
  },
  {
    name: 'cluster graph',
    method: 'GET',
    path: (_context, param) => `/v1/clusters/${id(param ?? '')}`,
    param: (context) => context.clusterId,
    headers: (context) => context.test.people.viewer,
    query: { format: 'graphml' },
  },
  {
    name: 'review queue',
    method: 'GET',
    path: () => '/v1/cases',
    headers: (context) => context.test.people.viewer,
    query: { status: 'open', kind: 'application', order: 'oldest', limit: '10' },
  },
  {
    name: 'audit log',
    method: 'GET',
    path: () => '/v1/audit',
    headers: (context) => context.test.people.admin,
    query: { actor: 'user:x', action: 'decision.recorded', target: 'application:x', limit: '10' },
  },
  {
    name: 'trends',
    method: 'GET',
    path: () => '/v1/trends',
    headers: (context) => context.test.people.viewer,
    query: { period: 'month', from: '2026-01-01T00:00:00Z', to: '2026-06-01T00:00:00Z' },
  },
  {
    name: 'webhook deliveries',
    method: 'GET',
    path: () => '/v1/webhook-deliveries',
    headers: (context) => context.test.people.admin,
    query: { status: 'pending', eventType: 'screening.completed', limit: '10' },
  },
  {
    name: 'revoke API key',
    method: 'DELETE',
    path: (_context, param) => `/v1/api-keys/${id(param ?? '')}`,
    param: () => '00000000-0000-4000-8000-000000000000',
    headers: (context) => context.test.people.admin,
  },
]

/** A hostile value for a path parameter or query field. */
export const hostileParam = hostileString
