import { callApi } from '../api/api-client'
import type { IdentityGraph, Outcome } from '../api/api-types'

/** A farm cluster as `GET /v1/farms` lists it. */
export type FarmSummary = {
  readonly id: string
  readonly employeeIds: readonly string[]
  readonly links: readonly {
    readonly kind: 'ip' | 'ship-to'
    readonly value: string
    readonly employeeIds: readonly string[]
  }[]
}

export type FarmMember = {
  readonly employeeId: string
  readonly legalName: string | null
  readonly applicationId: string | null
  readonly applicationClusterId: string | null
  readonly score: number | null
  readonly outcome: Outcome | null
  readonly signalCodes: readonly string[]
  readonly toolHits: readonly {
    readonly code: string
    readonly tool: string
    readonly device: string
    readonly isPresent: boolean
  }[]
  readonly openCaseId: string | null
}

/** `GET /v1/farms/:id`. */
export type FarmDetail = {
  readonly farm: FarmSummary
  readonly members: readonly FarmMember[]
  readonly graph: IdentityGraph
}

/** Every farm, or those holding the hires of the given applications. */
export function listFarms(
  signal: AbortSignal,
  applicationIds: readonly string[] = [],
): Promise<{ readonly items: readonly FarmSummary[] }> {
  const parameters = new URLSearchParams(applicationIds.map((id) => ['applicationId', id]))
  const query = parameters.size === 0 ? '' : `?${parameters.toString()}`
  return callApi('GET', `/v1/farms${query}`, { signal })
}

export function readFarm(id: string, signal: AbortSignal): Promise<FarmDetail> {
  return callApi<FarmDetail>('GET', `/v1/farms/${encodeURIComponent(id)}`, { signal })
}
