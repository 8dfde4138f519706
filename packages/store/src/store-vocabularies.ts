/**
 * The store's closed vocabularies, written once: the repositories' types derive from them and values read back from
 * the database are checked against them. Migrations spell the same values in CHECK constraints.
 */

/** What a person may do: viewers read, analysts also decide, admins also manage users, keys and webhooks. */
export const userRoles = ['viewer', 'analyst', 'admin'] as const
export type UserRole = (typeof userRoles)[number]

/** What a machine client's API key may do. */
export const apiKeyScopes = ['submit', 'read', 'admin'] as const
export type ApiKeyScope = (typeof apiKeyScopes)[number]

/** An analyst's verdict. `needs-verification` asks for more evidence (a live call, documents) before a verdict. */
export const decisionVerdicts = ['confirmed-fraud', 'cleared', 'needs-verification'] as const
export type DecisionVerdict = (typeof decisionVerdicts)[number]

/** What a case or a decision is about: one application, a whole persona cluster, or a hired employee. */
export const subjectKinds = ['application', 'cluster', 'employee'] as const
export type SubjectKind = (typeof subjectKinds)[number]

/** A case is open while its subject awaits a verdict. */
export const caseStatuses = ['open', 'closed'] as const
export type CaseStatus = (typeof caseStatuses)[number]

/** Why a screening result was written: the first screening, or a re-screening after policy or data changed. */
export const screeningTriggers = ['submission', 'rescreen'] as const
export type ScreeningTrigger = (typeof screeningTriggers)[number]

/** A webhook delivery waits (`pending`, also between retries), succeeded, or gave up after its last attempt. */
export const deliveryStatuses = ['pending', 'delivered', 'dead'] as const
export type DeliveryStatus = (typeof deliveryStatuses)[number]

/** A bulk import waits in the queue, runs, then ends completed, failed or cancelled. */
export const importJobStatuses = ['queued', 'running', 'completed', 'failed', 'cancelled'] as const
export type ImportJobStatus = (typeof importJobStatuses)[number]

/** One row of a bulk import: a new application, one already stored (same idempotency key), bad input, or an error. */
export const importRowStatuses = ['created', 'existing', 'invalid', 'failed'] as const
export type ImportRowStatus = (typeof importRowStatuses)[number]

/** The kinds of post-hire feed record the workforce tables hold (the `kind` of `@hirewall/workforce` records). */
export const workforceRecordKinds = [
  'hire',
  'shipment',
  'device-check-in',
  'endpoint-observation',
  'sign-in',
  'payroll-change',
] as const
export type WorkforceRecordKind = (typeof workforceRecordKinds)[number]

/** True when `value` is one of `vocabulary`'s values (narrowing `value` to it). */
export function isOneOf<const Vocabulary extends readonly string[]>(
  vocabulary: Vocabulary,
  value: unknown,
): value is Vocabulary[number] {
  return typeof value === 'string' && vocabulary.includes(value)
}
