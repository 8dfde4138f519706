import { createHash } from 'node:crypto'
import type { AddressContact, ApplicationRecord, ProfileEnrichment, ResumeProfile } from '@hirewall/core'
import type { Applicant, PostalAddress } from './applicant.js'
import { buildCvText } from './cv-text.js'
import { isoDay } from './online-profiles.js'
import type { Random } from './random.js'

const dayMs = 86_400_000
const two = (value: number): string => (value < 10 ? `0${value}` : String(value))

/** `YYYY-MM-DDTHH:MM:SSZ`, whole seconds (the day part comes from a cache: this runs several times per record). */
function isoInstant(ms: number): string {
  const day = Math.floor(ms / dayMs)
  const seconds = Math.floor((ms - day * dayMs) / 1000)
  return `${isoDay(day * dayMs)}T${two(Math.floor(seconds / 3600))}:${two(Math.floor(seconds / 60) % 60)}:${two(seconds % 60)}Z`
}
const pad = (value: number): string => String(value).padStart(2, '0')

function addressContact(type: AddressContact['type'], address: PostalAddress): AddressContact {
  const lines = [
    address.line1,
    ...(address.line2 ? [address.line2] : []),
    `${address.city}, ${address.region} ${address.postalCode}`,
  ]
  return {
    type,
    value: lines.join('\n'),
    line1: address.line1,
    ...(address.line2 ? { line2: address.line2 } : {}),
    city: address.city,
    region: address.region,
    postalCode: address.postalCode,
    countryCode: address.countryCode,
  }
}

function resumeProfile(profile: ProfileEnrichment): ResumeProfile {
  return {
    network: profile.network,
    ...(profile.username !== undefined ? { username: profile.username } : {}),
    ...(profile.url !== undefined ? { url: profile.url } : {}),
  }
}

/** Writes the applicant as a canonical record, version 1: CV text and its SHA-256 are derived here, from the facts. */
export function toApplicationRecord(applicant: Applicant, id: string, editRandom: Random): ApplicationRecord {
  const experienceYears = Math.max(0, Math.floor((applicant.submittedAtMs - firstJobMs(applicant)) / 31_557_600_000))
  const cv = buildCvText(applicant, experienceYears, editRandom)
  const profiles = [applicant.linkedIn, applicant.gitHub].filter((profile) => profile !== undefined)
  const { birth } = applicant
  const birthDate =
    applicant.birthDateShown === 'full'
      ? `${birth.year}-${pad(birth.month)}-${pad(birth.day)}`
      : applicant.birthDateShown === 'year'
        ? String(birth.year)
        : undefined
  const location = { city: applicant.city.name, region: applicant.city.region, countryCode: applicant.country.code }
  const addresses = [
    addressContact('home', applicant.address),
    ...(applicant.shippingAddress ? [addressContact('shipping', applicant.shippingAddress)] : []),
  ]
  return {
    schemaVersion: 1,
    id,
    submittedAt: isoInstant(applicant.submittedAtMs),
    source: {
      system: 'synthetic',
      candidateId: `cand-${applicant.personaId.slice('persona-'.length)}`,
      applicationId: id,
      channel: applicant.channel,
    },
    requisition: applicant.requisition,
    cv: {
      basics: {
        name: applicant.fullName,
        label: applicant.headline,
        email: applicant.email,
        phone: applicant.phoneRaw,
        location,
        ...(profiles.length > 0 ? { profiles: profiles.map(resumeProfile) } : {}),
      },
      work: applicant.work.map((job, index) => ({ ...job, highlights: [...(cv.highlights[index] ?? [])] })),
      education: applicant.education,
    },
    ...(birthDate ? { person: { birthDate } } : {}),
    contacts: {
      emails: [{ value: applicant.email, type: 'personal' }],
      phones: [{ value: applicant.phoneRaw, type: 'mobile' }],
      addresses,
    },
    claimed: {
      location,
      timeZone: applicant.timeZone,
      ...(applicant.residentSince ? { residentSince: applicant.residentSince } : {}),
    },
    ...(profiles.length > 0 ? { profiles } : {}),
    document: {
      cvText: cv.text,
      fileName: applicant.document.fileName,
      fileSha256: createHash('sha256').update(cv.text).digest('hex'),
      ...(applicant.document.author ? { author: applicant.document.author } : {}),
      ...(applicant.document.creator ? { creator: applicant.document.creator } : {}),
      producer: applicant.document.producer,
      createdAt: isoInstant(applicant.document.createdAtMs),
      ...(applicant.photoHash ? { photoPerceptualHash: applicant.photoHash } : {}),
    },
    submission: {
      ip: applicant.ip,
      userAgent: applicant.userAgent,
      utcOffsetMinutes: applicant.utcOffsetMinutes,
      acceptLanguage: applicant.acceptLanguage,
      deviceId: applicant.deviceId,
    },
    ...(applicant.interview ? { interview: applicant.interview } : {}),
    ...(applicant.referrer ? { referrer: applicant.referrer } : {}),
    ...(applicant.staffingVendor ? { staffingVendor: applicant.staffingVendor } : {}),
    ...(applicant.phoneLookup
      ? {
          enrichment: {
            phoneLineTypes: [
              {
                phone: applicant.phone.e164,
                lineType: applicant.phoneLookup.lineType,
                source: 'twilio-lookup',
                carrier: applicant.phoneLookup.carrier,
                checkedAt: isoInstant(applicant.submittedAtMs + 90_000),
              },
            ],
          },
        }
      : {}),
    label: applicant.label,
  }
}

function firstJobMs(applicant: Applicant): number {
  const first = applicant.work[applicant.work.length - 1]?.startDate
  return first ? Date.parse(first.length === 4 ? `${first}-01-01` : `${first}-01`) : applicant.submittedAtMs
}
