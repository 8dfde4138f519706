import { callApi, withQuery } from '../api/api-client'
import type { ApplicationSummary, Page, QueuedCase } from '../api/api-types'
import { applicationQuery, caseQuery, type QueueFilters } from './queue-filters'
import { rowOfApplication, rowOfCase, type QueueRow } from './queue-row'

/** One page of the queue and the cursor of the next. */
export type QueuePage = { readonly rows: readonly QueueRow[]; readonly nextCursor: string | null }

/** Rows per page: a screenful at 1280×800, and keyset paging keeps any page of 100,000 rows as fast as the first. */
export const queuePageSize = 50

/** Reads one page of the queue: open cases (`GET /v1/cases`) or applications matching the filters. */
export async function readQueuePage(
  filters: QueueFilters,
  after: string | undefined,
  signal: AbortSignal,
): Promise<QueuePage> {
  const page = { limit: queuePageSize, after }
  if (filters.view === 'open') {
    const result = await callApi<Page<QueuedCase>>('GET', withQuery('/v1/cases', caseQuery(filters, page)), { signal })
    return { rows: result.items.map(rowOfCase), nextCursor: result.nextCursor ?? null }
  }
  const result = await callApi<Page<ApplicationSummary>>(
    'GET',
    withQuery('/v1/applications', applicationQuery(filters, page)),
    { signal },
  )
  return { rows: result.items.map(rowOfApplication), nextCursor: result.nextCursor ?? null }
}
