import type { LoadedList } from '../../source/intel-source.js'
import type { SanctionedEntity, SanctionedName } from '../sanctioned-entity.js'

/**
 * Test builder: a listed person (or, with `schema`, organisation) with its primary name first; `also` adds aliases
 * (`['KIM Jong-un', 'alias']`, `['Abu Ali', 'weak-alias']`). Tests state only what matters to them.
 */
export function aSanctionedEntity(
  id: string,
  primary: string,
  overrides: Partial<Omit<SanctionedEntity, 'names'>> & {
    readonly also?: readonly (readonly [string, SanctionedName['kind']])[]
  } = {},
): SanctionedEntity {
  const { also = [], ...rest } = overrides
  return {
    id,
    schema: 'Person',
    caption: primary,
    names: [{ value: primary, kind: 'primary' }, ...also.map(([value, kind]) => ({ value, kind }))],
    birthDates: [],
    nationalities: [],
    countries: [],
    programs: ['DPRK3'],
    list: 'ofac-sdn',
    ...rest,
  }
}

/** The entities as one loaded list, cited as `name` at `version`. */
export function aLoadedList(
  items: readonly SanctionedEntity[],
  name = 'ofac-sdn',
  version = '2024-05-03',
): LoadedList<SanctionedEntity> {
  return { source: { name, version, entries: items.length }, items }
}
