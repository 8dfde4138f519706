import type { NormalisedApplication } from '../normalise/normalise-application.js'
import type { ApplicationRecord } from '../record/application-record.js'
import type { ReferenceData } from '../reference/reference-data.js'
import type { SignalDefinition } from '../signals/signal-definition.js'
import type { Signal } from '../signals/signal.js'

/** What a per-record detector sees: the record, its normalised facts, and reference lookups. */
export type DetectionContext = {
  readonly record: ApplicationRecord
  readonly facts: NormalisedApplication
  readonly reference: ReferenceData
}

/**
 * A detector looks at one record and returns the signals it finds. It must not do I/O or read the clock: "now" is
 * the record's `submittedAt`, so screening the same record twice gives the same result.
 */
export type Detector<Code extends string = string> = {
  readonly name: string
  readonly signals: readonly SignalDefinition<Code>[]
  readonly detect: (context: DetectionContext) => readonly Signal<Code>[]
}
