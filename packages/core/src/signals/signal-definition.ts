import type { Severity } from './severity.js'

/** Where in the hiring journey a signal can appear (see SIGNALS.md): application, interview, onboarding, after hire. */
export const stages = ['application', 'interview', 'onboarding', 'after-hire'] as const
export type Stage = (typeof stages)[number]

/** Families of signals; scoring caps how much one family can add so that one cause is not counted many times. */
export const signalCategories = [
  'phone',
  'email',
  'education',
  'employment',
  'context',
  'online-presence',
  'interview',
  'identity-reuse',
  'sanctions',
  'institution',
  'network',
  'watchlist',
  'shipment',
  'device',
  'laptop-farm',
  'sign-in',
  'payroll',
] as const
export type SignalCategory = (typeof signalCategories)[number]

/** The documented meaning of one stable signal code. */
export type SignalDefinition<Code extends string = string> = {
  readonly code: Code
  readonly category: SignalCategory
  readonly stage: Stage
  /** The severity a detector uses unless the evidence says otherwise. */
  readonly severity: Severity
  /** One sentence for analysts and for docs/signals.md. */
  readonly description: string
}

/** Declares a detector's signal codes, keeping their literal types for the `SignalCode` union. */
export function defineSignals<const Code extends string>(
  definitions: readonly SignalDefinition<Code>[],
): readonly SignalDefinition<Code>[] {
  return definitions
}
