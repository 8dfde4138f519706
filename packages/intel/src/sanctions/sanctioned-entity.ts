/**
 * One entry of a sanctions list in HireWall's list-neutral model, shaped after FollowTheMoney (the model OpenSanctions
 * and yente use) so compliance users recognise it: every loader (OFAC, UN, OpenSanctions) produces these.
 */
export const sanctionedSchemas = ['Person', 'Organization', 'LegalEntity', 'Vessel', 'Airplane'] as const
export type SanctionedSchema = (typeof sanctionedSchemas)[number]

/** Primary name, a plain alias (a.k.a., f.k.a., n.k.a.), or a weak alias (OFAC's low-quality a.k.a.: scored lower). */
export const sanctionedNameKinds = ['primary', 'alias', 'weak-alias'] as const
export type SanctionedNameKind = (typeof sanctionedNameKinds)[number]

export type SanctionedName = {
  /** As the list writes it ("KIM, Jong Un", "Ким Чен Ын"). */
  readonly value: string
  readonly kind: SanctionedNameKind
}

/** FollowTheMoney's gender values, as the lists state them for people. */
export const sanctionedGenders = ['male', 'female', 'other'] as const
export type SanctionedGender = (typeof sanctionedGenders)[number]

export type SanctionedEntity = {
  /** Stable and unique across lists: `<list>:<the list's own id>`, e.g. `ofac-sdn:12345`, `un:KPi.033`. */
  readonly id: string
  readonly schema: SanctionedSchema
  /** The display name: the primary name as listed. */
  readonly caption: string
  readonly names: readonly SanctionedName[]
  /** `YYYY`, `YYYY-MM` or `YYYY-MM-DD`; lists often give several or a year range (each year listed). */
  readonly birthDates: readonly string[]
  /** Lower-case ISO 3166-1 alpha-2 codes (FollowTheMoney's convention), nationality and citizenship. */
  readonly nationalities: readonly string[]
  /** Lower-case ISO 3166-1 alpha-2 codes of addresses and other country links. */
  readonly countries: readonly string[]
  /** People only, when the list states it; a matcher can lower the score of a match with the other gender. */
  readonly gender?: SanctionedGender
  /** Sanctions programmes as the list names them (`DPRK3`, `1718`, `SDGT`). */
  readonly programs: readonly string[]
  /** The list it came from, as a source kind (`ofac-sdn`, `un-consolidated`...). */
  readonly list: string
  /** Free-text remarks of the list entry, kept for the analyst. */
  readonly remarks?: string
  /** When the list added the entry, when known (`YYYY-MM-DD`). */
  readonly listedOn?: string
}
