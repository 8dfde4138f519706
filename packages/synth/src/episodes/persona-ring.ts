import type { ResumeWork } from '@hirewall/core'
import type { Applicant, PostalAddress } from '../applicant.js'
import { formatMonth, monthOfMs, parseMonth } from '../career.js'
import { createApplicant } from '../create-applicant.js'
import { countryProfile } from '../data/countries.js'
import { newAddress } from '../identity.js'
import { newPhoneNumber, type PhoneNumber } from '../phone-pool.js'
import { pickTrack } from '../requisitions.js'
import { deviceId, hostingIp, residentialIp, userAgent, utcOffsetMinutes, vpnIp } from '../submission-context.js'
import { nextRingId } from '../world-state.js'
import { dayMs, spreadWithin, type Episode } from './episode.js'
import { applyTells, pickOperatorZone, submitOnOperatorHours, tellCount, type TellName } from './fraud-tells.js'

const personaTells: readonly TellName[] = [
  'voipPhone',
  'oddPhoneFormat',
  'operatorOffset',
  'eastAsianLanguage',
  'generatedEmail',
  'newLinkedIn',
  'mismatchedHandle',
  'interview',
]

type SharedKit = {
  readonly phones: readonly PhoneNumber[]
  readonly addresses: readonly PostalAddress[]
  readonly devices: readonly { readonly id: string; readonly userAgent: string }[]
  readonly networkPrefix: string
  readonly photoHash: string
}

/** Flips a few bits of a 64-bit perceptual hash: the same face, re-encoded or lightly edited. */
function nearPhoto(hash: string, bits: number, pick: (max: number) => number): string {
  let value = BigInt(`0x${hash}`)
  for (let flip = 0; flip < bits; flip++) value ^= 1n << BigInt(pick(63))
  return value.toString(16).padStart(16, '0')
}

function shiftMonth(date: string | undefined, months: number): string | undefined {
  if (date === undefined) return undefined
  return date.length === 4 ? String(Number(date) + Math.floor(months / 12)) : formatMonth(parseMonth(date) + months)
}

/**
 * One operator running 3-12 personas: different names, but the same CV template with light edits, and a kit of
 * phones, addresses, devices, a /24 and a photo that the personas reuse. Each persona shows a different handful of
 * tells; some show none and are visible only through what they share with the others.
 */
export const personaRing: Episode = (world, notBeforeMs) => {
  const { random } = world
  const ringId = nextRingId(world, 'ring')
  const operatorZone = pickOperatorZone(random)
  const claimed = countryProfile(
    random.weighted([
      ['US', 8],
      ['CA', 1],
      ['GB', 1],
    ] as const),
  )
  const track = pickTrack(random)
  const kitCity = random.pick(claimed.cities)
  const kit: SharedKit = {
    phones: Array.from({ length: random.int(1, 3) }, () =>
      newPhoneNumber(random, claimed.code, world.usedPhones, kitCity.areaCodes),
    ),
    addresses: Array.from({ length: random.int(1, 2) }, () => newAddress(world, claimed, kitCity)),
    devices: Array.from({ length: random.int(1, 2) }, () => ({ id: deviceId(random), userAgent: userAgent(random) })),
    networkPrefix: random
      .weighted([
        [vpnIp(random), 5],
        [hostingIp(random), 2],
        [residentialIp(world, claimed), 2],
      ] as const)
      .replace(/\.\d+$/, ''),
    photoHash: random.hex(16),
  }
  const spread = spreadWithin(world, notBeforeMs, random.int(20, 120) * dayMs)
  const size = random.int(3, 12)
  const cvSeed = random.nextUint32()
  const skills = random.sample(track.skills, random.int(7, 10))
  let template: Applicant | undefined
  const personas: Applicant[] = []
  for (let index = 0; index < size; index++) {
    const city = random.chance(0.5) ? kitCity : random.pick(claimed.cities)
    const schoolCountry = countryProfile(
      random.weighted([
        [claimed.code, 6],
        ['CN', 2],
        ['KR', 1],
        ['JP', 1],
      ] as const),
    )
    const persona = createApplicant(world, {
      notBeforeMs,
      spreadMs: spread,
      country: claimed,
      city,
      schoolCountry,
      track,
      age: random.normal(30, 4, 25, 42),
    })
    submitOnOperatorHours(world, persona, notBeforeMs, spread, operatorZone)
    persona.skills = skills
    persona.cvSeed = cvSeed
    persona.cvEdits = random.int(0, 3)
    persona.channel = random.pick(['linkedin', 'company-site', 'indeed', 'wellfound'])
    delete persona.referrer
    delete persona.staffingVendor
    delete persona.interview
    if (template) {
      // The operator's template CV: same employers and titles, dates moved a little, sometimes another school.
      const shift = -random.int(0, 8)
      const submittedMonth = monthOfMs(persona.submittedAtMs)
      persona.work = template.work.map((job): ResumeWork => {
        const startDate = shiftMonth(job.startDate, shift)
        const endDate = shiftMonth(job.endDate, shift)
        return {
          ...job,
          location: job.location === template?.city.name ? city.name : (job.location ?? city.name),
          ...(startDate !== undefined ? { startDate } : {}),
          ...(endDate !== undefined && parseMonth(endDate) < submittedMonth ? { endDate } : {}),
        }
      })
      persona.headline = template.headline
      if (random.chance(0.7)) persona.education = template.education
    } else template = persona
    let reused = 0
    const reuse = (probability: number, apply: () => void): void => {
      if (!random.chance(probability)) return
      apply()
      reused++
    }
    reuse(0.5, () => {
      persona.phone = random.pick(kit.phones)
      persona.phoneRaw = persona.phone.national
    })
    reuse(0.4, () => {
      persona.address = random.pick(kit.addresses)
      persona.city = kitCity
      persona.timeZone = kitCity.timeZone
      persona.utcOffsetMinutes = utcOffsetMinutes(kitCity.timeZone, persona.submittedAtMs)
    })
    reuse(0.5, () => {
      const device = random.pick(kit.devices)
      persona.deviceId = device.id
      persona.userAgent = device.userAgent
    })
    reuse(0.6, () => (persona.ip = `${kit.networkPrefix}.${random.int(2, 254)}`))
    reuse(0.35, () => (persona.photoHash = nearPhoto(kit.photoHash, random.int(0, 3), (max) => random.int(0, max))))
    // The template text is always shared, so a persona without any other reuse is still linked to the ring.
    if (reused === 0) persona.cvEdits = random.int(0, 1)
    applyTells(world, persona, personaTells, tellCount(random, 5), operatorZone)
    persona.label = { isFraud: true, pattern: 'persona-ring', personaId: persona.personaId, ringId }
    personas.push(persona)
  }
  return personas
}
