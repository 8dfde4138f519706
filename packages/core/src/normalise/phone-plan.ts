import { getCountryCallingCode, isSupportedCountry, Metadata } from 'libphonenumber-js/max'

/**
 * What the numbering plan of one country says about how its numbers are dialled and written: its calling code, its
 * national trunk prefix, its international exit code, and the digit groupings of its number formats. Read from the
 * `max` metadata libphonenumber-js ships, once per country per process.
 */
export type PhonePlan = {
  readonly callingCode: string
  /** The trunk prefix dialled before national numbers: `0` in most of Europe, `1` in North America, `8` in Russia. */
  readonly nationalPrefix?: string
  /** The exit code as a regular expression source, e.g. `011` for North America, `00` for the UK. */
  readonly exitCodePattern: string
  /** The usual exit code, when the pattern has one: `011`, `00`, `010`. */
  readonly exitCode?: string
  readonly formats: readonly PlanFormat[]
  /** The national numbers of each line type the plan lists (fixed line, mobile, toll-free...). */
  readonly typePatterns: readonly RegExp[]
}

export type PlanFormat = {
  /** The whole national number, split into capture groups: `(\d{3})(\d{3})(\d{4})`. */
  readonly pattern: RegExp
  /** The first digits a number must start with for the format to apply (libphonenumber's last, most precise one). */
  readonly leadingDigits?: RegExp
}

// libphonenumber-js has these members at run time but leaves them out of its type declarations.
type FormatInternals = { pattern(): string; leadingDigitsPatterns(): string[] }
type PlanInternals = {
  formats(): FormatInternals[]
  type(name: string): { pattern(): string } | undefined
  nationalPrefix(): string | undefined
  IDDPrefix(): string
  defaultIDDPrefix(): string | undefined
}

const lineTypeNames = [
  'FIXED_LINE',
  'MOBILE',
  'TOLL_FREE',
  'PREMIUM_RATE',
  'PERSONAL_NUMBER',
  'VOICEMAIL',
  'UAN',
  'PAGER',
  'VOIP',
  'SHARED_COST',
]
const metadata = new Metadata()
const plans = new Map<string, PhonePlan | undefined>()

/**
 * The plan of an ISO country (`GB`) or, for numbers with no country such as `+800` freephone, of a calling code
 * (`800`). Undefined for codes libphonenumber does not know.
 */
export function findPhonePlan(countryOrCallingCode: string): PhonePlan | undefined {
  if (plans.has(countryOrCallingCode)) return plans.get(countryOrCallingCode)
  const plan = readPlan(countryOrCallingCode)
  plans.set(countryOrCallingCode, plan)
  return plan
}

/** The calling code of an ISO country (`KR` → `82`), or undefined when the code is not a country libphonenumber knows. */
export function callingCodeOf(country: string): string | undefined {
  return isSupportedCountry(country) ? getCountryCallingCode(country) : undefined
}

function readPlan(countryOrCallingCode: string): PhonePlan | undefined {
  const isCallingCode = /^\d+$/.test(countryOrCallingCode)
  const callingCode = isCallingCode ? countryOrCallingCode : callingCodeOf(countryOrCallingCode)
  if (callingCode === undefined) return undefined
  try {
    metadata.selectNumberingPlan(countryOrCallingCode as Parameters<Metadata['selectNumberingPlan']>[0])
  } catch {
    return undefined
  }
  const plan = metadata.numberingPlan as unknown as PlanInternals | undefined
  if (!plan) return undefined
  const nationalPrefix = plan.nationalPrefix()
  const exitCodePattern = plan.IDDPrefix()
  // The metadata leaves the preferred exit code out (or as 0) when the pattern is one plain code already.
  const preferred: unknown = plan.defaultIDDPrefix()
  const exitCode = /^\d+$/.test(exitCodePattern)
    ? exitCodePattern
    : typeof preferred === 'string' && preferred !== ''
      ? preferred
      : undefined
  return {
    callingCode,
    ...(nationalPrefix ? { nationalPrefix } : {}),
    exitCodePattern,
    ...(exitCode ? { exitCode } : {}),
    typePatterns: lineTypeNames
      .map((name) => plan.type(name)?.pattern())
      .filter((pattern) => pattern !== undefined && pattern !== '')
      .map((pattern) => new RegExp(`^(?:${pattern})$`)),
    formats: plan.formats().map((format) => {
      const leading = format.leadingDigitsPatterns().at(-1)
      return {
        pattern: new RegExp(`^(?:${format.pattern()})$`, 'd'),
        ...(leading ? { leadingDigits: new RegExp(`^(?:${leading})`) } : {}),
      }
    }),
  }
}

/**
 * Whether a number of a shared calling code also belongs to this country's plan: libphonenumber places +44 7640
 * pagers in GB though Jersey uses them too, and +61 4 mobiles in AU though the Cocos Islands do too.
 */
export function isInPlanOf(country: string, callingCode: string, nationalNumber: string): boolean {
  const plan = findPhonePlan(country)
  return (
    plan !== undefined &&
    plan.callingCode === callingCode &&
    plan.typePatterns.some((pattern) => pattern.test(nationalNumber))
  )
}

/**
 * The ways the plan groups this national number: for each format whose pattern fits the whole number, the digit
 * positions where a new group starts (`4155550132` in the US → [3, 6]). The format libphonenumber itself would pick
 * (its leading digits match) comes first.
 */
export function groupingsOf(plan: PhonePlan, nationalNumber: string): readonly (readonly number[])[] {
  const preferred: number[][] = []
  const others: number[][] = []
  for (const format of plan.formats) {
    const match = format.pattern.exec(nationalNumber)
    if (!match) continue
    const boundaries: number[] = []
    for (const span of match.indices?.slice(1) ?? []) {
      const start = span?.[0]
      if (start !== undefined && start > 0 && start < nationalNumber.length && !boundaries.includes(start)) {
        boundaries.push(start)
      }
    }
    if (format.leadingDigits?.test(nationalNumber) ?? true) preferred.push(boundaries)
    else others.push(boundaries)
  }
  return [...preferred, ...others]
}

const exitCodeVerdicts = new Map<string, boolean>()

/** Whether the plan's exit code is the digits typed (`011`) or starts with them (`00` of `0011`, `001`, `0[0-3]\d`). */
export function exitCodeFits(plan: PhonePlan, typed: string): boolean {
  const key = `${plan.exitCodePattern} ${typed}`
  let verdict = exitCodeVerdicts.get(key)
  if (verdict === undefined) {
    const pattern = new RegExp(`^(?:${plan.exitCodePattern})$`)
    const continuations = ['', ...Array.from({ length: 1000 }, (_, next) => String(next))]
    for (let next = 0; next < 100; next++) continuations.push(String(next).padStart(2, '0'))
    verdict = continuations.some((continuation) => pattern.test(typed + continuation))
    exitCodeVerdicts.set(key, verdict)
  }
  return verdict
}
