import type { ApplicationRecord } from '@hirewall/core'
import type { Applicant } from './applicant.js'
import type { Episode } from './episodes/episode.js'
import { fraudEpisodes, fraudPatterns, type FraudPattern } from './episodes/fraud-episodes.js'
import {
  hardNegativeEpisodes,
  hardNegativeKinds,
  plainApplication,
  type HardNegativeKind,
} from './episodes/legitimate-episodes.js'
import { Random } from './random.js'
import { toApplicationRecord } from './to-application-record.js'
import type { WorldState } from './world-state.js'

export type WorldOptions = {
  /** How many application records to generate. */
  readonly count: number
  /** Same seed, same world: a number or any string. */
  readonly seed: number | string
  /** First submission instant (ISO 8601 or Date); default 2025-01-01T00:00:00Z. */
  readonly start?: string | Date
  /** Last submission instant; default 2026-10-31T23:59:59Z. */
  readonly end?: string | Date
  /** Share of records that are fraudulent, 0 to 1; default 0.07. */
  readonly fraudShare?: number
}

export const worldDefaults = {
  start: '2025-01-01T00:00:00Z',
  end: '2026-10-31T23:59:59Z',
  fraudShare: 0.07,
} as const

/** Share of fraudulent records per pattern. */
export const fraudPatternShares: Readonly<Record<FraudPattern, number>> = {
  'persona-ring': 0.35,
  'stolen-identity': 0.15,
  'rented-profile': 0.12,
  'diploma-mill': 0.13,
  'inconsistent-resubmission': 0.1,
  'laptop-farm-applicant': 0.15,
}

/** Share of legitimate records per hard-negative kind; the rest (about 87%) are plain applications. */
export const hardNegativeShares: Readonly<Record<HardNegativeKind, number>> = {
  immigrant: 0.025,
  'career-gap': 0.02,
  'common-name': 0.015,
  roommates: 0.01,
  'family-phone': 0.008,
  'university-ip': 0.01,
  'night-owl': 0.012,
  'vpn-user': 0.012,
  'new-github': 0.01,
  resubmission: 0.01,
}

function instant(value: string | Date, name: string): number {
  const ms = value instanceof Date ? value.getTime() : Date.parse(value)
  if (Number.isNaN(ms)) throw new RangeError(`${name} must be an ISO 8601 date or date-time, got ${String(value)}`)
  return ms
}

/** Episodes weighted so that, in expectation, each kind makes up its share of records (not of episodes). */
function episodeCatalogue(fraudShare: number): (readonly [Episode, number])[] {
  const legitimateShare = 1 - fraudShare
  const hardShare = hardNegativeKinds.reduce((sum, kind) => sum + hardNegativeShares[kind], 0)
  const catalogue: (readonly [Episode, number])[] = [[plainApplication, legitimateShare * (1 - hardShare)]]
  for (const kind of hardNegativeKinds) {
    const { episode, meanSize } = hardNegativeEpisodes[kind]
    catalogue.push([episode, (legitimateShare * hardNegativeShares[kind]) / meanSize])
  }
  for (const pattern of fraudPatterns) {
    const { episode, meanSize } = fraudEpisodes[pattern]
    catalogue.push([episode, (fraudShare * fraudPatternShares[pattern]) / meanSize])
  }
  return catalogue.filter(([, weight]) => weight > 0)
}

type Queued = { readonly applicant: Applicant; readonly sequence: number }

/** A binary min-heap on submission time (ties in creation order): the stream leaves in time order. */
class SubmissionQueue {
  private readonly items: Queued[] = []

  get size(): number {
    return this.items.length
  }

  earliestMs(): number {
    return this.items[0]?.applicant.submittedAtMs ?? Infinity
  }

  push(item: Queued): void {
    const items = this.items
    items.push(item)
    let index = items.length - 1
    while (index > 0) {
      const parent = (index - 1) >> 1
      if (!this.before(items[index] as Queued, items[parent] as Queued)) break
      ;[items[index], items[parent]] = [items[parent] as Queued, items[index] as Queued]
      index = parent
    }
  }

  pop(): Applicant | undefined {
    const items = this.items
    const top = items[0]
    const last = items.pop()
    if (top && last && items.length > 0) {
      items[0] = last
      let index = 0
      for (;;) {
        const left = index * 2 + 1
        const right = left + 1
        let smallest = index
        if (left < items.length && this.before(items[left] as Queued, items[smallest] as Queued)) smallest = left
        if (right < items.length && this.before(items[right] as Queued, items[smallest] as Queued)) smallest = right
        if (smallest === index) break
        ;[items[index], items[smallest]] = [items[smallest] as Queued, items[index] as Queued]
        index = smallest
      }
    }
    return top?.applicant
  }

  private before(a: Queued, b: Queued): boolean {
    const difference = a.applicant.submittedAtMs - b.applicant.submittedAtMs
    return difference < 0 || (difference === 0 && a.sequence < b.sequence)
  }
}

/**
 * Streams a labelled synthetic world of job applications, in submission-time order, one canonical record (v1,
 * `source.system: 'synthetic'`) at a time. Records never sit in memory together: only the identifiers already
 * handed out (to keep unrelated people apart) and the applications queued for the coming weeks do. Deterministic
 * for a seed. Each record carries `label` (ground truth for evaluation; screening never reads it).
 */
export function* generateApplications(options: WorldOptions): Generator<ApplicationRecord, void, undefined> {
  const { count, seed } = options
  if (!Number.isInteger(count) || count < 0) throw new RangeError(`count must be a whole number >= 0, got ${count}`)
  const fraudShare = options.fraudShare ?? worldDefaults.fraudShare
  if (!(fraudShare >= 0 && fraudShare <= 1))
    throw new RangeError(`fraudShare must be between 0 and 1, got ${fraudShare}`)
  const startMs = instant(options.start ?? worldDefaults.start, 'start')
  const endMs = instant(options.end ?? worldDefaults.end, 'end')
  if (endMs <= startMs) throw new RangeError('end must be after start')

  const world: WorldState = {
    random: new Random(seed),
    startMs,
    endMs,
    usedPhones: new Set(),
    usedEmails: new Set(),
    usedAddresses: new Set(),
    usedIps: new Set(),
    usedHandles: new Set(),
    personaCount: 0,
    ringCount: 0,
  }
  const wordingRandom = new Random(`${String(seed)}:wording`)
  const catalogue = episodeCatalogue(fraudShare)
  const queue = new SubmissionQueue()
  const span = endMs - startMs
  let produced = 0
  let emitted = 0
  const emit = (applicant: Applicant): ApplicationRecord => {
    emitted++
    return toApplicationRecord(applicant, `syn-${String(emitted).padStart(7, '0')}`, wordingRandom)
  }
  while (produced < count) {
    // Episodes start at an anchor that moves steadily through the range; nothing later starts before it.
    const anchorMs = startMs + Math.floor((produced / count) * span)
    while (queue.earliestMs() <= anchorMs) {
      const next = queue.pop()
      if (next) yield emit(next)
    }
    const episode = world.random.weighted(catalogue)
    for (const applicant of episode(world, anchorMs)) {
      if (produced >= count) break
      queue.push({ applicant, sequence: produced })
      produced++
    }
  }
  while (queue.size > 0) {
    const next = queue.pop()
    if (next) yield emit(next)
  }
}
