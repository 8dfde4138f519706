import type { ReferenceData } from '@hirewall/core'

/** How the service shares indicators: who it is to partners, the consortium key, and which mail domains are common. */
export type SharingSettings = {
  /** The organisation named as the producer of every export (the STIX identity, the MISP `Orgc`); `HireWall` by default. */
  readonly producer?: string | undefined
  /** The TAXII API root's title; "<producer> confirmed identity fraud" by default. */
  readonly apiRootTitle?: string | undefined
  /** The consortium key of privacy-preserving exports; without it an export asking for keyed hashes is refused. */
  readonly consortiumKey?: Uint8Array | undefined
  /**
   * The free and disposable mail lists: the domain of a confirmed fraudster's mailbox is shared only when it is
   * neither (a front company's domain, not gmail.com). Without them no mail domain is shared.
   */
  readonly reference?: Pick<ReferenceData, 'isFreeEmailDomain' | 'isDisposableEmailDomain'> | undefined
}

/** The producer name exports carry. */
export function producerOf(settings: SharingSettings): string {
  const name = settings.producer?.trim()
  return name === undefined || name === '' ? 'HireWall' : name
}
