import { parsePhoneNumberFromString, validatePhoneNumberLength, type CountryCode } from 'libphonenumber-js/max'
import type { PhoneLineType } from '../record/application-record.js'
import { phoneNumberType } from './phone-number-type.js'

/** A phone number as typed and as libphonenumber understands it. */
export type ParsedPhone = {
  readonly raw: string
  /** E.164 when the number could be parsed at all (valid or not). */
  readonly e164?: string
  readonly country?: string
  readonly callingCode?: string
  readonly nationalNumber?: string
  readonly isPossible: boolean
  readonly isValid: boolean
  /** Why the length is wrong, when it is: libphonenumber's TOO_SHORT, TOO_LONG, INVALID_LENGTH... */
  readonly lengthProblem?: string
  /** Line type from the numbering plan's metadata; undefined when the number is not valid. */
  readonly metadataLineType?: PhoneLineType
  /** The raw string starts with `+` or an international call prefix (00, 011). */
  readonly isWrittenInternationally: boolean
}

const metadataTypes: Record<string, PhoneLineType> = {
  MOBILE: 'mobile',
  FIXED_LINE: 'fixed-line',
  FIXED_LINE_OR_MOBILE: 'fixed-line-or-mobile',
  VOIP: 'voip',
  TOLL_FREE: 'toll-free',
  PREMIUM_RATE: 'premium-rate',
  SHARED_COST: 'shared-cost',
  PERSONAL_NUMBER: 'personal-number',
  PAGER: 'pager',
  UAN: 'uan',
  VOICEMAIL: 'voicemail',
}

/** Parses a raw phone string; national numbers are read in `defaultCountry` (the claimed home) when given. */
export function parsePhone(raw: string, defaultCountry?: string): ParsedPhone {
  const trimmed = raw.trim()
  const isWrittenInternationally = /^(\+|00|011)/.test(trimmed.replace(/^[\s(]+/, ''))
  const country = defaultCountry?.toUpperCase() as CountryCode | undefined
  const options = country ? { defaultCountry: country } : {}
  // "00" and "011" are how people dial abroad; libphonenumber wants "+". But "0114 496 0000" is a Sheffield number:
  // a string that is already a valid national number of the home country is read as one.
  let dialable = trimmed.replace(/^\s*\(?\s*00[\s.\-/]*(?=[1-9])/, '+')
  let phone = parsePhoneNumberFromString(dialable, options)
  if (/^\s*\(?\s*011/.test(dialable) && !phone?.isValid()) {
    dialable = dialable.replace(/^\s*\(?\s*011[\s.\-/]*(?=[1-9])/, '+')
    phone = parsePhoneNumberFromString(dialable, options)
  }
  if (!phone) {
    const lengthProblem = safeLengthProblem(dialable, country)
    return {
      raw,
      isPossible: false,
      isValid: false,
      ...(lengthProblem ? { lengthProblem } : {}),
      isWrittenInternationally,
    }
  }
  // With the full metadata, isValid() is exactly "getType() finds a type", so one type lookup answers both;
  // isValid() runs only for plans without type patterns.
  const type = phoneNumberType(phone.country ?? phone.countryCallingCode, phone.nationalNumber)
  const isValid = type !== undefined || phone.isValid()
  const lengthProblem = isValid ? undefined : safeLengthProblem(dialable, country)
  const metadataLineType = type ? metadataTypes[type] : undefined
  return {
    raw,
    e164: phone.number,
    ...(phone.country ? { country: phone.country } : {}),
    callingCode: phone.countryCallingCode,
    nationalNumber: phone.nationalNumber,
    isPossible: phone.isPossible(),
    isValid,
    ...(lengthProblem ? { lengthProblem } : {}),
    ...(metadataLineType ? { metadataLineType } : {}),
    isWrittenInternationally,
  }
}

function safeLengthProblem(text: string, country: CountryCode | undefined): string | undefined {
  try {
    return validatePhoneNumberLength(text, country ? { defaultCountry: country } : {}) ?? undefined
  } catch {
    return undefined
  }
}
