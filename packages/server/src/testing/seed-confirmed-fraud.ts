import type { ApplicationRecord } from '@hirewall/core'
import type { Store } from '@hirewall/store'
import { anApplicationRecord } from './application-fixtures.js'
import { aPlantedRing, seedScreenedPool } from './seed-screened-pool.js'

/** What {@link seedConfirmedFraud} decided, for tests to compute their expectations from. */
export type ConfirmedFraudSeed = {
  /** Confirmed as fraud through their cluster's decision. */
  readonly ringIds: readonly string[]
  readonly ringClusterId: string
  /** Confirmed as fraud on its own: a front company's mailbox, a GitHub handle, an address, an IP, a CV hash. */
  readonly loneId: string
  /** Confirmed, then cleared: its current verdict is `cleared`. */
  readonly clearedId: string
  /** Never decided. */
  readonly undecidedId: string
}

/** The lone fraudster's identifiers as they leave in an export (E.164, host names, `network:username`...). */
export const loneFraudster = {
  email: 'hiring@front-co-systems.com',
  domain: 'front-co-systems.com',
  phone: '+14155550177',
  handle: 'github:jdoe-builds',
  ip: '203.0.113.7',
  cvSha256: 'a'.repeat(64),
  address: '1200 Harbor Blvd, Unit 5, Oakland, CA, 94607',
} as const

/**
 * A screened pool with decisions: a planted ring of four (shared phone +1 415 555 0199, outlook.com mailboxes) whose
 * cluster is confirmed as fraud, a lone fraudster confirmed on its own, an application confirmed then cleared, and one
 * never decided. Decisions are recorded by `actor` through the store, as the decision routes record them.
 */
export async function seedConfirmedFraud(store: Store, actor: string): Promise<ConfirmedFraudSeed> {
  const ring = aPlantedRing('ring', '2026-11-10')
  const lone = anApplicationRecord('lone-1', {
    submittedAt: '2026-11-12T09:00:00Z',
    cv: {
      basics: {
        name: 'Jay Doe',
        email: loneFraudster.email,
        phone: '(415) 555-0177',
        profiles: [{ network: 'GitHub', username: 'jdoe-builds', url: 'https://github.com/jdoe-builds' }],
      },
      work: [{ name: 'Acme Logistics', position: 'Software Engineer', startDate: '2019-07', url: 'https://acme.com' }],
    },
    contacts: {
      addresses: [
        {
          type: 'home',
          line1: '1200 Harbor Blvd',
          line2: 'Unit 5',
          city: 'Oakland',
          region: 'CA',
          postalCode: '94607',
        },
      ],
    },
    submission: { ip: loneFraudster.ip },
    document: { fileSha256: loneFraudster.cvSha256 },
  })
  const cleared: ApplicationRecord = anApplicationRecord('cleared-1', {
    cv: { basics: { name: 'Riley Stone', email: 'riley@stone-consulting.com', phone: '+1 212 555 0143' } },
  })
  const undecided: ApplicationRecord = anApplicationRecord('undecided-1', {
    cv: { basics: { name: 'Pat Quinn', email: 'pat@quinn-labs.com', phone: '+1 312 555 0111' } },
  })
  const pool = await seedScreenedPool(store, [...ring, lone, cleared, undecided])
  const ringCluster = pool.clusters.find((cluster) => cluster.applicationIds.includes('ring-1'))
  if (ringCluster === undefined) throw new Error('the planted ring did not form a cluster')
  const decide = (kind: 'application' | 'cluster', id: string, verdict: 'confirmed-fraud' | 'cleared') =>
    store.decisions.record({ subject: { kind, id }, verdict, reason: `test: ${verdict}`, actor })
  await decide('cluster', ringCluster.id, 'confirmed-fraud')
  await decide('application', lone.id, 'confirmed-fraud')
  await decide('application', cleared.id, 'confirmed-fraud')
  await decide('application', cleared.id, 'cleared')
  return {
    ringIds: ring.map((record) => record.id),
    ringClusterId: ringCluster.id,
    loneId: lone.id,
    clearedId: cleared.id,
    undecidedId: undecided.id,
  }
}
