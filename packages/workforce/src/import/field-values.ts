import { isKnownTimeZone } from '@hirewall/core'
import type { PostalAddress } from '../records/workforce-record.js'

/** Problems a value can have, as one sentence naming what was expected; undefined when it is fine. */
export function countryProblem(code: string): string | undefined {
  return /^[A-Za-z]{2}$/.test(code) ? undefined : `must be an ISO 3166-1 alpha-2 country code such as US, not "${code}"`
}

export function timeZoneProblem(zone: string): string | undefined {
  return isKnownTimeZone(zone) ? undefined : `is not an IANA time zone such as America/Chicago: "${zone}"`
}

/** Sign-in names: one or several, separated by `;` or `,`; each must look like user@domain. Lower-cased. */
export function readLogins(text: string): { readonly logins: readonly string[]; readonly problem?: string } {
  const logins = text
    .split(/[;,]/)
    .map((item) => item.trim().toLowerCase())
    .filter((item) => item !== '')
  const bad = logins.find((login) => !/^[^\s@]+@[^\s@]+$/.test(login))
  return bad === undefined
    ? { logins }
    : { logins, problem: `"${bad}" is not a sign-in name such as jane.doe@example.com` }
}

export function postalAddress(text: string, countryCode: string | undefined): PostalAddress {
  return countryCode === undefined ? { text } : { text, countryCode: countryCode.toUpperCase() }
}

/** Structured address parts joined the way a person would write them on one line. */
export function joinAddressParts(parts: readonly (string | undefined)[]): string | undefined {
  const text = parts
    .map((part) => part?.trim())
    .filter((part): part is string => part !== undefined && part !== '')
    .join(', ')
  return text === '' ? undefined : text
}
