import {
  defaultScoringPolicy,
  extractIdentifiers,
  InMemoryIdentityIndex,
  normaliseApplication,
  screenApplication,
  type ApplicationRecord,
  type PersonaCluster,
  type ReferenceData,
  type ScreeningResult,
} from '@hirewall/core'
import type { Store } from '@hirewall/store'

/** What a seeded pool holds, for tests to compute their expectations from. */
export type SeededPool = {
  readonly records: readonly ApplicationRecord[]
  readonly results: ReadonlyMap<string, ScreeningResult>
  /** Persona clusters of two or more applications. */
  readonly clusters: readonly PersonaCluster[]
}

const seedReference: ReferenceData = {
  isDisposableEmailDomain: (domain) => domain === 'mailinator.com',
  isFreeEmailDomain: (domain) => ['gmail.com', 'outlook.com', 'yahoo.com'].includes(domain),
  sources: [{ name: 'test email domains', version: '2026.1', entries: 4 }],
}

/**
 * Test data for the read endpoints: screens `records` (in submission order) with core's detectors, the default
 * policy and an in-memory identity index, then writes them through the store's repositories as the service stores
 * them: application, result version 1, identifiers and persona clusters. Route tests read it back over HTTP.
 */
export async function seedScreenedPool(store: Store, records: readonly ApplicationRecord[]): Promise<SeededPool> {
  const ordered = [...records].sort((a, b) => Date.parse(a.submittedAt) - Date.parse(b.submittedAt))
  const index = new InMemoryIdentityIndex()
  const results = new Map<string, ScreeningResult>()
  for (const record of ordered) {
    const result = screenApplication(record, {
      policy: defaultScoringPolicy,
      reference: seedReference,
      identityIndex: index,
    })
    results.set(record.id, result)
    await store.applications.submit({ record, raw: record })
    await store.results.append(result)
    const identifiers = extractIdentifiers(record, normaliseApplication(record)).filter(({ value }) => value !== '')
    await store.identity.addIdentifiers(record.id, identifiers)
  }
  const clusters = index.clusters()
  for (const cluster of clusters) {
    await store.identity.assignCluster({
      clusterId: cluster.id,
      applicationIds: cluster.applicationIds,
      claimedPeople: cluster.claimedPeople,
      isRing: cluster.isRing,
    })
  }
  return { records: ordered, results, clusters }
}

/**
 * A planted ring: four claimed people, each with an own name and mailbox, sharing one phone (all four) and one
 * device (the last two), submitted a day apart from `firstDay` (YYYY-MM-DD).
 */
export function aPlantedRing(prefix: string, firstDay: string): readonly ApplicationRecord[] {
  const names = ['Min Park', 'Daniel Cho', 'Kevin Lee', 'Sam Yoon']
  return names.map((name, position) => {
    const submittedAt = new Date(Date.parse(`${firstDay}T10:00:00Z`) + position * 86_400_000).toISOString()
    const id = `${prefix}-${position + 1}`
    return {
      schemaVersion: 1,
      id,
      submittedAt,
      source: { system: 'api', applicationId: id },
      requisition: { id: 'req-ring', title: 'Senior Backend Engineer' },
      cv: {
        basics: { name, email: `${name.toLowerCase().replace(' ', '.')}@outlook.com`, phone: '+1 415 555 0199' },
        work: [{ name: 'Northwind Traders', position: 'Software Engineer', startDate: '2020-01' }],
      },
      ...(position >= 2 ? { submission: { deviceId: 'RING-LAPTOP-7' } } : {}),
    }
  })
}
