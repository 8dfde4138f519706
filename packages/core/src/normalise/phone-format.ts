import { parsePhone, type ParsedPhone } from './phone-number.js'
import { callingCodeOf, exitCodeFits, findPhonePlan, groupingsOf } from './phone-plan.js'

/** Ways of writing a phone number that a local of the number's (or the claimed) country would not use. */
export const phoneFormatHabits = [
  'trunk-prefix-after-country-code',
  'foreign-exit-code',
  'unusual-grouping',
  'mixed-separators',
  'odd-characters',
  'misplaced-plus',
  'full-width-characters',
] as const
export type PhoneFormatHabit = (typeof phoneFormatHabits)[number]

export type PhoneFormatFinding = {
  readonly habit: PhoneFormatHabit
  /** Half a sentence naming the concrete habit: `keeps the national trunk prefix "0" after +82`. */
  readonly explanation: string
}

// Input methods in these countries type full-width digits and plus signs; elsewhere they betray an East Asian keyboard.
const fullWidthCountries = new Set(['CN', 'HK', 'MO', 'TW', 'JP', 'KR'])
const fullWidthPattern = /[\uFF01-\uFF5E\u3000]/
// Extensions are ordinary on work numbers; they are not part of the number's grouping.
const extensionPattern = /\s*[,;]?\s*(?:ext\.?|extension|x\.?|#)\s*\d{1,7}\s*$/i
const exitCodePattern = /^(00|011)(?=[\s.\-/]*[1-9])/
const oddCharacterPattern = /[^\d\s()+\-./\p{L}]/gu
const exitCodeNames: Readonly<Record<string, string>> = {
  '011': 'the North American exit code',
  '00': 'the exit code of most countries outside North America',
}

/**
 * Finds the writing habits in a valid phone number's raw string that a local would not have. It judges only what
 * locals never do, so ordinary variants pass: `(415) 555-0132`, `415.555.0132`, `+1 415 555 0132`, `+44 (0)7400
 * 123456`, `010-1234-5678`. Grouping is strict where the plan has one way to group a number (North America's
 * 3-3-4) and only checks the first group where it has several (Germany, the UK), since locals there vary.
 */
export function findPhoneFormatHabits(phone: ParsedPhone, claimedCountry?: string): readonly PhoneFormatFinding[] {
  const { nationalNumber, callingCode } = phone
  if (!phone.isValid || nationalNumber === undefined || callingCode === undefined) return []
  const findings: PhoneFormatFinding[] = []
  if (
    fullWidthPattern.test(phone.raw) &&
    !fullWidthCountries.has(claimedCountry ?? '') &&
    !fullWidthCountries.has(phone.country ?? '')
  ) {
    findings.push({
      habit: 'full-width-characters',
      explanation: 'is typed in full-width characters, as East Asian keyboards produce',
    })
  }
  const core = numberCore(phone.raw.normalize('NFKC').replace(extensionPattern, ''))
  findings.push(...findCharacterHabits(core))

  const { digits, boundaries, parenthesised } = readDigits(core)
  const lead = core.replace(/^[\s(]*/, '')
  const exitCode = lead.startsWith('+') ? undefined : exitCodePattern.exec(lead)?.[1]
  const isInternational = lead.startsWith('+') || exitCode !== undefined
  let offset = exitCode?.length ?? 0
  if (isInternational) {
    if (!digits.startsWith(callingCode, offset)) return findings
    offset += callingCode.length
  }
  const rest = digits.slice(offset)
  if (!rest.endsWith(nationalNumber)) return findings
  const extra = rest.slice(0, rest.length - nationalNumber.length)
  const numberStart = offset + extra.length

  if (isInternational && extra.length > 0) {
    const isBracketed = parenthesised.some(([from, to]) => from === offset && to === numberStart)
    if (!isBracketed) {
      const plan = findPhonePlan(phone.country ?? callingCode)
      findings.push({
        habit: 'trunk-prefix-after-country-code',
        explanation:
          extra === plan?.nationalPrefix
            ? `keeps the national trunk prefix "${extra}" after the country code +${callingCode}, which locals drop`
            : `puts the extra digits "${extra}" between the country code +${callingCode} and the number`,
      })
    }
  }

  if (exitCode !== undefined && claimedCountry !== undefined && callingCodeOf(claimedCountry) === callingCode) {
    const plan = findPhonePlan(claimedCountry)
    if (plan && !exitCodeFits(plan, exitCode)) {
      const name = exitCodeNames[exitCode]
      findings.push({
        habit: 'foreign-exit-code',
        explanation:
          `dials out with ${exitCode}${name ? `, ${name},` : ''} although the applicant claims to live in ` +
          `${claimedCountry}${plan.exitCode ? `, where it is ${plan.exitCode}` : ''}`,
      })
    }
  }

  const grouping = findGroupingHabit(phone, nationalNumber, boundaries, numberStart)
  if (grouping) findings.push(grouping)
  return findings
}

/**
 * Reads again a number libphonenumber rejected, once the characters that kept it from reading are taken out: odd
 * separators (`415_555_0132`), a second or misplaced `+`, spaces after an exit code (`00 44 ...`). Undefined unless
 * that gives a valid number: then the number is real and only its writing is odd. Runs for rejected numbers only.
 */
export function rereadPhone(raw: string, defaultCountry?: string): ParsedPhone | undefined {
  const text = raw.normalize('NFKC')
  let cleaned = ''
  let hasStarted = false
  for (const character of text.replace(/^(\s*\(?\s*)(00|011)[\s.\-/]+(?=[1-9])/, '$1$2')) {
    const isMisplacedPlus = character === '+' && hasStarted
    cleaned += isMisplacedPlus || /[^\d\s()+\-./\p{L}]/u.test(character) ? ' ' : character
    if (/[\d+]/.test(character)) hasStarted = true
  }
  if (cleaned === text) return undefined
  const phone = parsePhone(cleaned, defaultCountry)
  return phone.isValid ? { ...phone, raw } : undefined
}

/** From the first digit (with a `+` or `(` just before it) to the last: labels like "Tel:" or "(mobile)" stay out. */
function numberCore(text: string): string {
  const first = text.search(/\d/)
  if (first < 0) return ''
  let start = first
  while (start > 0 && /[\s(+]/.test(text[start - 1] ?? '')) start--
  let end = text.length
  while (end > first && !/\d/.test(text[end - 1] ?? '')) end--
  return text.slice(start, end)
}

function findCharacterHabits(core: string): PhoneFormatFinding[] {
  const findings: PhoneFormatFinding[] = []
  const odd = core.match(oddCharacterPattern)
  if (odd) findings.push({ habit: 'odd-characters', explanation: `uses ${quoteAll(odd)} between its digits` })
  const lead = core.replace(/^[\s(]*/, '')
  if (lead.slice(1).includes('+') || (!lead.startsWith('+') && lead.includes('+'))) {
    findings.push({ habit: 'misplaced-plus', explanation: 'has a "+" that is not at the start, or more than one' })
  }
  const separators = new Set(core.match(/[-./]/g) ?? [])
  if (separators.has('.') && separators.size > 1) {
    findings.push({ habit: 'mixed-separators', explanation: `mixes ${quoteAll([...separators])} as separators` })
  }
  return findings
}

/** The digits, the digit positions where a new group starts, and the digit ranges written inside parentheses. */
function readDigits(core: string): {
  digits: string
  boundaries: number[]
  parenthesised: (readonly [number, number])[]
} {
  let digits = ''
  const boundaries: number[] = []
  const parenthesised: (readonly [number, number])[] = []
  let openedAt: number | undefined
  let isBreak = false
  for (const character of core) {
    if (character >= '0' && character <= '9') {
      if (isBreak && digits.length > 0 && boundaries.at(-1) !== digits.length) boundaries.push(digits.length)
      isBreak = false
      digits += character
      continue
    }
    isBreak = true
    if (character === '(') openedAt = digits.length
    if (character === ')' && openedAt !== undefined) {
      parenthesised.push([openedAt, digits.length])
      openedAt = undefined
    }
  }
  return { digits, boundaries, parenthesised }
}

function findGroupingHabit(
  phone: ParsedPhone,
  nationalNumber: string,
  rawBoundaries: readonly number[],
  numberStart: number,
): PhoneFormatFinding | undefined {
  const boundaries = rawBoundaries
    .map((boundary) => boundary - numberStart)
    .filter((boundary) => boundary > 0 && boundary < nationalNumber.length)
  const first = boundaries[0]
  if (first === undefined) return undefined
  const plan = findPhonePlan(phone.country ?? phone.callingCode ?? '')
  if (!plan) return undefined
  const groupings = groupingsOf(plan, nationalNumber)
  const usual = groupings[0]
  if (!usual) return undefined
  const isStrict = groupings.every((grouping) => grouping.join() === usual.join())
  const fits = isStrict
    ? boundaries.every((boundary) => usual.includes(boundary))
    : groupings.some((grouping) => grouping.includes(first))
  if (fits) return undefined
  const where = phone.country ? `${phone.country} numbers` : `+${phone.callingCode ?? ''} numbers`
  return {
    habit: 'unusual-grouping',
    explanation: `groups the digits as "${splitAt(nationalNumber, boundaries)}" where ${where} are written "${splitAt(nationalNumber, usual)}"`,
  }
}

function splitAt(digits: string, boundaries: readonly number[]): string {
  const groups: string[] = []
  let from = 0
  for (const boundary of [...boundaries, digits.length]) {
    groups.push(digits.slice(from, boundary))
    from = boundary
  }
  return groups.join(' ')
}

function quoteAll(characters: readonly string[]): string {
  return [...new Set(characters)].map((character) => `"${character}"`).join(', ')
}
