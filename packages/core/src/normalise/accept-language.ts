/** One language range of an HTTP Accept-Language header, reduced to what screening compares. */
export type LanguagePreference = {
  /** The tag as sent, e.g. `ko-KR`. */
  readonly tag: string
  /** Lower-case ISO 639 code, legacy codes replaced (`iw` → `he`). */
  readonly language: string
  /** Upper-case region subtag (`KR`, `419`) when the tag has one. */
  readonly region?: string
  readonly quality: number
}

const legacyLanguages: Readonly<Record<string, string>> = { iw: 'he', in: 'id', ji: 'yi', jw: 'jv', mo: 'ro' }

const languagePattern = /^[a-z]{2,3}$/
const regionPattern = /^(?:[A-Z]{2}|\d{3})$/
const qualityPattern = /^q=(0(?:\.\d{0,3})?|1(?:\.0{0,3})?)$/

/**
 * The header's language ranges, most preferred first (by quality, then by order). Wildcards, ranges with q=0 and
 * malformed entries are left out; a header with nothing usable gives an empty list.
 */
export function parseAcceptLanguage(header: string): readonly LanguagePreference[] {
  // A few headers (`en-US,en;q=0.9`) cover most browsers, so parsed headers are kept (bounded).
  const cached = parsedHeaders.get(header)
  if (cached) return cached
  const preferences = parseHeader(header)
  if (parsedHeaders.size >= 5_000) parsedHeaders.clear()
  parsedHeaders.set(header, preferences)
  return preferences
}

const parsedHeaders = new Map<string, readonly LanguagePreference[]>()

function parseHeader(header: string): readonly LanguagePreference[] {
  const preferences: LanguagePreference[] = []
  for (const entry of header.split(',')) {
    const [rawTag = '', ...parameters] = entry.split(';').map((part) => part.trim())
    let quality = 1
    let isMalformed = false
    for (const parameter of parameters) {
      const match = qualityPattern.exec(parameter.replace(/\s+/g, ''))
      if (match?.[1] !== undefined) quality = Number(match[1])
      else if (parameter.toLowerCase().startsWith('q=')) isMalformed = true
    }
    if (isMalformed || quality <= 0) continue
    const subtags = rawTag.split(/[-_]/)
    const language = (subtags[0] ?? '').toLowerCase()
    if (!languagePattern.test(language)) continue
    // The region is the first 2-letter or 3-digit subtag after the language (script and extlang subtags come before).
    const region = subtags
      .slice(1)
      .map((subtag) => subtag.toUpperCase())
      .find((subtag) => regionPattern.test(subtag))
    preferences.push({
      tag: rawTag,
      language: legacyLanguages[language] ?? language,
      ...(region ? { region } : {}),
      quality,
    })
  }
  // Array.prototype.sort is stable, so equal qualities keep the header's order.
  return preferences.sort((a, b) => b.quality - a.quality)
}
