import { callApi, withQuery } from '../api/api-client'
import type { ApplicationSummary, Page } from '../api/api-types'
import { applicationQuery, type QueueFilters } from './queue-filters'
import { rowOfApplication, type QueueRow } from './queue-row'

/** One page of the queue and the cursor of the next. */
export type QueuePage = { readonly rows: readonly QueueRow[]; readonly nextCursor: string | null }

/** Rows per page: a screenful at 1280×800, and keyset paging keeps any page of 100,000 rows as fast as the first. */
export const queuePageSize = 50

/** Reads one page of the queue: open cases (needing a decision) or applications matching the filters. */
export async function readQueuePage(
  filters: QueueFilters,
  cursor: string | undefined,
  signal: AbortSignal,
): Promise<QueuePage> {
  const page = { limit: queuePageSize, ...(cursor === undefined ? {} : { cursor }) }
  const query = applicationQuery(filters, page)
  const path = filters.view === 'open' ? '/v1/applications' : '/v1/applications'
  const result = await callApi<Page<ApplicationSummary>>(
    'GET',
    withQuery(path, filters.view === 'open' ? { ...query, needsDecision: true } : query),
    { signal },
  )
  return { rows: result.items.map((item) => rowOfApplication(item)), nextCursor: result.nextCursor ?? null }
}
