import examples from 'libphonenumber-js/examples.mobile.json'
import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/max'
import { Random } from './random.js'

/** A generated phone number in the forms people type it. */
export type PhoneNumber = {
  readonly e164: string
  readonly national: string
  readonly international: string
  /** The national significant number, digits only. */
  readonly digits: string
}

type Prefix = {
  readonly digits: string
  /** The national and international formats with `#` where the number's digits go, in order. */
  readonly nationalTemplate: string
  readonly internationalTemplate: string
  readonly callingCode: string
}

const suffixLength = 4
const prefixesPerKey = 40
const pools = new Map<string, readonly Prefix[]>()

/**
 * Valid mobile (or fixed-or-mobile) numbers of a country: libphonenumber's example number with its middle digits
 * varied (or, in North America, the city's area codes), kept only when every probe with the last four digits varied
 * parses as a valid mobile number. Built once per country and area code, from a fixed seed.
 */
function prefixesFor(country: string, areaCodes: readonly string[] | undefined): readonly Prefix[] {
  const key = `${country}:${areaCodes?.join(',') ?? ''}`
  const cached = pools.get(key)
  if (cached) return cached
  const example = (examples as Record<string, string>)[country]
  if (!example) throw new Error(`libphonenumber has no example mobile number for ${country}`)
  const random = new Random(`phone-pool:${key}`)
  const keep = Math.min(2, example.length - suffixLength - 1)
  const found: Prefix[] = []
  const seen = new Set<string>()
  for (let attempt = 0; attempt < 4000 && found.length < prefixesPerKey; attempt++) {
    const head = areaCodes ? random.pick(areaCodes) : example.slice(0, keep)
    const middleLength = example.length - suffixLength - head.length
    const digits = head + random.digits(middleLength)
    if (seen.has(digits)) continue
    seen.add(digits)
    const probes = ['0000', '9999', random.digits(4)]
    const parsed = probes.map((suffix) => parsePhoneNumberFromString(digits + suffix, country as CountryCode))
    const isUsable = parsed.every((phone) => {
      const type = phone?.isValid() ? phone.getType() : undefined
      return type === 'MOBILE' || type === 'FIXED_LINE_OR_MOBILE'
    })
    const sample = parsed[0]
    if (!isUsable || !sample) continue
    found.push({
      digits,
      nationalTemplate: template(sample.formatNational(), sample.nationalNumber.length),
      internationalTemplate: template(sample.formatInternational().replace(/^\+\d+/, ''), sample.nationalNumber.length),
      callingCode: sample.countryCallingCode,
    })
  }
  if (found.length === 0) throw new Error(`No valid mobile prefixes found for ${country}`)
  pools.set(key, found)
  return found
}

/** Replaces the number's digits by `#`; a national trunk prefix ("0" in 07400 123456) stays literal. */
function template(formatted: string, nationalDigits: number): string {
  let literal = formatted.replace(/\D/g, '').length - nationalDigits
  let text = ''
  for (const character of formatted) {
    if (!/\d/.test(character)) text += character
    else if (literal > 0) {
      text += character
      literal--
    } else text += '#'
  }
  return text
}

function fill(pattern: string, digits: string): string {
  let index = 0
  let text = ''
  for (const character of pattern) text += character === '#' ? (digits[index++] ?? '') : character
  return text
}

/**
 * A new number of the country, never one in `used` (which it joins). North American numbers use one of the area
 * codes given (the city's).
 */
export function newPhoneNumber(
  random: Random,
  country: string,
  used: Set<string>,
  areaCodes?: readonly string[],
): PhoneNumber {
  const prefixes = prefixesFor(country, areaCodes)
  for (;;) {
    const prefix = random.pick(prefixes)
    const digits = prefix.digits + random.digits(suffixLength)
    const e164 = `+${prefix.callingCode}${digits}`
    if (used.has(e164)) continue
    used.add(e164)
    return phoneFromPrefix(prefix, digits)
  }
}

function phoneFromPrefix(prefix: Prefix, digits: string): PhoneNumber {
  return {
    e164: `+${prefix.callingCode}${digits}`,
    national: fill(prefix.nationalTemplate, digits),
    international: `+${prefix.callingCode}${fill(prefix.internationalTemplate, digits)}`,
    digits,
  }
}
