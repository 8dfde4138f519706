import type { ReferenceData, ReferenceSource } from './reference-data.js'

export type EmailDomainLists = {
  /** Disposable/throwaway mail domains, lower case. */
  readonly disposable: Iterable<string>
  /** Free consumer mail providers, lower case. */
  readonly free: Iterable<string>
  /** Where the lists came from, cited by the signals that use them (first: disposable list, second: free list). */
  readonly sources: readonly ReferenceSource[]
}

/**
 * Reference data from two domain lists. The core only builds the lookups: the lists themselves come from npm packages
 * or files at the edges (the CLI), so the core stays free of I/O.
 */
export function createEmailDomainReference(lists: EmailDomainLists): ReferenceData {
  const disposable = new Set([...lists.disposable].map((domain) => domain.trim().toLowerCase()).filter(Boolean))
  const free = new Set([...lists.free].map((domain) => domain.trim().toLowerCase()).filter(Boolean))
  return {
    isDisposableEmailDomain: (domain) => listedWithParents(disposable, domain),
    // Disposable services are also free; keep the two apart so one address is not flagged twice.
    isFreeEmailDomain: (domain) => free.has(domain) && !disposable.has(domain),
    sources: lists.sources,
  }
}

/** True when the domain or any parent domain (`mx.tempmail.io` → `tempmail.io`) is listed. */
function listedWithParents(set: ReadonlySet<string>, domain: string): boolean {
  let current = domain
  for (;;) {
    if (set.has(current)) return true
    const dot = current.indexOf('.')
    if (dot < 0 || current.indexOf('.', dot + 1) < 0) return false
    current = current.slice(dot + 1)
  }
}
