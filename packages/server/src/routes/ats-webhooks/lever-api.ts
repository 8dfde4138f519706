/** Reads what Lever's webhooks only point at: an opportunity and its parsed resumes. */
export type LeverApi = {
  /**
   * `{ opportunity, resumes }` as `importLeverOpportunity` takes it, or undefined when Lever does not know the
   * opportunity (deleted since). Throws a {@link LeverApiError} when Lever cannot be read now.
   */
  fetchOpportunity(
    opportunityId: string,
  ): Promise<{ readonly opportunity: unknown; readonly resumes: unknown } | undefined>
}

/** Lever's API answered with an error, or did not answer in time. */
export class LeverApiError extends Error {
  readonly status: number | undefined

  constructor(message: string, options: { readonly status?: number; readonly cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause })
    this.name = 'LeverApiError'
    this.status = options.status
  }
}

/** Options of {@link createLeverApi}. */
export type LeverApiOptions = {
  /** A Lever API key with read access to opportunities and resumes; sent as the Basic auth user name. */
  readonly apiKey: string
  /** Lever's API root; `https://api.lever.co/v1` by default (the sandbox is `https://api.sandbox.lever.co/v1`). */
  readonly baseUrl?: string | undefined
  /** How long each request may take, in ms; 5000 by default (the webhook waits for it). */
  readonly timeoutMs?: number | undefined
}

/** The default Lever API root. */
export const leverApiUrl = 'https://api.lever.co/v1'

/**
 * Lever's Data API over fetch: `GET /opportunities/:id` and `GET /opportunities/:id/resumes` (Lever's envelopes are
 * `{ data }`). A 404 on the opportunity means it is gone; any other failure throws so the webhook is retried.
 */
export function createLeverApi(options: LeverApiOptions): LeverApi {
  const root = (options.baseUrl ?? leverApiUrl).replace(/\/+$/, '')
  const authorization = `Basic ${Buffer.from(`${options.apiKey}:`).toString('base64')}`
  const timeoutMs = options.timeoutMs ?? 5000

  const get = async (path: string): Promise<{ readonly status: number; readonly data: unknown }> => {
    let response: Response
    try {
      response = await fetch(`${root}${path}`, {
        headers: { authorization, accept: 'application/json' },
        signal: AbortSignal.timeout(timeoutMs),
      })
    } catch (error) {
      throw new LeverApiError(`Lever's API did not answer ${path.split('/')[1] ?? ''} requests`, { cause: error })
    }
    if (response.status === 404) {
      await response.body?.cancel()
      return { status: 404, data: undefined }
    }
    if (!response.ok) {
      await response.body?.cancel()
      throw new LeverApiError(`Lever's API answered HTTP ${response.status}`, { status: response.status })
    }
    const body: unknown = await response.json().catch((error: unknown) => {
      throw new LeverApiError("Lever's API answered with a body that is not JSON", { cause: error })
    })
    return {
      status: response.status,
      data: typeof body === 'object' && body !== null ? (body as { data?: unknown }).data : undefined,
    }
  }

  return {
    fetchOpportunity: async (opportunityId) => {
      const id = encodeURIComponent(opportunityId)
      const opportunity = await get(`/opportunities/${id}`)
      if (opportunity.status === 404 || opportunity.data === undefined) return undefined
      const resumes = await get(`/opportunities/${id}/resumes`)
      return { opportunity: opportunity.data, resumes: resumes.data ?? [] }
    },
  }
}
