import { institutionSources } from '../institutions/institution-sources.js'
import { networkSources } from '../network/network-sources.js'
import { sanctionsSources } from '../sanctions/sanctions-sources.js'
import { watchlistSources } from '../watchlists/watchlist-sources.js'
import type { IntelKind, IntelSourceDefinition } from './intel-source.js'

/** Every source HireWall can update, import and load, one definition per kind. */
export const intelSourceDefinitions: readonly IntelSourceDefinition[] = [
  ...sanctionsSources,
  ...institutionSources,
  ...networkSources,
  ...watchlistSources,
]

export function findSourceDefinition(kind: IntelKind): IntelSourceDefinition | undefined {
  return intelSourceDefinitions.find((definition) => definition.kind === kind)
}
