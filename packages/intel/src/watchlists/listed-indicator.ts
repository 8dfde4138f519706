import { assertNever, normaliseAddressText, parseEmail, parsePhone, profileHandle } from '@hirewall/core'
import { readIpBlock, type IpBlock } from '../network/ip-block.js'
import { normaliseDomain } from './domain-name.js'
import { readKeyedHash } from './keyed-indicator-hash.js'
import type { WatchlistEntry, WatchlistIndicatorKind } from './watchlist-entry.js'

/**
 * A listed value read for matching: its comparison key (the form the identity index uses for the same kind), and for
 * IP entries the block of addresses it covers. `invalid` says why the value cannot be matched, in words a list editor can act on.
 */
export type ListedIndicator =
  | { readonly status: 'ok'; readonly key: string; readonly block?: IpBlock; readonly isHashed?: true }
  | { readonly status: 'invalid'; readonly message: string }

const lengthProblems: Readonly<Record<string, string>> = {
  TOO_SHORT: 'too short',
  TOO_LONG: 'too long',
  INVALID_LENGTH: 'of a length no number of its country has',
  INVALID_COUNTRY: 'without a known country code',
  NOT_A_NUMBER: 'not a number',
}

const sha256Pattern = /^[0-9a-f]{64}$/

// Loading a list reads every entry twice (the parser checks it, the index keys it): the second reading is free.
const readings = new WeakMap<WatchlistEntry, ListedIndicator>()

/** `readListedIndicator` of an entry's kind and value, remembered for the entry object. */
export function readEntryIndicator(entry: WatchlistEntry): ListedIndicator {
  let reading = readings.get(entry)
  if (reading === undefined) {
    reading = readListedIndicator(entry.kind, entry.value)
    readings.set(entry, reading)
  }
  return reading
}

/**
 * Reads one listed value of a kind; pure, and the same reading the detector applies to the record's side. A keyed
 * hash (`hmac-sha256:…`, shared by a partner in privacy-preserving mode) is its own key: only the hash is known.
 */
export function readListedIndicator(kind: WatchlistIndicatorKind, value: string): ListedIndicator {
  const text = value.trim()
  if (text === '') return invalid('is empty')
  const hash = readKeyedHash(text)
  if (hash !== undefined) return { status: 'ok', key: hash, isHashed: true }
  switch (kind) {
    case 'phone':
      return readPhone(text)
    case 'email': {
      const email = parseEmail(text.replace(/^mailto:/i, ''))
      return email.isValid ? ok(email.canonical) : invalid(`"${text}" is not an email address: it ${email.problem}`)
    }
    case 'domain': {
      const domain = normaliseDomain(text)
      return domain === undefined ? invalid(`"${text}" is not a domain name`) : ok(domain)
    }
    case 'address': {
      const address = normaliseAddressText(text)
      return address === undefined ? invalid(`"${text}" has no letters or digits to compare`) : ok(address)
    }
    case 'handle':
      return readHandle(text)
    case 'ip': {
      const reading = readIpBlock(text)
      if (reading.status === 'invalid') {
        // A range's message says which half is wrong; a lone address needs no more than the sentence itself.
        const detail = text.includes('/') ? `: ${reading.message}` : ''
        return invalid(`"${text}" is not an IP address or CIDR range${detail}`)
      }
      const { block, prefixLength } = reading
      if (prefixLength === 0) {
        return invalid(
          `"${text}" is not an IP address or CIDR range: /${text.slice(text.indexOf('/') + 1).trim()} would match every address`,
        )
      }
      return { status: 'ok', key: `${block.version}:${block.first.toString(16)}/${prefixLength}`, block }
    }
    case 'cv-sha256': {
      const hash = text.replace(/^sha-?256:/i, '').toLowerCase()
      return sha256Pattern.test(hash) ? ok(hash) : invalid(`"${text}" is not a SHA-256 (64 hexadecimal digits)`)
    }
    default:
      return assertNever(kind)
  }
}

function readPhone(text: string): ListedIndicator {
  const number = text.replace(/^tel:/i, '')
  const isInternational = /^\(?\s*(\+|00|011)/.test(number)
  // Spreadsheets drop a leading `+`: digits alone are read as an international number, but only if valid as one,
  // so that a national number (`415 555 0100`) is refused rather than read in some other country.
  const parsed = parsePhone(isInternational ? number : `+${number}`)
  if (!isInternational) {
    if (/^[\d\s.-]+$/.test(number) && parsed.e164 !== undefined && parsed.isValid) return ok(parsed.e164)
    if (number.replace(/\D/g, '').length >= 6) {
      return invalid(`"${text}" has no country code: write it in international form (+1 415 555 0100)`)
    }
  }
  if (parsed.e164 === undefined || !parsed.isPossible) {
    const problem =
      parsed.lengthProblem === undefined ? '' : ` (${lengthProblems[parsed.lengthProblem] ?? parsed.lengthProblem})`
    return invalid(`"${text}" is not a phone number in international form (+1 415 555 0100)${problem}`)
  }
  return ok(parsed.e164)
}

const handlePattern = /^([a-z][a-z0-9 ._-]*?)\s*:\s*(?!\/\/)(.+)$/i

function readHandle(text: string): ListedIndicator {
  const written = handlePattern.exec(text)
  const handle =
    written === null
      ? profileHandle({ url: text })
      : profileHandle({ network: written[1] ?? '', username: (written[2] ?? '').trim() })
  return handle === undefined
    ? invalid(
        `"${text}" is neither network:username (github:jdoe) nor the URL of a LinkedIn, GitHub, GitLab, X, Stack Overflow or Facebook profile`,
      )
    : ok(`${handle.network}:${handle.username}`)
}

const ok = (key: string): ListedIndicator => ({ status: 'ok', key })
const invalid = (message: string): ListedIndicator => ({ status: 'invalid', message })
