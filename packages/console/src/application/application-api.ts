import { callApi, withQuery } from '../api/api-client'
import type { ApplicationDetail, AuditEntry, Decision, Page, Verdict } from '../api/api-types'

/** Everything the application page shows about one application. */
export function readApplication(id: string, signal: AbortSignal): Promise<ApplicationDetail> {
  return callApi<ApplicationDetail>('GET', `/v1/applications/${encodeURIComponent(id)}`, { signal })
}

/** Records an analyst's decision on an application (the server writes it to the audit log). */
export function decideApplication(
  id: string,
  decision: { readonly verdict: Verdict; readonly reason: string; readonly note?: string },
): Promise<Decision> {
  return callApi<Decision>('POST', `/v1/applications/${encodeURIComponent(id)}/decisions`, { body: decision })
}

/** The audit entries about one application (admins only). */
export async function readAuditOf(target: string, signal: AbortSignal): Promise<readonly AuditEntry[]> {
  const page = await callApi<Page<AuditEntry>>('GET', withQuery('/v1/audit', { target, limit: 100 }), { signal })
  return page.items
}
