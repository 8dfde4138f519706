import { createHash } from 'node:crypto'
import { parsePhone, validateApplicationRecord, type ApplicationRecord } from '@hirewall/core'
import { describe, expect, it } from 'vitest'
import { fraudPatterns } from './episodes/fraud-episodes.js'
import { hardNegativeKinds } from './episodes/legitimate-episodes.js'
import { generateApplications, worldDefaults } from './generate-applications.js'
import { generateWorld } from './generate-world.js'

const world = generateWorld({ count: 5000, seed: 20260301 })
const fraud = world.filter((record) => record.label?.isFraud === true)
const honest = world.filter((record) => record.label?.isFraud === false)

/** The browser offset an honest person's clock shows, computed independently of the generator. */
function zoneOffsetMinutes(timeZone: string, instant: string): number {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(new Date(instant))
  const part = (type: string): number => Number(parts.find((candidate) => candidate.type === type)?.value)
  const wallClock = Date.UTC(part('year'), part('month') - 1, part('day'), part('hour'), part('minute'), part('second'))
  return Math.round((wallClock - Date.parse(instant)) / 60_000)
}

function groupBy<T>(items: readonly T[], key: (item: T) => string | undefined): Map<string, T[]> {
  const groups = new Map<string, T[]>()
  for (const item of items) {
    const value = key(item)
    if (value === undefined) continue
    groups.set(value, [...(groups.get(value) ?? []), item])
  }
  return groups
}

const e164 = (record: ApplicationRecord): string | undefined => {
  const raw = record.contacts?.phones?.[0]?.value
  return raw === undefined ? undefined : parsePhone(raw, record.claimed?.location?.countryCode).e164
}
const homeAddress = (record: ApplicationRecord): string | undefined => {
  const home = record.contacts?.addresses?.find((address) => address.type === 'home')
  return home ? `${home.countryCode ?? ''}|${home.city ?? ''}|${home.line1 ?? ''}|${home.line2 ?? ''}` : undefined
}
const words = (text: string): Set<string> =>
  new Set(
    text
      .toLowerCase()
      .split(/\W+/)
      .filter((word) => word.length > 3),
  )
function similarity(a: string, b: string): number {
  const left = words(a)
  const right = words(b)
  let shared = 0
  for (const word of left) if (right.has(word)) shared++
  return shared / (left.size + right.size - shared)
}

describe('generateApplications', () => {
  it('is deterministic for a seed and differs between seeds', () => {
    const first = JSON.stringify(generateWorld({ count: 400, seed: 7 }))
    const again = JSON.stringify(generateWorld({ count: 400, seed: 7 }))
    const other = JSON.stringify(generateWorld({ count: 400, seed: 8 }))
    const named = JSON.stringify(generateWorld({ count: 400, seed: 'seven' }))
    expect(again).toBe(first)
    expect(other).not.toBe(first)
    expect(named).not.toBe(first)
  })

  it('streams exactly the requested count with unique ids, the same records generateWorld returns', () => {
    const streamed = [...generateApplications({ count: 250, seed: 3 })]
    expect(streamed).toHaveLength(250)
    expect(new Set(streamed.map((record) => record.id)).size).toBe(250)
    expect(JSON.stringify(streamed)).toBe(JSON.stringify(generateWorld({ count: 250, seed: 3 })))
    expect(generateWorld({ count: 0, seed: 3 })).toEqual([])
  })

  it('writes only valid canonical records of source system "synthetic"', () => {
    const invalid = world
      .map((record) => ({ id: record.id, validation: validateApplicationRecord(record) }))
      .filter(({ validation }) => validation.status === 'invalid')
    expect(invalid).toEqual([])
    expect(world).toHaveLength(5000)
    expect(new Set(world.map((record) => record.source.system))).toEqual(new Set(['synthetic']))
    expect(world.every((record) => record.schemaVersion === 1 && record.label !== undefined)).toBe(true)
  })

  it('keeps submissions in time order inside the default range', () => {
    const times = world.map((record) => Date.parse(record.submittedAt))
    expect(times.every((time, index) => index === 0 || time >= (times[index - 1] ?? 0))).toBe(true)
    expect(times[0]).toBeGreaterThanOrEqual(Date.parse(worldDefaults.start))
    expect(times[times.length - 1]).toBeLessThanOrEqual(Date.parse(worldDefaults.end))
    // Spread over the whole range, not bunched at one end.
    const middle = Date.parse('2025-12-01T00:00:00Z')
    const early = times.filter((time) => time < middle).length
    expect(early / times.length).toBeGreaterThan(0.4)
    expect(early / times.length).toBeLessThan(0.6)
  })

  it('honours a custom time range and fraud share', () => {
    const custom = generateWorld({
      count: 3000,
      seed: 11,
      start: '2024-03-01',
      end: '2024-06-30T23:59:59Z',
      fraudShare: 0.2,
    })
    const times = custom.map((record) => Date.parse(record.submittedAt))
    expect(Math.min(...times)).toBeGreaterThanOrEqual(Date.parse('2024-03-01'))
    expect(Math.max(...times)).toBeLessThanOrEqual(Date.parse('2024-06-30T23:59:59Z'))
    const share = custom.filter((record) => record.label?.isFraud).length / custom.length
    expect(share).toBeGreaterThan(0.15)
    expect(share).toBeLessThan(0.25)
    expect(generateWorld({ count: 500, seed: 11, fraudShare: 0 }).some((record) => record.label?.isFraud)).toBe(false)
  })

  it('rejects impossible options', () => {
    expect(() => generateWorld({ count: -1, seed: 1 })).toThrow(RangeError)
    expect(() => generateWorld({ count: 1.5, seed: 1 })).toThrow(RangeError)
    expect(() => generateWorld({ count: 10, seed: 1, fraudShare: 1.2 })).toThrow(RangeError)
    expect(() => generateWorld({ count: 10, seed: 1, start: '2026-01-01', end: '2025-01-01' })).toThrow(RangeError)
    expect(() => generateWorld({ count: 10, seed: 1, start: 'soon' })).toThrow(RangeError)
  })

  it('makes about 7% of records fraudulent by default, with every pattern and hard negative present', () => {
    expect(fraud.length / world.length).toBeGreaterThan(0.05)
    expect(fraud.length / world.length).toBeLessThan(0.09)
    const patterns = new Set(fraud.map((record) => record.label?.pattern))
    for (const pattern of fraudPatterns) expect(patterns, pattern).toContain(pattern)
    const kinds = new Set(honest.map((record) => record.label?.hardNegative))
    for (const kind of hardNegativeKinds) expect(kinds, kind).toContain(kind)
    expect(honest.every((record) => record.label?.pattern === 'legitimate')).toBe(true)
    expect(world.every((record) => record.label?.personaId !== undefined)).toBe(true)
  })

  it('varies countries, with most applicants where a US or European employer hires', () => {
    const countries = groupBy(honest, (record) => record.claimed?.location?.countryCode)
    expect(countries.size).toBeGreaterThanOrEqual(16)
    expect((countries.get('US')?.length ?? 0) / honest.length).toBeGreaterThan(0.3)
  })

  it('gives every persona ring 3-12 personas that share identifiers, CV template included', () => {
    const rings = groupBy(
      fraud.filter((record) => record.label?.pattern === 'persona-ring'),
      (record) => record.label?.ringId,
    )
    expect(rings.size).toBeGreaterThanOrEqual(5)
    for (const [ringId, members] of rings) {
      const personas = new Set(members.map((record) => record.label?.personaId))
      expect(personas.size, ringId).toBe(members.length)
      expect(new Set(members.map((record) => record.cv.basics?.name)).size, ringId).toBeGreaterThan(1)
      if (members === [...rings.values()].at(-1)) continue // the last ring may be cut short by the count
      expect(members.length, ringId).toBeGreaterThanOrEqual(3)
      expect(members.length, ringId).toBeLessThanOrEqual(12)
      for (const member of members) {
        const others = members.filter((other) => other !== member)
        const sharesIdentifier = others.some(
          (other) =>
            e164(other) === e164(member) ||
            homeAddress(other) === homeAddress(member) ||
            other.submission?.deviceId === member.submission?.deviceId ||
            other.submission?.ip?.replace(/\.\d+$/, '') === member.submission?.ip?.replace(/\.\d+$/, ''),
        )
        const closestText = Math.max(
          ...others.map((other) => similarity(other.document?.cvText ?? '', member.document?.cvText ?? '')),
        )
        expect(sharesIdentifier || closestText > 0.6, `${member.id} of ${ringId}`).toBe(true)
        expect(closestText, `${member.id} of ${ringId}`).toBeGreaterThan(0.45)
      }
    }
  })

  it('never lets unrelated honest people share a phone or home address by chance', () => {
    const sharedPhones = [...groupBy(world, e164).values()].filter(
      (group) => new Set(group.map((r) => r.label?.personaId)).size > 1,
    )
    for (const group of sharedPhones) {
      const explained = group.every((record) => record.label?.isFraud || record.label?.hardNegative === 'family-phone')
      expect(explained, group.map((record) => record.id).join(',')).toBe(true)
    }
    const sharedHomes = [...groupBy(world, homeAddress).values()].filter(
      (group) => new Set(group.map((r) => r.label?.personaId)).size > 1,
    )
    for (const group of sharedHomes) {
      const explained = group.every(
        (record) =>
          record.label?.isFraud ||
          record.label?.hardNegative === 'family-phone' ||
          record.label?.hardNegative === 'roommates',
      )
      expect(explained, group.map((record) => record.id).join(',')).toBe(true)
    }
    expect(sharedPhones.some((group) => group.every((record) => record.label?.hardNegative === 'family-phone'))).toBe(
      true,
    )
    expect(sharedHomes.some((group) => group.every((record) => record.label?.hardNegative === 'roommates'))).toBe(true)
  })

  it('gives honest people a browser offset that matches their claimed zone at that instant', () => {
    const mismatched = honest.filter(
      (record) =>
        record.submission?.utcOffsetMinutes !==
        zoneOffsetMinutes(record.claimed?.timeZone ?? 'UTC', record.submittedAt),
    )
    expect(mismatched.map((record) => record.id)).toEqual([])
    // Both sides of daylight saving time occur: the check is not trivially about one offset per zone.
    const newYork = honest.filter((record) => record.claimed?.timeZone === 'America/New_York')
    expect(new Set(newYork.map((record) => record.submission?.utcOffsetMinutes))).toEqual(new Set([-300, -240]))
  })

  it('shows East Asian browser offsets on some fraud claiming a home in the Americas', () => {
    const eastAsian = fraud.filter(
      (record) =>
        record.claimed?.location?.countryCode === 'US' &&
        [480, 540, 600].includes(record.submission?.utcOffsetMinutes ?? 0),
    )
    expect(eastAsian.length).toBeGreaterThan(20)
    // ...but not all: many operators set the clock to the claimed zone.
    const disguised = fraud.filter(
      (record) =>
        record.submission?.utcOffsetMinutes ===
        zoneOffsetMinutes(record.claimed?.timeZone ?? 'UTC', record.submittedAt),
    )
    expect(disguised.length).toBeGreaterThan(fraud.length * 0.3)
  })

  it('writes valid phone numbers of the right country, mostly in local format for honest people', () => {
    const invalid = world.filter((record) => {
      const raw = record.contacts?.phones?.[0]?.value ?? ''
      return !parsePhone(raw, record.claimed?.location?.countryCode).isValid
    })
    expect(invalid.map((record) => `${record.id} ${record.contacts?.phones?.[0]?.value ?? ''}`)).toEqual([])
    const plain = honest.filter((record) => record.label?.hardNegative === undefined)
    const local = plain.filter((record) => {
      const parsed = parsePhone(record.contacts?.phones?.[0]?.value ?? '', record.claimed?.location?.countryCode)
      return parsed.country === record.claimed?.location?.countryCode || parsed.callingCode === '1'
    })
    expect(local.length).toBe(plain.length)
    const immigrants = honest.filter((record) => record.label?.hardNegative === 'immigrant')
    const foreign = immigrants.filter(
      (record) =>
        parsePhone(record.contacts?.phones?.[0]?.value ?? '').country !== record.claimed?.location?.countryCode,
    )
    expect(foreign.length).toBe(immigrants.length)
    expect(immigrants.every((record) => record.claimed?.residentSince !== undefined)).toBe(true)
  })

  it('writes CV text of realistic length whose SHA-256 is the file hash', () => {
    for (const record of world) {
      const text = record.document?.cvText ?? ''
      const count = text.split(/\s+/).filter(Boolean).length
      expect(count, record.id).toBeGreaterThanOrEqual(250)
      expect(count, record.id).toBeLessThanOrEqual(700)
      expect(text.toLowerCase(), record.id).toContain((record.cv.basics?.name ?? '').toLowerCase())
      expect(record.document?.fileSha256, record.id).toBe(createHash('sha256').update(text).digest('hex'))
    }
  })

  it('keeps honest careers consistent with age and the submission date', () => {
    for (const record of honest) {
      const submitted = record.submittedAt.slice(0, 7)
      for (const job of record.cv.work ?? []) {
        expect((job.startDate ?? '') <= submitted, record.id).toBe(true)
        if (job.endDate) expect(job.endDate >= (job.startDate ?? ''), record.id).toBe(true)
      }
      const jobs = [...(record.cv.work ?? [])].reverse()
      jobs.forEach((job, index) => {
        const next = jobs[index + 1]
        if (next && job.endDate) expect((next.startDate ?? '') >= job.endDate.slice(0, 7), record.id).toBe(true)
      })
      const birthYear = Number(record.person?.birthDate?.slice(0, 4))
      const firstStudy = Math.min(...(record.cv.education ?? []).map((entry) => Number(entry.startDate?.slice(0, 4))))
      if (Number.isFinite(birthYear) && Number.isFinite(firstStudy))
        expect(firstStudy - birthYear, record.id).toBeGreaterThanOrEqual(17)
    }
  })

  it('makes inconsistent resubmissions keep the identity and change the history', () => {
    const byPersona = groupBy(
      fraud.filter((record) => record.label?.pattern === 'inconsistent-resubmission'),
      (record) => record.label?.personaId,
    )
    const repeated = [...byPersona.values()].filter((group) => group.length > 1)
    expect(repeated.length).toBeGreaterThan(5)
    for (const [first, second] of repeated.map((group) => [group[0], group[1]] as const)) {
      expect(second?.cv.basics?.name).toBe(first?.cv.basics?.name)
      expect(second?.person?.birthDate).toBe(first?.person?.birthDate)
      expect(second?.contacts?.emails).toEqual(first?.contacts?.emails)
      expect(second?.cv.education?.[0]?.institution).not.toBe(first?.cv.education?.[0]?.institution)
      expect(Date.parse(second?.submittedAt ?? '')).toBeGreaterThan(Date.parse(first?.submittedAt ?? ''))
    }
  })

  it('makes honest resubmissions repeat the same history', () => {
    const byPersona = groupBy(
      honest.filter((record) => record.label?.hardNegative === 'resubmission'),
      (record) => record.label?.personaId,
    )
    const pairs = [...byPersona.values()].filter((group) => group.length === 2)
    expect(pairs.length).toBeGreaterThan(5)
    for (const [first, second] of pairs.map((group) => [group[0], group[1]] as const)) {
      expect(second?.cv.education).toEqual(first?.cv.education)
      expect(second?.cv.work?.map((job) => [job.name, job.startDate])).toEqual(
        first?.cv.work?.map((job) => [job.name, job.startDate]),
      )
    }
  })

  it('puts several laptop-farm applicants at one US address, often through one staffing vendor', () => {
    const farms = groupBy(
      fraud.filter((record) => record.label?.pattern === 'laptop-farm-applicant'),
      (record) => record.label?.ringId,
    )
    expect(farms.size).toBeGreaterThan(5)
    for (const [farmId, members] of farms) {
      const addresses = members.map((record) =>
        (record.contacts?.addresses ?? []).map((address) => `${address.city ?? ''}|${address.line1 ?? ''}`),
      )
      const shared = addresses[0]?.filter((address) => addresses.every((list) => list.includes(address)))
      expect(shared?.length, farmId).toBeGreaterThan(0)
      expect(
        members.every((record) => record.claimed?.location?.countryCode === 'US'),
        farmId,
      ).toBe(true)
    }
    expect(fraud.some((record) => record.label?.pattern === 'laptop-farm-applicant' && record.staffingVendor)).toBe(
      true,
    )
  })
})
