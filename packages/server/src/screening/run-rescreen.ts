import type { RescreenProgress, RescreenReport, ScreeningService } from './screening-service.js'

/** What a background re-screening job carries: plain JSON, so a job queue can store it and retry it. */
export type RescreenJobData = {
  /** Only these applications; omitted: every screened application. */
  readonly applicationIds?: readonly string[]
  /** Who started it (`user:<id>`, `api-key:<prefix>`), for the audit log. */
  readonly actor?: string
  /** Where a retried job resumes: the last application id an earlier attempt reported. */
  readonly after?: string
  readonly pageSize?: number
}

export type RescreenJobHooks = {
  /** After each committed page: save `lastApplicationId` with the job so a retry resumes there. */
  readonly onProgress?: (progress: RescreenProgress) => void | Promise<void>
  /** Abort on shutdown: the page in progress finishes and the report says `completed: false`. */
  readonly signal?: AbortSignal
}

/**
 * Runs a re-screening as a background job does: from job data that survives a restart, resuming after the last page
 * an earlier attempt committed. A page is committed whole or not at all, so a job killed mid-page and retried from its
 * last reported `lastApplicationId` re-screens each application once more at most.
 */
export function runRescreen(
  service: Pick<ScreeningService, 'rescreen'>,
  data: RescreenJobData,
  hooks: RescreenJobHooks = {},
): Promise<RescreenReport> {
  return service.rescreen({
    ...(data.applicationIds === undefined ? {} : { applicationIds: data.applicationIds }),
    ...(data.actor === undefined ? {} : { actor: data.actor }),
    ...(data.after === undefined ? {} : { after: data.after }),
    ...(data.pageSize === undefined ? {} : { pageSize: data.pageSize }),
    ...(hooks.onProgress === undefined ? {} : { onProgress: hooks.onProgress }),
    ...(hooks.signal === undefined ? {} : { signal: hooks.signal }),
  })
}
