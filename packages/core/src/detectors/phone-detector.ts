import type { Detector } from '../detect/detector.js'
import type { NormalisedPhone } from '../normalise/normalise-application.js'
import { findPhoneFormatHabits, rereadPhone } from '../normalise/phone-format.js'
import { callingCodeOf, isInPlanOf } from '../normalise/phone-plan.js'
import type { PhoneLineType, PhoneLineTypeLookup } from '../record/application-record.js'
import { defineSignals } from '../signals/signal-definition.js'
import type { Signal } from '../signals/signal.js'

const phoneSignals = defineSignals([
  {
    code: 'phone.unparseable',
    category: 'phone',
    stage: 'application',
    severity: 'medium',
    description: 'A phone field holds something that cannot be read as a phone number at all.',
  },
  {
    code: 'phone.invalid',
    category: 'phone',
    stage: 'application',
    severity: 'medium',
    description: 'A phone number reads as a number but is not a valid or possible number in its numbering plan.',
  },
  {
    code: 'phone.format.anomaly',
    category: 'phone',
    stage: 'application',
    severity: 'low',
    description:
      'A phone number is written in a way a local would not write it: trunk prefix kept after the country code, a ' +
      'foreign exit code, foreign digit grouping, odd separators, letters or full-width characters.',
  },
  {
    code: 'phone.voip',
    category: 'phone',
    stage: 'application',
    severity: 'medium',
    description: 'A phone number is a VoIP line, typed by a carrier lookup or by the numbering plan.',
  },
  {
    code: 'phone.toll-free',
    category: 'phone',
    stage: 'application',
    severity: 'medium',
    description: 'A phone number is a toll-free service number, not a line a person owns.',
  },
  {
    code: 'phone.premium-rate',
    category: 'phone',
    stage: 'application',
    severity: 'medium',
    description: 'A phone number is a premium-rate service number.',
  },
  {
    code: 'phone.personal-number',
    category: 'phone',
    stage: 'application',
    severity: 'medium',
    description: 'A phone number is a "personal number" service that forwards calls to any phone, anywhere.',
  },
  {
    code: 'phone.non-personal-line',
    category: 'phone',
    stage: 'application',
    severity: 'low',
    description: 'A phone number is a shared-cost, universal-access, pager or voicemail-only service number.',
  },
  {
    code: 'phone.country.mismatch',
    category: 'phone',
    stage: 'application',
    severity: 'low',
    description: 'A phone number belongs to another country than the claimed home country or the home address.',
  },
])

type PhoneCode = (typeof phoneSignals)[number]['code']

const severityOf = new Map(phoneSignals.map((definition) => [definition.code, definition.severity]))

// Every line type is decided once here; shared-cost, UAN, pager and voicemail are folded into one low signal because
// they are service numbers an applicant rarely gives on purpose, and each alone is rare.
const lineTypeSignals: Readonly<
  Record<PhoneLineType, { readonly code: PhoneCode; readonly name: string } | undefined>
> = {
  voip: { code: 'phone.voip', name: 'a VoIP number' },
  'toll-free': { code: 'phone.toll-free', name: 'a toll-free number' },
  'premium-rate': { code: 'phone.premium-rate', name: 'a premium-rate number' },
  'personal-number': { code: 'phone.personal-number', name: 'a personal-number service that forwards calls anywhere' },
  'shared-cost': { code: 'phone.non-personal-line', name: 'a shared-cost service number' },
  uan: { code: 'phone.non-personal-line', name: 'a universal access number used by businesses' },
  pager: { code: 'phone.non-personal-line', name: 'a pager number' },
  voicemail: { code: 'phone.non-personal-line', name: 'a voicemail-only number' },
  mobile: undefined,
  'fixed-line': undefined,
  'fixed-line-or-mobile': undefined,
  unknown: undefined,
}

// Service numbers of a shared plan (+1 800 is typed "US" even for Canadians) say nothing about where someone lives.
const nonGeographicLineTypes = new Set<PhoneLineType>([
  'toll-free',
  'premium-rate',
  'shared-cost',
  'personal-number',
  'uan',
])

const lengthProblems: Readonly<Record<string, string>> = {
  TOO_SHORT: 'too short',
  TOO_LONG: 'too long',
  INVALID_LENGTH: 'a length no number there has',
  NOT_A_NUMBER: 'not a number',
  INVALID_COUNTRY: 'no country could be told from it',
}

export const metadataLineTypeSource = 'libphonenumber metadata'

/**
 * Reads every phone of the application (SIGNALS.md items 1-2): numbers that cannot be read or are not valid, raw
 * strings written with a foreigner's habits, line types that are not a person's own phone (VoIP, toll-free, premium,
 * personal-number services) and numbers from another country than the claimed home. A carrier lookup in the
 * record's enrichment types a number when there is one; otherwise the numbering plan does, which cannot tell VoIP
 * from other lines in North America.
 */
export const phoneDetector: Detector<PhoneCode> = {
  name: 'phone',
  signals: phoneSignals,
  detect({ record, facts }) {
    const found: Signal<PhoneCode>[] = []
    const claimedCountry = facts.claimedCountry
    const homeCountry = record.contacts?.addresses
      ?.find((address) => address.type === 'home')
      ?.countryCode?.toUpperCase()
    for (const normalised of facts.phones) {
      if (normalised.raw.trim() === '') continue
      const phone = normalised.isValid
        ? normalised
        : withReread(normalised, record.enrichment?.phoneLineTypes, claimedCountry)
      const signal = readabilitySignal(phone)
      if (signal) found.push(signal)
      const habits = findPhoneFormatHabits(phone, claimedCountry)
      if (habits.length > 0) {
        found.push(
          make(
            'phone.format.anomaly',
            `The phone "${phone.raw}" ${habits.map((h) => h.explanation).join('; ')}.`,
            Object.assign(where(phone), {
              habits: habits.map((finding) => finding.habit),
              ...(claimedCountry ? { claimedCountry } : {}),
            }),
          ),
        )
      }
      const lineType = lineTypeSignal(phone)
      if (lineType) found.push(lineType)
      const mismatch = countrySignal(phone, claimedCountry, homeCountry)
      if (mismatch) found.push(mismatch)
    }
    return found
  },
}

/** A rejected number that reads once its odd characters are out is judged as that number (see rereadPhone). */
function withReread(
  phone: NormalisedPhone,
  lookups: readonly PhoneLineTypeLookup[] | undefined,
  claimedCountry: string | undefined,
): NormalisedPhone {
  const reread = rereadPhone(phone.raw, claimedCountry)
  if (!reread) return phone
  const lookup = phone.lookup ?? lookups?.find((candidate) => candidate.phone === reread.e164)
  return { ...reread, path: phone.path, ...(lookup ? { lookup } : {}) }
}

function readabilitySignal(phone: NormalisedPhone): Signal<PhoneCode> | undefined {
  const problem = phone.lengthProblem ? (lengthProblems[phone.lengthProblem] ?? phone.lengthProblem) : undefined
  if (phone.e164 === undefined) {
    return make(
      'phone.unparseable',
      `The phone "${phone.raw}" at ${phone.path} cannot be read as a phone number${problem ? ` (${problem})` : ''}.`,
      Object.assign(where(phone), { ...(phone.lengthProblem ? { lengthProblem: phone.lengthProblem } : {}) }),
    )
  }
  if (phone.isValid) return undefined
  const plan = phone.country ?? `+${phone.callingCode ?? ''}`
  return make(
    'phone.invalid',
    `The phone "${phone.raw}" reads as ${phone.e164} but is not a valid number in the numbering plan of ${plan}` +
      `${problem ? ` (${problem})` : ''}.`,
    Object.assign(where(phone), {
      ...(phone.country ? { country: phone.country } : {}),
      isPossible: phone.isPossible,
      ...(phone.lengthProblem ? { lengthProblem: phone.lengthProblem } : {}),
    }),
  )
}

/** The line type from the carrier lookup when there is one that knows the number, else from the numbering plan. */
function lineTypeSignal(phone: NormalisedPhone): Signal<PhoneCode> | undefined {
  const lookup = phone.lookup && phone.lookup.lineType !== 'unknown' ? phone.lookup : undefined
  const lineType = lookup?.lineType ?? phone.metadataLineType
  if (lineType === undefined) return undefined
  const signal = lineTypeSignals[lineType]
  if (!signal) return undefined
  const source = lookup?.source ?? metadataLineTypeSource
  return make(
    signal.code,
    `The phone "${phone.raw}" is ${signal.name} (typed by ${source}).`,
    Object.assign(where(phone), {
      lineType,
      lineTypeSource: source,
      ...(lookup?.carrier ? { carrier: lookup.carrier } : {}),
      ...(lookup?.checkedAt ? { checkedAt: lookup.checkedAt } : {}),
    }),
  )
}

function countrySignal(
  phone: NormalisedPhone,
  claimedCountry: string | undefined,
  homeCountry: string | undefined,
): Signal<PhoneCode> | undefined {
  const phoneCountry = phone.country
  if (!phone.isValid || phoneCountry === undefined) return undefined
  const lineType = phone.lookup?.lineType ?? phone.metadataLineType
  const { callingCode, nationalNumber } = phone
  const contradicts = (country: string | undefined): boolean =>
    country !== undefined &&
    country !== phoneCountry &&
    !(lineType && nonGeographicLineTypes.has(lineType) && callingCodeOf(country) === callingCode) &&
    !(callingCode && nationalNumber && isInPlanOf(country, callingCode, nationalNumber))
  if (!contradicts(claimedCountry) && !contradicts(homeCountry)) return undefined
  const claims = [
    contradicts(claimedCountry) ? `the applicant claims to live in ${claimedCountry ?? ''}` : undefined,
    contradicts(homeCountry) && homeCountry !== claimedCountry
      ? `the home address is in ${homeCountry ?? ''}`
      : undefined,
  ].filter((part) => part !== undefined)
  return make(
    'phone.country.mismatch',
    `The phone "${phone.raw}" is a ${phoneCountry} number, but ${claims.join(' and ')}.`,
    Object.assign(where(phone), {
      phoneCountry,
      ...(claimedCountry ? { claimedCountry } : {}),
      ...(homeCountry ? { homeAddressCountry: homeCountry } : {}),
    }),
  )
}

// A fresh object each call: signals add their own facts with Object.assign (`{ ...x, more }` is slow in V8).
function where(phone: NormalisedPhone): Record<string, unknown> {
  return { path: phone.path, raw: phone.raw, ...(phone.e164 ? { e164: phone.e164 } : {}) }
}

function make(code: PhoneCode, message: string, evidence: Readonly<Record<string, unknown>>): Signal<PhoneCode> {
  return { code, severity: severityOf.get(code) ?? 'medium', message, evidence }
}
