import { countryCodeFromName } from '@hirewall/core'

// Qualifiers OFAC puts before a country ("Region: Gaza", "possibly Palestinian").
const qualifier = /^(?:region:|possibly)\s+/i

// Lists repeat a few hundred country names tens of thousands of times; the bound only guards against odd input.
const cache = new Map<string, string | undefined>()
const cacheLimit = 5_000

/**
 * The lower-case ISO 3166-1 alpha-2 code (FollowTheMoney's convention) of a country as a sanctions list writes it:
 * "Korea, North", "Iran (Islamic Republic of)", "Region: Gaza". Undefined for regions and former states it cannot
 * place ("Region: Crimea", "former Soviet Union").
 */
export function listCountryCode(name: string): string | undefined {
  if (cache.has(name)) return cache.get(name)
  const code = countryCodeFromName(name.replace(qualifier, ''))?.toLowerCase()
  if (cache.size < cacheLimit) cache.set(name, code)
  return code
}
