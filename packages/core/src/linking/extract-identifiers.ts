import type { NormalisedApplication } from '../normalise/normalise-application.js'
import { parseEmail } from '../normalise/email-address.js'
import { parseIp } from '../normalise/ip-address.js'
import { parsePersonName } from '../normalise/person-name.js'
import type { ApplicationRecord } from '../record/application-record.js'
import type { Identifier } from './identifier-kind.js'
import { normaliseAddress } from './normalise-address.js'
import { profileHandles } from './profile-handle.js'

const photoHashPattern = /^[0-9a-f]{16}$/

/**
 * Every exact-match identifier of one application, normalised and without duplicates. CV text and photo are
 * near-match identifiers: they are returned too (the text's key is empty, the photo's is its hash) and matched by
 * their own indexes.
 */
export function extractIdentifiers(record: ApplicationRecord, facts: NormalisedApplication): readonly Identifier[] {
  const found = new Map<string, Identifier>()
  const add = (identifier: Identifier): void => {
    const key = `${identifier.kind}\u0000${identifier.value}`
    if (!found.has(key)) found.set(key, identifier)
  }
  for (const phone of facts.phones)
    if (phone.e164 !== undefined) add({ kind: 'phone', value: phone.e164, display: phone.raw })
  for (const email of facts.emails)
    if (email.isValid) add({ kind: 'email', value: email.canonical, display: email.raw })
  for (const address of record.contacts?.addresses ?? []) {
    const value = normaliseAddress(address)
    if (value !== undefined) add({ kind: 'address', value, display: address.value ?? value })
  }
  const deviceId = record.submission?.deviceId?.trim()
  if (deviceId) add({ kind: 'device', value: deviceId.toLowerCase(), display: deviceId })
  const ip = record.submission?.ip
  if (ip !== undefined) {
    const parsed = parseIp(ip)
    // Private and other non-public addresses are shared by millions of home networks: never identifiers.
    if (parsed.kind === 'public') {
      add({ kind: 'ip', value: parsed.address, display: ip })
      add({ kind: 'ip-prefix', value: ipPrefix(parsed.address, parsed.version), display: ip })
    }
  }
  for (const handle of profileHandles(record)) {
    add({ kind: 'profile', value: `${handle.network}:${handle.username}`, display: handle.display })
  }
  const fileSha256 = record.document?.fileSha256?.trim().toLowerCase()
  if (fileSha256) add({ kind: 'cv-file', value: fileSha256, display: fileSha256 })
  const photo = record.document?.photoPerceptualHash?.trim().toLowerCase()
  if (photo !== undefined && photoHashPattern.test(photo)) add({ kind: 'photo', value: photo, display: photo })
  const referrer = referrerKey(record)
  if (referrer) add(referrer)
  return [...found.values()]
}

/** The /24 of an IPv4 address or the /48 of an IPv6 address, as CIDR text. */
export function ipPrefix(address: string, version: 4 | 6): string {
  if (version === 4) return `${address.slice(0, address.lastIndexOf('.'))}.0/24`
  return `${expandIpv6(address).slice(0, 3).join(':')}::/48`
}

function expandIpv6(address: string): string[] {
  const [head = '', tail] = address.split('::')
  const headGroups = head === '' ? [] : head.split(':')
  const tailGroups = tail === undefined || tail === '' ? [] : tail.split(':')
  const missing = Math.max(0, 8 - headGroups.length - tailGroups.length)
  return [...headGroups, ...Array.from({ length: missing }, () => '0'), ...tailGroups]
}

function referrerKey(record: ApplicationRecord): Identifier | undefined {
  const referrer = record.referrer
  if (!referrer) return undefined
  if (referrer.email !== undefined) {
    const email = parseEmail(referrer.email)
    if (email.isValid) return { kind: 'referrer', value: `email:${email.canonical}`, display: referrer.email }
  }
  if (referrer.name !== undefined) {
    const tokens = [...parsePersonName(referrer.name).tokens].sort()
    if (tokens.length > 0) return { kind: 'referrer', value: `name:${tokens.join(' ')}`, display: referrer.name }
  }
  return undefined
}
