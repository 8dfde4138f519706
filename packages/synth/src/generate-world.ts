import type { ApplicationRecord } from '@hirewall/core'
import { generateApplications, type WorldOptions } from './generate-applications.js'

/** The whole world in memory, in submission-time order; use `generateApplications` to stream large counts. */
export function generateWorld(options: WorldOptions): ApplicationRecord[] {
  return Array.from(generateApplications(options))
}
