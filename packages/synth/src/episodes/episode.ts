import type { Applicant } from '../applicant.js'
import type { WorldState } from '../world-state.js'

/**
 * One story in the world: a single honest application, a family sharing a phone, a ring of personas. It returns
 * its applications, each submitted at or after `notBeforeMs` (the generator keeps the stream in time order).
 */
export type Episode = (world: WorldState, notBeforeMs: number) => Applicant[]

export const dayMs = 86_400_000

/** Copies an applicant for another application by the same person (arrays are replaced, never mutated). */
export function sameApplicantAgain(applicant: Applicant): Applicant {
  return { ...applicant, label: { ...applicant.label } }
}

/** A spread that stays inside the world's time range. */
export function spreadWithin(world: WorldState, notBeforeMs: number, wantedMs: number): number {
  return Math.max(0, Math.min(wantedMs, world.endMs - notBeforeMs))
}
