import type { Store } from '@hirewall/store'
import type { FastifyInstance } from 'fastify'
import type { JobQueue } from '../../jobs/job-queue.js'
import { registerCancelImportRoute } from './cancel-import-route.js'
import { registerImportReadRoutes } from './import-read-routes.js'
import { defaultUploadLimitBytes, registerUploadImportRoute } from './upload-import-route.js'

/** Options of {@link registerImportRoutes}. */
export type ImportRoutesOptions = {
  readonly store: Store
  /** Where uploads are queued; the workers (`workOnImports`) may run in this process or in others. */
  readonly queue: JobQueue
  /** The largest upload, in bytes (default 100 MiB). */
  readonly uploadLimitBytes?: number
}

/**
 * Bulk imports: `POST /v1/imports` and `POST /v1/imports/:id/cancel` (`applications.submit`), `GET /v1/imports`,
 * `GET /v1/imports/:id` and `GET /v1/imports/:id/rows` (`applications.read`). docs/api.md, "Bulk imports";
 * docs/jobs.md for how they run.
 */
export async function registerImportRoutes(app: FastifyInstance, options: ImportRoutesOptions): Promise<void> {
  await registerUploadImportRoute(app, {
    store: options.store,
    queue: options.queue,
    uploadLimitBytes: options.uploadLimitBytes ?? defaultUploadLimitBytes,
  })
  registerImportReadRoutes(app, options)
  registerCancelImportRoute(app, options)
}
