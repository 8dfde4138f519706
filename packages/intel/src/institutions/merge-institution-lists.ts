import type { ReferenceSource } from '@hirewall/core'
import type { LoadedList } from '../source/intel-source.js'
import type { Institution } from './institution.js'
import { registrableDomain } from './institution-domain.js'
import { normaliseInstitutionName, type InstitutionName } from './institution-name.js'

/** One institution as the index knows it: the entry of the richest list, with the same school's entries in others. */
export type MergedInstitution = {
  /** The entry evidence cites: the one that knows degree levels (IPEDS for US schools) when there is one. */
  readonly institution: Institution
  readonly source: ReferenceSource
  /** Every list entry merged here, the primary first. */
  readonly members: readonly { readonly institution: Institution; readonly source: ReferenceSource }[]
}

/** Countries that share one education system in the lists: IPEDS lists Puerto Rico and Guam next to the states. */
const countryGroups: Readonly<Record<string, string>> = { PR: 'US', GU: 'US', VI: 'US', AS: 'US', MP: 'US', UM: 'US' }

/** The country a code counts as when comparing institutions and applications (`PR` counts as `US`). */
export function countryGroupOf(countryCode: string): string {
  const upper = countryCode.toUpperCase()
  return countryGroups[upper] ?? upper
}

type Mutable = { institution: Institution; source: ReferenceSource; members: MergedInstitution['members'][number][] }

/**
 * Merges the loaded lists into one set of institutions. A school listed twice (the world list and IPEDS both list
 * most US universities) becomes one entry when the two share a registrable domain or a normalised name in the same
 * country and the match is unique; entries of one list merge only when both are the same name without degree data
 * (the world list's few duplicates). Lists whose entries know degree levels go first, so their entry is the primary.
 */
export function mergeInstitutionLists(
  lists: readonly LoadedList<Institution>[],
  normalise: (name: string) => InstitutionName = normaliseInstitutionName,
): MergedInstitution[] {
  const ordered = lists
    .map((list, position) => ({ list, position, rich: list.items.some((item) => item.highestDegree !== undefined) }))
    .sort((a, b) => Number(b.rich) - Number(a.rich) || a.position - b.position)
  const merged: Mutable[] = []
  const byDomain = new Map<string, number[]>()
  const byName = new Map<string, number[]>()
  for (const { list } of ordered) {
    for (const institution of list.items) {
      const group = countryGroupOf(institution.countryCode)
      const nameKey = `${group}|${normalise(institution.name).key}`
      const domainKeys = [...new Set(institution.domains.map((domain) => `${group}|${registrableDomain(domain)}`))]
      const target = findTarget(institution, list.source, nameKey, domainKeys)
      if (target !== undefined) {
        merged[target]?.members.push({ institution, source: list.source })
        continue
      }
      merged.push({ institution, source: list.source, members: [{ institution, source: list.source }] })
      push(byName, nameKey, merged.length - 1)
      for (const key of domainKeys) push(byDomain, key, merged.length - 1)
    }
  }
  return merged

  function findTarget(
    institution: Institution,
    source: ReferenceSource,
    nameKey: string,
    domainKeys: readonly string[],
  ): number | undefined {
    const isOtherList = (index: number): boolean => merged[index]?.source.name !== source.name
    const sameName = (byName.get(nameKey) ?? []).filter(
      (index) =>
        isOtherList(index) ||
        (institution.highestDegree === undefined && merged[index]?.institution.highestDegree === undefined),
    )
    if (sameName.length === 1) return sameName[0]
    const sharing = new Set(domainKeys.flatMap((key) => byDomain.get(key) ?? []).filter(isOtherList))
    if (sharing.size === 1) return [...sharing][0]
    // Several schools of the other list share the domain (a chain's campuses): only the same name decides.
    const named = [...sharing].filter((index) => sameName.includes(index))
    return named.length === 1 ? named[0] : undefined
  }
}

function push(map: Map<string, number[]>, key: string, value: number): void {
  const values = map.get(key)
  if (values) values.push(value)
  else map.set(key, [value])
}
