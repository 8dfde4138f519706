import type { FastifyInstance } from 'fastify'
import type { ScreeningService } from '../../screening/screening-service.js'
import { registerRescreenRoute, type RescreenJobStarter } from './rescreen-route.js'
import { registerSubmitApplicationRoute } from './submit-application-route.js'

/** Options of {@link registerSubmissionRoutes}. */
export type SubmissionRoutesOptions = {
  /** The one screening pipeline (`createScreeningService`). */
  readonly screening: ScreeningService
  /** Starts background re-screenings of the whole pool; without it `POST /v1/rescreen` needs a list of ids. */
  readonly rescreenJobs?: RescreenJobStarter | undefined
}

/**
 * The write side of applications: `POST /v1/applications` (`applications.submit`) screens one application
 * synchronously; `POST /v1/rescreen` (`policy.manage`) re-screens stored ones. Every result the pipeline writes is
 * counted in `hirewall_screenings_total`. docs/api.md, "Submitting applications".
 */
export function registerSubmissionRoutes(app: FastifyInstance, options: SubmissionRoutesOptions): void {
  // Every screening the pipeline writes counts, whichever door it came through (API, ATS webhook, bulk import).
  const stopCounting = options.screening.onScreened((result) => app.metrics.countScreening(result.outcome))
  app.addHook('onClose', (_instance, done) => {
    stopCounting()
    done()
  })
  registerSubmitApplicationRoute(app, options)
  registerRescreenRoute(app, options)
}
