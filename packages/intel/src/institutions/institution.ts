import type { DegreeLevel } from '@hirewall/core'

/** A known school, from a world or national institution list. */
export type Institution = {
  /** `<list>:<the list's own id or a stable key>`, e.g. `ipeds:166027`. */
  readonly id: string
  readonly name: string
  /** Other names the list gives (IPEDS IALIAS, translations). */
  readonly alternateNames: readonly string[]
  /** Upper-case ISO 3166-1 alpha-2, as the application record writes countries. */
  readonly countryCode: string
  readonly region?: string
  readonly city?: string
  readonly domains: readonly string[]
  /** The highest degree it awards, when the list says (IPEDS HLOFFER). */
  readonly highestDegree?: DegreeLevel
  /** Accredited, when the list says (IPEDS: eligible for US federal student aid, PSET4FLG=1). */
  readonly isAccredited?: boolean
  /** When the list says the institution closed (IPEDS CLOSEDAT), as `YYYY-MM-DD`: its graduates' degrees stay real. */
  readonly closedOn?: string
  readonly list: string
}

/** An entry of an organisation's high-risk or diploma-mill list. */
export type HighRiskInstitution = {
  readonly name: string
  readonly countryCode?: string
  readonly domains: readonly string[]
  /** Why it is listed ("unaccredited degree supplier per Oregon ODA"), shown to the analyst. */
  readonly reason: string
  readonly list: string
}
