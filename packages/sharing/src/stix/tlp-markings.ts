import type { TlpLevel } from '../shared-indicator.js'

/** The extension that defines TLP 2.0 markings, as OASIS published it (cti-stix-common-objects). */
export const tlp2ExtensionId = 'extension-definition--60a3c5c5-0d10-413e-aab3-9e08dde9e88d'

/** The TLP 2.0 marking definitions' ids as OASIS published them: every producer uses the same five objects. */
export const tlp2MarkingIds: Readonly<Record<TlpLevel, string>> = {
  clear: 'marking-definition--94868c89-83c2-464b-929b-a1a8aa3c8487',
  green: 'marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb',
  amber: 'marking-definition--55d920b0-5e8b-4f79-9ee9-91f868d9b421',
  'amber+strict': 'marking-definition--939a9414-2ddd-4d32-a0cd-375ea402b003',
  red: 'marking-definition--e828b379-4e03-4974-9ac4-e53a884c97c1',
}

/** TLP 1.0 marking ids fixed by the STIX 2.1 specification (§7.2.1.4), read on import from older producers. */
export const tlp1MarkingIds: Readonly<Record<string, TlpLevel>> = {
  'marking-definition--613f2e26-407d-48c7-9eca-b8e91df99dc9': 'clear',
  'marking-definition--34098fce-860f-48ae-8e50-ebd3cc5e41da': 'green',
  'marking-definition--f88d31f6-486f-44da-b317-01333bde0b82': 'amber',
  'marking-definition--5e57c739-391a-4eb3-b6be-7d15ca92d5ed': 'red',
}

/** The TLP level a marking id names, TLP 2.0 or 1.0. */
export function tlpOfMarking(id: string): TlpLevel | undefined {
  const level = Object.entries(tlp2MarkingIds).find(([, markingId]) => markingId === id)?.[0] as TlpLevel | undefined
  return level ?? tlp1MarkingIds[id]
}

/** The TLP 2.0 marking-definition object of a level, as published. */
export function tlp2MarkingDefinition(level: TlpLevel): Readonly<Record<string, unknown>> {
  return {
    type: 'marking-definition',
    spec_version: '2.1',
    id: tlp2MarkingIds[level],
    created: '2022-10-01T00:00:00.000Z',
    name: `TLP:${level.toUpperCase()}`,
    extensions: { [tlp2ExtensionId]: { extension_type: 'property-extension', tlp_2_0: level } },
  }
}
