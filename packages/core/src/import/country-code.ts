import { getAllCountries, getCountry } from 'countries-and-timezones'

// Names people and ATSs write that differ from the ISO short names the country list carries.
const aliases: Readonly<Record<string, string>> = {
  usa: 'US',
  'united states': 'US',
  america: 'US',
  uk: 'GB',
  'great britain': 'GB',
  britain: 'GB',
  england: 'GB',
  scotland: 'GB',
  wales: 'GB',
  'northern ireland': 'GB',
  korea: 'KR',
  'republic of korea': 'KR',
  'korea republic of': 'KR',
  dprk: 'KP',
  'democratic peoples republic of korea': 'KP',
  'korea democratic peoples republic of': 'KP',
  'russian federation': 'RU',
  'viet nam': 'VN',
  uae: 'AE',
  prc: 'CN',
  'peoples republic of china': 'CN',
  'mainland china': 'CN',
  'czech republic': 'CZ',
  holland: 'NL',
  'cote divoire': 'CI',
  macau: 'MO',
  turkey: 'TR',
  burma: 'MM',
  macedonia: 'MK',
  'hong kong sar': 'HK',
  'iran islamic republic of': 'IR',
  'lao peoples democratic republic': 'LA',
  'syrian arab republic': 'SY',
  // Sanctions lists: OFAC writes "Korea, North" and "Man, Isle of"; the UN writes full official names.
  'korea north': 'KP',
  'korea south': 'KR',
  congo: 'CG',
  'congo republic of the': 'CG',
  'congo democratic republic of the': 'CD',
  'cote d ivoire': 'CI',
  'bahamas the': 'BS',
  'man isle of': 'IM',
  'virgin islands british': 'VG',
  'british virgin islands': 'VG',
  'virgin islands us': 'VI',
  'north macedonia the republic of': 'MK',
  'united kingdom of great britain and northern ireland': 'GB',
  'united republic of tanzania': 'TZ',
  'china hong kong special administrative region': 'HK',
  'china macao special administrative region': 'MO',
  'state of palestine': 'PS',
  palestinian: 'PS',
  'west bank': 'PS',
  gaza: 'PS',
  // Not in ISO 3166-1; XK is the user-assigned code the EU, OFAC and FollowTheMoney use.
  kosovo: 'XK',
}

let byName: ReadonlyMap<string, string> | undefined

/**
 * The ISO 3166-1 alpha-2 code for a country as an ATS writes it: a code (`us`), an ISO short name
 * (`United Kingdom`) or a common alias (`USA`, `South Korea`, `Viet Nam`). Undefined when it cannot tell.
 */
export function countryCodeFromName(name: string): string | undefined {
  const trimmed = name.trim()
  if (/^[A-Za-z]{2}$/.test(trimmed)) return getCountry(trimmed.toUpperCase()) ? trimmed.toUpperCase() : undefined
  const key = foldName(trimmed)
  return aliases[key] ?? countryNames().get(key)
}

function countryNames(): ReadonlyMap<string, string> {
  byName ??= new Map(Object.values(getAllCountries()).map((country) => [foldName(country.name), country.id]))
  return byName
}

function foldName(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[.,'’()]/g, '')
    .replace(/&/g, 'and')
    .replace(/\s+/g, ' ')
    .replace(/^the /, '')
    .trim()
}
