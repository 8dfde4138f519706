// Second-level labels under which a country registry hands out names (`ox.ac.uk`, `unimelb.edu.au`).
const registrySecondLevels: ReadonlySet<string> = new Set([
  'ac',
  'edu',
  'co',
  'com',
  'org',
  'net',
  'gov',
  'gob',
  'gouv',
  'sch',
  'res',
  'nic',
  'mil',
])

/**
 * The host of a URL or bare domain as written (`https://www.cs.stanford.edu/x`, `Stanford.EDU`), lower case, without
 * `www.`; undefined when the text is not a host name.
 */
export function hostOf(text: string | undefined): string | undefined {
  if (!text) return undefined
  const host = text
    .trim()
    .toLowerCase()
    .replace(/^[a-z][a-z0-9+.-]*:\/\//, '')
    .replace(/^[^/@]*@/, '')
    .split(/[/?#:\s]/)[0]
    ?.replace(/^www\d?\./, '')
    .replace(/\.$/, '')
  if (!host || !/^[a-z0-9-]+(\.[a-z0-9-]+)+$/.test(host) || !/[a-z]/.test(host.slice(host.lastIndexOf('.') + 1))) {
    return undefined
  }
  return host
}

/**
 * The host and each parent domain down to the registrable one, most specific first: `cs.stanford.edu` → cs.stanford.edu,
 * stanford.edu; `www.ox.ac.uk` → ox.ac.uk. A public suffix alone (`edu`, `ac.uk`) is never returned.
 */
export function domainLadder(host: string): string[] {
  const labels = host.split('.')
  const last = labels[labels.length - 1] ?? ''
  const second = labels[labels.length - 2] ?? ''
  const isCountryRegistry = last.length === 2 && registrySecondLevels.has(second)
  const shortest = isCountryRegistry ? 3 : 2
  const ladder: string[] = []
  for (let start = 0; labels.length - start >= shortest; start += 1) ladder.push(labels.slice(start).join('.'))
  return ladder
}

/** The registrable domain of a host (`web.mit.edu` → mit.edu), or the host itself when it is one. */
export function registrableDomain(host: string): string {
  const last = host.lastIndexOf('.')
  const second = host.lastIndexOf('.', last - 1)
  if (last <= 0 || second < 0) return host
  const label = host.slice(second + 1, last)
  const isCountryRegistry = host.length - last - 1 === 2 && registrySecondLevels.has(label)
  if (!isCountryRegistry) return host.slice(second + 1)
  const third = host.lastIndexOf('.', second - 1)
  return host.slice(third + 1)
}
