import { callApi } from './api-client'
import { ApiFailure } from './api-failure'

/** Polls a background job's URL every second until it completed with a report, or failed. */
export async function awaitJobReport<Report>(url: string): Promise<Report> {
  for (;;) {
    await new Promise((resolve) => setTimeout(resolve, 1000))
    const job = await callApi<{ readonly state: string; readonly report: Report | null }>('GET', url)
    if (job.state === 'completed' && job.report !== null) return job.report
    if (job.state === 'failed' || job.state === 'cancelled') {
      throw new ApiFailure(0, 'BACKTEST_FAILED', 'The backtest did not finish; run it again.')
    }
  }
}
