import { countryCodeFromName } from '@hirewall/core'

// Country names that are also US states: `..., Georgia` names a state far more often than the country.
const stateNames: ReadonlySet<string> = new Set(['georgia'])

/**
 * A school name with a trailing country split off (`University of Tokyo, Japan`, `Kim Il Sung University (DPRK)`):
 * the name to look up and the country it states. Only a full name or a common abbreviation after a comma or in
 * parentheses counts: two-letter tails are US states in school names (`Bethel College (KS)`).
 */
export function splitCountrySuffix(text: string): { readonly name: string; readonly countryCode?: string } {
  const match = /^(.+?)\s*(?:,\s*([^,()]+?)|\(\s*([^()]+?)\s*\))\s*$/.exec(text)
  const head = match?.[1]
  const tail = (match?.[2] ?? match?.[3])?.trim()
  if (!head || !tail || tail.length <= 2 || stateNames.has(tail.toLowerCase())) return { name: text }
  const countryCode = countryCodeFromName(tail)
  return countryCode ? { name: head, countryCode } : { name: text }
}
