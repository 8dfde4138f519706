/**
 * A form of a school's name worth indexing: the same name written otherwise (`name`), a part of it that names the
 * school by itself but may name its siblings too (`part`: `University of Michigan` of `University of Michigan -
 * Dearborn`), or an acronym as the list writes it (`MIT`, `UNICEUB`).
 */
export type NameVariant = { readonly text: string; readonly kind: 'name' | 'part' | 'acronym' }

const institutionalWord =
  /\b(universit\w*|univ|college|colegio|institut\w*|school|academ\w*|polytechn\w*|hochschule|conservator\w*|seminary)\b/i
// A token written in capitals (`ETH`, `EPF`): part of a short name, not a city.
const capitalsToken = /\b[A-Z]{2,}\b/

/**
 * The other forms a list's name implies: the name without a parenthesis (`Columbia College (SC)`) and the acronym in
 * it (`(MBZUAI)`); the parts of `EPFL - EPF Lausanne` or `Washington University, Saint Louis` that are names by
 * themselves; and German umlauts spelled out (`München` → `Muenchen`) next to the folded form any-ascii gives.
 */
export function nameVariants(name: string): NameVariant[] {
  const variants: NameVariant[] = []
  const add = (text: string, kind: NameVariant['kind']): void => {
    const trimmed = text.replace(/\s+/g, ' ').trim()
    if (trimmed.length >= 2 && trimmed !== name && !variants.some((variant) => variant.text === trimmed)) {
      variants.push({ text: trimmed, kind })
    }
  }
  const withoutParentheses = name.replace(/\s*\([^)]*\)\s*/g, ' ')
  if (withoutParentheses !== name) add(withoutParentheses, 'name')
  for (const [, inside = ''] of name.matchAll(/\(([^)]*)\)/g)) {
    if (isAcronym(inside)) add(inside, 'acronym')
    else if (institutionalWord.test(inside)) add(inside, 'name')
  }
  const parts = withoutParentheses.split(/\s+[-–—]\s+|\s*,\s*/)
  if (parts.length > 1) {
    for (const part of parts) {
      if (isAcronym(part)) add(part, 'acronym')
      else if (part.includes(' ') && (institutionalWord.test(part) || capitalsToken.test(part))) add(part, 'part')
    }
  }
  if (/[äöüÄÖÜ]/.test(name)) {
    add(
      name.replace(/[äöüÄÖÜ]/g, (letter) => umlauts[letter] ?? letter),
      'name',
    )
  }
  return variants
}

/**
 * Whether a written form is an acronym: one word of capitals (dots allowed), `MIT`, `M.I.T.`, `UNICEUB`. Two letters
 * count only when a list says so outright (an IPEDS alias `GW`): in a parenthesis they are a US state (`(SC)`).
 */
export function isAcronym(text: string, shortest = 3): boolean {
  const trimmed = text.trim()
  const letters = trimmed.replace(/\./g, '')
  return letters.length >= shortest && /^(?:[A-Z]\.){2,}$|^[A-Z][A-Z0-9&]{1,9}$/.test(trimmed)
}

const umlauts: Readonly<Record<string, string>> = { ä: 'ae', ö: 'oe', ü: 'ue', Ä: 'Ae', Ö: 'Oe', Ü: 'Ue' }
