import { foldToAscii, type PersonName } from './person-name.js'

/** What makes an email local part look machine-made rather than chosen by a person. */
export const generatedTraits = ['long-digit-run', 'consonant-string', 'letters-digits-alternating'] as const
export type GeneratedTrait = (typeof generatedTraits)[number]

export type GeneratedTraitFinding = {
  readonly trait: GeneratedTrait
  /** Half a sentence with the concrete part: `a run of 8 digits (88123456)`. */
  readonly explanation: string
}

/** Digit runs this long are rarely chosen by people unless they are a date (`19970415`). */
const longDigitRun = 6
/** Letters (5 or more) of which fewer than this share are vowels read as a random string: `xkqzm`. */
const minimumVowelShare = 0.15
const minimumLettersForVowelShare = 5
/** `xk7qz2m9` switches between letters and digits 5 times; `jordan2k23` 3 times, `r2d2fan` 4. */
const alternatingSwitches = 5

/**
 * Finds the traits of a generated-looking local part (`xk7qz2m9`, `dev88123456`), measured on what is left after
 * the applicant's name tokens are taken out, so `przybylski.j` or `jordan.miller1997` are judged by `.j` and `1997`.
 * Deliberately simple and conservative: a long non-date digit run, letters with almost no vowels, or letters and
 * digits alternating many times.
 */
export function findGeneratedTraits(local: string, name: PersonName): readonly GeneratedTraitFinding[] {
  let rest = foldToAscii(local.split('+')[0] ?? local)
  for (const token of nameVariants(name)) rest = rest.replaceAll(token, '.')
  const findings: GeneratedTraitFinding[] = []
  const runs = rest.match(/\d+/g) ?? []
  const digitRun = runs.find((run) => run.length >= longDigitRun && !isDate(run))
  if (digitRun) {
    findings.push({ trait: 'long-digit-run', explanation: `a run of ${digitRun.length} digits (${digitRun})` })
  }
  const letters = rest.replace(/[^a-z]/g, '')
  const vowels = letters.replace(/[^aeiouy]/g, '').length
  if (letters.length >= minimumLettersForVowelShare && vowels / letters.length < minimumVowelShare) {
    findings.push({
      trait: 'consonant-string',
      explanation: `letters with almost no vowels (${letters}: ${vowels} of ${letters.length})`,
    })
  }
  const compact = rest.replace(/[^a-z0-9]/g, '')
  const switches = compact
    .split('')
    .filter((character, index) => index > 0 && isDigit(character) !== isDigit(compact[index - 1] ?? '')).length
  if (switches >= alternatingSwitches) {
    findings.push({
      trait: 'letters-digits-alternating',
      explanation: `letters and digits alternating ${switches} times (${compact})`,
    })
  }
  return findings
}

/** The name's tokens folded (`sandstrom`) and with non-ASCII letters dropped (`sandstrm`), as people type them. */
function nameVariants(name: PersonName): readonly string[] {
  const dropped = !/\P{ASCII}/u.test(name.full)
    ? []
    : name.full
        .toLowerCase()
        .replace(/[^a-z\s'-]/g, '')
        .split(/[\s'-]+/)
  return [...new Set([...name.tokens, ...dropped])]
    .filter((token) => token.length >= 3)
    .sort((a, b) => b.length - a.length)
}

function isDigit(character: string): boolean {
  return character >= '0' && character <= '9'
}

/** `19970415`, `15041997`, `04151997`, `970415`, `150497`, `041597`: a birthday or another date. */
function isDate(run: string): boolean {
  if (run.length === 8) {
    return (
      isYearMonthDay(run.slice(0, 4), run.slice(4, 6), run.slice(6, 8)) ||
      isYearMonthDay(run.slice(4, 8), run.slice(2, 4), run.slice(0, 2)) ||
      isYearMonthDay(run.slice(4, 8), run.slice(0, 2), run.slice(2, 4))
    )
  }
  if (run.length === 6) {
    return (
      isMonthDay(run.slice(2, 4), run.slice(4, 6)) ||
      isMonthDay(run.slice(2, 4), run.slice(0, 2)) ||
      isMonthDay(run.slice(0, 2), run.slice(2, 4))
    )
  }
  return false
}

function isYearMonthDay(year: string, month: string, day: string): boolean {
  return /^(19|20)\d\d$/.test(year) && isMonthDay(month, day)
}

function isMonthDay(month: string, day: string): boolean {
  const m = Number(month)
  const d = Number(day)
  return m >= 1 && m <= 12 && d >= 1 && d <= 31
}
