import type { Store } from '@hirewall/store'
import type { RescreenStarted } from '../routes/watchlists/watchlist-views.js'
import type { RescreenJobStarter } from '../routes/submission/rescreen-route.js'
import type { ScreeningService } from '../screening/screening-service.js'
import { affectedApplications } from './affected-applications.js'

export type RescreenAffectedContext = {
  readonly store: Pick<Store, 'identity'>
  readonly screening: Pick<ScreeningService, 'rescreen'>
  /** The job queue's re-screening jobs; without one the pass runs in this process, in the background. */
  readonly rescreenJobs?: RescreenJobStarter | undefined
  /** Where a background pass that fails is reported (the request has been answered by then). */
  readonly onError: (error: unknown) => void
}

/**
 * Starts re-screening the applications a change to watchlist entries may affect (see `affectedApplications`), in the
 * background: changed outcomes get `screening.outcome_changed` events as with any re-screening. The screening
 * pipeline reads the new entries before the pass's first page, in whichever process runs it.
 */
export async function rescreenAffected(
  context: RescreenAffectedContext,
  entries: readonly { readonly kind: string; readonly value: string }[],
  actor: string,
): Promise<RescreenStarted> {
  const affected = await affectedApplications(context.store, entries)
  if (affected.scope === 'some' && affected.applicationIds.length === 0) {
    return { status: 'not-needed', scope: 'some', applications: 0 }
  }
  const data = affected.scope === 'some' ? { applicationIds: affected.applicationIds, actor } : { actor }
  const described =
    affected.scope === 'some'
      ? { scope: 'some' as const, applications: affected.applicationIds.length }
      : { scope: 'all' as const, applications: null, reason: affected.reason }
  if (context.rescreenJobs !== undefined) {
    const { jobId } = await context.rescreenJobs.start(data)
    return { status: 'queued', ...described, jobId }
  }
  context.screening.rescreen(data).catch(context.onError)
  return { status: 'running', ...described }
}
