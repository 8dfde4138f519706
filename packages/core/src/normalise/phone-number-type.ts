import { Metadata } from 'libphonenumber-js/max'

/** libphonenumber's number types (`PhoneNumber.getType()`), e.g. `MOBILE`, `FIXED_LINE_OR_MOBILE`. */
export type PhoneNumberType = string

// libphonenumber-js has these members at run time but leaves them out of its type declarations.
type TypeInternals = { pattern(): string; possibleLengths(): number[] | undefined }
type PlanInternals = { type(name: string): TypeInternals | undefined; nationalNumberPattern(): string }

/** A numbering plan's patterns, compiled once: the national number pattern and each type's pattern and lengths. */
type CompiledPlan = {
  readonly nationalNumber: RegExp
  readonly types: ReadonlyMap<string, { readonly pattern: RegExp; readonly lengths?: readonly number[] }>
  /** The plan lists a mobile type with an empty pattern (its fixed-line and mobile numbers look alike). */
  readonly hasEmptyMobile: boolean
}

// The order libphonenumber tries the types in after FIXED_LINE.
const nonFixedLineTypes = [
  'MOBILE',
  'PREMIUM_RATE',
  'TOLL_FREE',
  'SHARED_COST',
  'VOIP',
  'PERSONAL_NUMBER',
  'PAGER',
  'UAN',
  'VOICEMAIL',
]

const metadata = new Metadata()
const plans = new Map<string, CompiledPlan | undefined>()

/**
 * Exactly what libphonenumber-js's `getType()` answers with the full metadata for a parsed number (undefined when
 * the number is not valid), without its cost: the library compiles every pattern anew on each call, here each
 * plan's patterns are compiled once per process.
 *
 * @param countryOrCallingCode the parsed number's country, else its calling code
 */
export function phoneNumberType(countryOrCallingCode: string, nationalNumber: string): PhoneNumberType | undefined {
  let plan = plans.get(countryOrCallingCode)
  if (plan === undefined && !plans.has(countryOrCallingCode)) {
    plan = compilePlan(countryOrCallingCode)
    plans.set(countryOrCallingCode, plan)
  }
  if (!plan || !plan.nationalNumber.test(nationalNumber)) return undefined
  if (isOfType(plan, 'FIXED_LINE', nationalNumber)) {
    if (plan.hasEmptyMobile || !plan.types.has('MOBILE') || isOfType(plan, 'MOBILE', nationalNumber)) {
      return 'FIXED_LINE_OR_MOBILE'
    }
    return 'FIXED_LINE'
  }
  for (const type of nonFixedLineTypes) if (isOfType(plan, type, nationalNumber)) return type
  return undefined
}

function isOfType(plan: CompiledPlan, type: string, nationalNumber: string): boolean {
  const definition = plan.types.get(type)
  if (!definition) return false
  if (definition.lengths && !definition.lengths.includes(nationalNumber.length)) return false
  return definition.pattern.test(nationalNumber)
}

function compilePlan(countryOrCallingCode: string): CompiledPlan | undefined {
  try {
    metadata.selectNumberingPlan(countryOrCallingCode as Parameters<Metadata['selectNumberingPlan']>[0])
  } catch {
    return undefined
  }
  const plan = metadata.numberingPlan as unknown as PlanInternals | undefined
  if (!plan) return undefined
  const types = new Map<string, { readonly pattern: RegExp; readonly lengths?: readonly number[] }>()
  let hasEmptyMobile = false
  for (const name of ['FIXED_LINE', ...nonFixedLineTypes]) {
    const definition = plan.type(name)
    if (!definition) continue
    const pattern = definition.pattern()
    // A listed type without a pattern matches nothing; an empty mobile pattern still counts (see getNumberType).
    if (!pattern) {
      if (name === 'MOBILE' && pattern === '') hasEmptyMobile = true
      if (name === 'MOBILE') types.set(name, { pattern: /(?!)/ })
      continue
    }
    const lengths = definition.possibleLengths()
    types.set(name, { pattern: entirely(pattern), ...(lengths ? { lengths } : {}) })
  }
  return { nationalNumber: entirely(plan.nationalNumberPattern()), types, hasEmptyMobile }
}

/** libphonenumber's `matchesEntirely`: the whole text, not a part of it. */
function entirely(pattern: string): RegExp {
  return new RegExp(`^(?:${pattern})$`)
}
