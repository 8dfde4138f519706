import type { Random } from './random.js'

/**
 * What the generator shares across episodes: the seeded random stream, the time range, counters for ids and the
 * identifiers already handed out (so that two unrelated people never share a phone, email, address or IP by chance:
 * every reuse in the world is deliberate and labelled).
 */
export type WorldState = {
  readonly random: Random
  readonly startMs: number
  readonly endMs: number
  readonly usedPhones: Set<string>
  readonly usedEmails: Set<string>
  readonly usedAddresses: Set<string>
  readonly usedIps: Set<string>
  /** LinkedIn and GitHub handles: one account per handle, as on the real sites. */
  readonly usedHandles: Set<string>
  personaCount: number
  ringCount: number
}

export function nextPersonaId(world: WorldState): string {
  world.personaCount++
  return `persona-${String(world.personaCount).padStart(6, '0')}`
}

export function nextRingId(world: WorldState, kind: string): string {
  world.ringCount++
  return `${kind}-${String(world.ringCount).padStart(4, '0')}`
}
