import type { ExportTlpLevel } from '@hirewall/store'

/** A TAXII collection: one per TLP level that exports have published to (TLP:RED has none). */
export type TaxiiCollection = {
  readonly tlp: ExportTlpLevel
  readonly id: string
  readonly title: string
  readonly description: string
}

// Fixed version 4 UUIDs (TAXII identifiers), so a partner's configured collection id never changes.
const collectionIds: Readonly<Record<ExportTlpLevel, string>> = {
  clear: '8571eb55-36ca-475a-8821-e61e9a471149',
  green: '9a0ced65-95fc-4855-b1fc-29f80716b30b',
  amber: '819e619b-05e4-4de8-9951-f9a020c70ab5',
  'amber+strict': 'e833beb8-b5d3-43b7-9e89-9984ebb2fece',
}

const sharingRules: Readonly<Record<ExportTlpLevel, string>> = {
  clear: 'TLP:CLEAR: may be shared without restriction.',
  green: 'TLP:GREEN: may be shared within your community, not published.',
  amber: 'TLP:AMBER: limited to your organisation and its clients on a need-to-know basis.',
  'amber+strict': 'TLP:AMBER+STRICT: limited to your organisation only.',
}

/** The collection of a TLP level. */
export function taxiiCollectionOf(tlp: ExportTlpLevel): TaxiiCollection {
  return {
    tlp,
    id: collectionIds[tlp],
    title: `Confirmed identity-fraud indicators, TLP:${tlp.toUpperCase()}`,
    description: `Indicators an administrator exported after analysts confirmed identity fraud. ${sharingRules[tlp]}`,
  }
}

/** The collection with this id, if it is one of ours. */
export function findTaxiiCollection(id: string): TaxiiCollection | undefined {
  const entry = Object.entries(collectionIds).find(([, collectionId]) => collectionId === id.toLowerCase())
  return entry === undefined ? undefined : taxiiCollectionOf(entry[0] as ExportTlpLevel)
}
