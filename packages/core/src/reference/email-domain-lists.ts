import { createRequire } from 'node:module'
import type { ReferenceData, ReferenceSource } from './reference-data.js'

// Both lists ship inside maintained npm packages (no download at run time): mailchecker's disposable-domain list and
// Kikobeats' free-email-domains. Loaded once per process.
const require = createRequire(import.meta.url)
const mailchecker = require('mailchecker') as { blacklist: () => ReadonlySet<string> }
const freeDomains = require('free-email-domains') as string[]
const mailcheckerVersion = (require('mailchecker/package.json') as { version: string }).version
const freeDomainsVersion = (require('free-email-domains/package.json') as { version: string }).version

let disposable: ReadonlySet<string> | undefined
let free: ReadonlySet<string> | undefined

function disposableSet(): ReadonlySet<string> {
  disposable ??= mailchecker.blacklist()
  return disposable
}

function freeSet(): ReadonlySet<string> {
  free ??= new Set(freeDomains.map((domain) => domain.toLowerCase()))
  return free
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

/** The reference data the CLI and tests use by default: the email lists from npm packages. */
export function packagedReferenceData(): ReferenceData {
  const sources: ReferenceSource[] = [
    { name: 'mailchecker disposable domains', version: mailcheckerVersion, entries: disposableSet().size },
    { name: 'free-email-domains', version: freeDomainsVersion, entries: freeSet().size },
  ]
  return {
    isDisposableEmailDomain: (domain) => listedWithParents(disposableSet(), domain),
    // Disposable services are also free; keep the two apart so one address is not flagged twice.
    isFreeEmailDomain: (domain) => freeSet().has(domain) && !disposableSet().has(domain),
    sources,
  }
}
