/**
 * Outside facts the per-record detectors consult. The core only sees this interface; the lists behind it come from
 * npm packages (see email-domain-lists.ts) or, for later sources, from the intel package.
 */
export type ReferenceData = {
  /** Whether a lower-case domain (or a parent domain of it) is a disposable/throwaway mail service. */
  readonly isDisposableEmailDomain: (domain: string) => boolean
  /** Whether a lower-case domain is a free consumer mail provider (gmail.com, outlook.com...). */
  readonly isFreeEmailDomain: (domain: string) => boolean
  /** Names and versions of the lists, cited by signals that used them. */
  readonly sources: readonly ReferenceSource[]
}

export type ReferenceSource = {
  readonly name: string
  readonly version: string
  readonly entries: number
}
