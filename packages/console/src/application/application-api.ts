import { callApi, withQuery } from '../api/api-client'
import type { ApplicationDetail, AuditEntry, Page, Subject, Verdict } from '../api/api-types'

/** Everything the application page shows about one application. */
export function readApplication(id: string, signal: AbortSignal): Promise<ApplicationDetail> {
  return callApi<ApplicationDetail>('GET', `/v1/applications/${encodeURIComponent(id)}`, { signal })
}

/** Records an analyst's decision on an application or a whole cluster (the server writes it to the audit log). */
export async function decide(
  subject: Subject,
  decision: { readonly verdict: Verdict; readonly reason: string; readonly note?: string },
): Promise<void> {
  const collection = { application: 'applications', cluster: 'clusters', employee: 'employees' }[subject.kind]
  await callApi<unknown>('POST', `/v1/${collection}/${encodeURIComponent(subject.id)}/decisions`, { body: decision })
}

/** Gives a case to someone (`null` takes it back). */
export async function assignCase(caseId: string, assignee: string | null): Promise<void> {
  await callApi<unknown>('POST', `/v1/cases/${encodeURIComponent(caseId)}/assign`, { body: { assignee } })
}

/** The audit entries about one application (admins only). */
export async function readAuditOf(target: string, signal: AbortSignal): Promise<readonly AuditEntry[]> {
  const page = await callApi<Page<AuditEntry>>('GET', withQuery('/v1/audit', { target, limit: 100 }), { signal })
  return page.items
}
