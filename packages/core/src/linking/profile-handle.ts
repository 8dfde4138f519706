import { profileFromLink } from '../import/profile-link.js'
import type { ApplicationRecord, ResumeProfile } from '../record/application-record.js'

/** One online profile as `network:username`, both lower case: `linkedin:jordanmiller`, `github:jdoe`. */
export type ProfileHandle = { readonly network: string; readonly username: string; readonly display: string }

const networkAliases: Readonly<Record<string, string>> = {
  x: 'twitter',
  'x.com': 'twitter',
  'stack overflow': 'stackoverflow',
}

/**
 * The profile handles an application names, from the CV (`cv.basics.profiles`) and from enrichment (`profiles`),
 * without duplicates. Profiles with neither a username nor a profile URL (a personal website) are skipped.
 */
export function profileHandles(record: ApplicationRecord): readonly ProfileHandle[] {
  const found = new Map<string, ProfileHandle>()
  const sources = [...(record.cv.basics?.profiles ?? []), ...(record.profiles ?? [])]
  for (const profile of sources) {
    const handle = profileHandle(profile)
    if (handle === undefined) continue
    const key = `${handle.network}:${handle.username}`
    if (!found.has(key)) found.set(key, handle)
  }
  return [...found.values()]
}

/**
 * One profile as `network:username`: the username as given, else the one in the URL; the network from the URL's
 * host when it names the username, else as given. Undefined when either is missing or the profile is a website.
 */
export function profileHandle(profile: ResumeProfile): ProfileHandle | undefined {
  const fromUrl = profile.url === undefined ? undefined : profileFromLink(profile.url)
  const rawNetwork = (fromUrl?.username !== undefined ? fromUrl.network : profile.network) ?? fromUrl?.network
  const rawUsername = profile.username?.trim() || fromUrl?.username
  if (rawNetwork === undefined || rawUsername === undefined) return undefined
  const lowerNetwork = rawNetwork.trim().toLowerCase()
  const network = networkAliases[lowerNetwork] ?? lowerNetwork
  const username = rawUsername.replace(/^@/, '').replace(/\/+$/, '').toLowerCase()
  if (network.length === 0 || username.length === 0 || network === 'website') return undefined
  return { network, username, display: profile.url ?? `${rawNetwork} ${rawUsername}` }
}
