import type { ResumeProfile } from '../record/application-record.js'

type KnownNetwork = { readonly network: string; readonly hosts: readonly string[]; readonly usernameAt: RegExp }

// JSON Resume names networks freely; these are the spellings its own examples use.
const knownNetworks: readonly KnownNetwork[] = [
  { network: 'LinkedIn', hosts: ['linkedin.com'], usernameAt: /^\/(?:in|pub)\/([^/?#]+)/i },
  { network: 'GitHub', hosts: ['github.com'], usernameAt: /^\/([^/?#]+)/ },
  { network: 'GitLab', hosts: ['gitlab.com'], usernameAt: /^\/([^/?#]+)/ },
  { network: 'Twitter', hosts: ['twitter.com', 'x.com'], usernameAt: /^\/([^/?#]+)/ },
  { network: 'StackOverflow', hosts: ['stackoverflow.com'], usernameAt: /^\/users\/(\d+)/ },
  { network: 'Facebook', hosts: ['facebook.com'], usernameAt: /^\/([^/?#]+)/ },
]

/**
 * A JSON Resume profile for a link as a vendor stored it (`linkedin.com/in/jdoe`, `https://github.com/jdoe/`). The
 * network comes from the host when it is a known one, else from the vendor's own label, else it is `Website`; the
 * URL is kept exactly as given.
 */
export function profileFromLink(url: string, label?: string): ResumeProfile {
  const parsed = parseLink(url)
  const host = parsed?.hostname.toLowerCase()
  const known =
    host === undefined ? undefined : knownNetworks.find((entry) => entry.hosts.some((name) => isHostOf(host, name)))
  if (!parsed || !known) return { network: label ?? 'Website', url }
  const username = usernameOf(parsed, known)
  return username === undefined ? { network: known.network, url } : { network: known.network, username, url }
}

function parseLink(url: string): URL | undefined {
  try {
    return new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(url) ? url : `https://${url}`)
  } catch {
    return undefined
  }
}

function isHostOf(host: string, domain: string): boolean {
  return host === domain || host.endsWith(`.${domain}`)
}

function usernameOf(url: URL, known: KnownNetwork): string | undefined {
  const username = known.usernameAt.exec(url.pathname)?.[1]
  if (username === undefined) return undefined
  try {
    return decodeURIComponent(username)
  } catch {
    return username
  }
}
