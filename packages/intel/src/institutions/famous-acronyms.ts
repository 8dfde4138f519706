import { normaliseInstitutionName } from './institution-name.js'
import type { MergedInstitution } from './merge-institution-lists.js'
import type { IndexedName } from './name-search.js'

/**
 * Short names people write for well-known schools that their initials do not give (`LSE`, `ETH`, `Caltech`), or
 * give ambiguously (`USC`, `NTU`), keyed by the folded short name. Each points at a name as the lists write it, with
 * its country; a test checks that every one resolves in the real lists. Derived acronyms (MIT, UCLA, KAIST) need no
 * entry here.
 */
export const famousAcronyms: Readonly<Record<string, readonly (readonly [name: string, countryCode: string])[]>> = {
  mit: [['Massachusetts Institute of Technology', 'US']],
  caltech: [['California Institute of Technology', 'US']],
  ucla: [['University of California-Los Angeles', 'US']],
  usc: [['University of Southern California', 'US']],
  upenn: [['University of Pennsylvania', 'US']],
  penn: [['University of Pennsylvania', 'US']],
  umich: [['University of Michigan-Ann Arbor', 'US']],
  gatech: [['Georgia Institute of Technology-Main Campus', 'US']],
  'georgia tech': [['Georgia Institute of Technology-Main Campus', 'US']],
  'virginia tech': [['Virginia Polytechnic Institute and State University', 'US']],
  'penn state': [['Pennsylvania State University-Main Campus', 'US']],
  'cal poly': [['California Polytechnic State University-San Luis Obispo', 'US']],
  wustl: [['Washington University in St Louis', 'US']],
  uchicago: [['University of Chicago', 'US']],
  lse: [['London School of Economics and Political Science, University of London', 'GB']],
  oxford: [['University of Oxford', 'GB']],
  cambridge: [['University of Cambridge', 'GB']],
  eth: [['ETHZ - ETH Zurich', 'CH']],
  'eth zurich': [['ETHZ - ETH Zurich', 'CH']],
  epfl: [['EPFL - EPF Lausanne', 'CH']],
  kaist: [['Korea Advanced Institute of Science & Technology', 'KR']],
  postech: [['Pohang University of Science and Technology', 'KR']],
  ntu: [
    ['Nanyang Technological University', 'SG'],
    ['National Taiwan University', 'TW'],
  ],
  hku: [['The University of Hong Kong', 'HK']],
  tum: [['Technische Universität München', 'DE']],
  kth: [['KTH Royal Institute of Technology', 'SE']],
  uoft: [['University of Toronto', 'CA']],
  utoronto: [['University of Toronto', 'CA']],
}

/** Looks up each curated short name's school by its listed name and country, once, when the index is built. */
export function resolveCuratedShortNames(
  entries: readonly MergedInstitution[],
  byKey: ReadonlyMap<string, readonly number[]>,
  names: readonly IndexedName[],
): { byShortName: ReadonlyMap<string, readonly number[]>; unresolved: readonly string[] } {
  const byShortName = new Map<string, number[]>()
  const unresolved: string[] = []
  for (const [shortName, schools] of Object.entries(famousAcronyms)) {
    for (const [name, countryCode] of schools) {
      const key = normaliseInstitutionName(name).key
      const entry = (byKey.get(key) ?? [])
        .map((nameId) => names[nameId]?.entry ?? -1)
        .find((candidate) => entries[candidate]?.institution.countryCode === countryCode)
      if (entry === undefined) unresolved.push(`${shortName}: ${name} (${countryCode})`)
      else push(byShortName, shortName, entry)
    }
  }
  return { byShortName, unresolved }
}

function push(map: Map<string, number[]>, key: string, value: number): void {
  const values = map.get(key)
  if (values) values.push(value)
  else map.set(key, [value])
}
