import { memoise } from './memoise.js'

/** The online networks whose profile addresses screening knows how to read. */
export const profileNetworks = ['linkedin', 'github', 'gitlab', 'twitter', 'stackoverflow'] as const
export type ProfileNetwork = (typeof profileNetworks)[number]

export const profileNetworkLabels: Readonly<Record<ProfileNetwork, string>> = {
  linkedin: 'LinkedIn',
  github: 'GitHub',
  gitlab: 'GitLab',
  twitter: 'X (Twitter)',
  stackoverflow: 'Stack Overflow',
}

const networkAliases: Readonly<Record<string, ProfileNetwork>> = {
  linkedin: 'linkedin',
  github: 'github',
  gitlab: 'gitlab',
  twitter: 'twitter',
  x: 'twitter',
  xcom: 'twitter',
  stackoverflow: 'stackoverflow',
}

/** `LinkedIn`, `linked in`, `GitHub` → the network; undefined for networks screening does not read (`Portfolio`). */
export function identifyNetwork(name: string): ProfileNetwork | undefined {
  return networkAliases[name.toLowerCase().replace(/[^a-z]/g, '')]
}

export const profileUrlProblems = ['not-a-url', 'other-site', 'not-a-profile'] as const
export type ProfileUrlProblem = (typeof profileUrlProblems)[number]

export type ProfileUrlCheck =
  | { readonly status: 'valid'; readonly handle?: string }
  | { readonly status: 'invalid'; readonly problem: ProfileUrlProblem }

type NetworkRule = {
  /** Whether a lower-case host (without `www.`) belongs to the network. */
  readonly isHost: (host: string) => boolean
  /** The account's handle from the path segments, `null` when the path is not a profile page. */
  readonly handle: (segments: readonly string[], host: string) => string | undefined | null
}

const githubUser = /^[a-z0-9](?:[a-z0-9]|-(?=[a-z0-9])){0,38}$/i
// Top-level GitHub pages that are not users (a user cannot register these names).
const githubPages = new Set([
  'about',
  'explore',
  'features',
  'login',
  'join',
  'marketplace',
  'orgs',
  'settings',
  'sponsors',
  'topics',
  'trending',
  'search',
  'pricing',
  'enterprise',
  'collections',
  'notifications',
  'pulls',
  'issues',
])

const rules: Readonly<Record<ProfileNetwork, NetworkRule>> = {
  linkedin: {
    isHost: (host) => host === 'linkedin.com' || /^[a-z]{2}\.linkedin\.com$/.test(host),
    handle: ([kind, slug]) => ((kind === 'in' || kind === 'pub') && slug ? slug : null),
  },
  github: {
    isHost: (host) => host === 'github.com' || /^[a-z0-9-]+\.github\.io$/.test(host),
    handle: ([user], host) => {
      if (host.endsWith('.github.io')) return host.slice(0, -'.github.io'.length)
      return user && githubUser.test(user) && !githubPages.has(user.toLowerCase()) ? user : null
    },
  },
  gitlab: {
    isHost: (host) => host === 'gitlab.com',
    handle: ([user]) => (user && /^[\w.-]+$/.test(user) && user !== 'explore' && user !== 'users' ? user : null),
  },
  twitter: {
    isHost: (host) => host === 'twitter.com' || host === 'x.com' || host === 'mobile.twitter.com',
    handle: ([user]) => (user && /^\w{1,15}$/.test(user) && user !== 'home' && user !== 'search' ? user : null),
  },
  stackoverflow: {
    isHost: (host) => host === 'stackoverflow.com',
    handle: ([kind, id]) => (kind === 'users' && id && /^\d+$/.test(id) ? undefined : null),
  },
}

const schemePattern = /^[a-z][a-z0-9+.-]*:\/\//i

/**
 * Whether a profile URL is an address of the network it claims, and the account handle in it. A missing `https://` is
 * tolerated (people type `linkedin.com/in/...`); look-alike hosts (`linkedin.com.example.io`, `1inkedin.com`) are not.
 */
export function checkProfileUrl(network: ProfileNetwork, url: string): ProfileUrlCheck {
  return checkKeyedUrl(`${network} ${url}`)
}

// A record lists most profile URLs twice (in the CV and in enrichment): the second reading is free.
const checkKeyedUrl = memoise((key: string): ProfileUrlCheck => {
  const space = key.indexOf(' ')
  return readProfileUrl(key.slice(0, space) as ProfileNetwork, key.slice(space + 1))
})

function readProfileUrl(network: ProfileNetwork, url: string): ProfileUrlCheck {
  const text = url.trim()
  if (text === '' || /\s/.test(text)) return { status: 'invalid', problem: 'not-a-url' }
  let parsed: URL
  try {
    parsed = new URL(schemePattern.test(text) ? text : `https://${text}`)
  } catch {
    return { status: 'invalid', problem: 'not-a-url' }
  }
  if ((parsed.protocol !== 'https:' && parsed.protocol !== 'http:') || !parsed.hostname.includes('.')) {
    return { status: 'invalid', problem: 'not-a-url' }
  }
  const host = parsed.hostname.toLowerCase().replace(/^(?:www|m)\./, '')
  const rule = rules[network]
  if (!rule.isHost(host)) return { status: 'invalid', problem: 'other-site' }
  const segments = parsed.pathname
    .split('/')
    .filter((segment) => segment !== '')
    .map(decodeSegment)
  const handle = rule.handle(segments, host)
  if (handle === null) return { status: 'invalid', problem: 'not-a-profile' }
  return handle === undefined ? { status: 'valid' } : { status: 'valid', handle }
}

function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment)
  } catch {
    return segment
  }
}
