import { getCountry } from 'countries-and-timezones'
import { parsePartialDate, type ApplicationRecord } from '@hirewall/core'

/**
 * The groups the fairness report compares applicants across. They are read from the record for measurement only and
 * never become features: the model cannot see them, the report checks it treats them alike.
 * - `claimed-country`: the country the applicant says they live in.
 * - `claimed-region`: that country's area (the IANA time-zone area: America, Europe, Asia, Africa...).
 * - `origin-region`: the area of the country of the applicant's earliest school with a stated country, the
 *   closest stand-in for region of origin an application holds.
 * - `generated-origin`: in generated worlds, whether the legitimate applicant is an immigrant (grew up and studied
 *   in another country than the one they live in now) or `local`: the ground truth of national origin.
 * - `generated-group`: in generated worlds, the legitimate applicant's hard-negative kind (immigrant, vpn-user...)
 *   or `plain`; reported, not a promotion gate (most kinds are behaviours, not protected groups).
 */
export const fairnessDimensions = [
  'claimed-country',
  'claimed-region',
  'origin-region',
  'generated-origin',
  'generated-group',
] as const
export type FairnessDimension = (typeof fairnessDimensions)[number]

/** The dimensions a promotion is gated on. */
export const gatedFairnessDimensions: readonly FairnessDimension[] = [
  'claimed-country',
  'claimed-region',
  'origin-region',
  'generated-origin',
]

export type MeasurementGroups = Readonly<Partial<Record<FairnessDimension, string>>>

const unknown = 'unknown'

/** The IANA time-zone area of a country (`US` -> `America`), or `unknown`. */
export function countryArea(countryCode: string | undefined): string {
  if (!countryCode) return unknown
  const zone = getCountry(countryCode.toUpperCase())?.timezones[0]
  return zone?.split('/')[0] ?? unknown
}

function earliestSchoolCountry(record: ApplicationRecord): string | undefined {
  let best: { readonly at: number; readonly country: string } | undefined
  for (const education of record.cv.education ?? []) {
    const country = education.countryCode
    if (!country) continue
    const at = parsePartialDate(education.startDate ?? education.endDate)?.startMs ?? Number.POSITIVE_INFINITY
    if (!best || at < best.at) best = { at, country }
  }
  return best?.country
}

export function measurementGroups(record: ApplicationRecord): MeasurementGroups {
  const claimedCountry = (
    record.claimed?.location?.countryCode ?? record.cv.basics?.location?.countryCode
  )?.toUpperCase()
  const label = record.label
  return {
    'claimed-country': claimedCountry ?? unknown,
    'claimed-region': countryArea(claimedCountry),
    'origin-region': countryArea(earliestSchoolCountry(record)),
    ...(label && !label.isFraud
      ? {
          'generated-origin': label.hardNegative === 'immigrant' ? 'immigrant' : 'local',
          'generated-group': label.hardNegative ?? 'plain',
        }
      : {}),
  }
}
