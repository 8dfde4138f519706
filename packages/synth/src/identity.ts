import { parseEmail } from '@hirewall/core'
import type { PostalAddress } from './applicant.js'
import { countries, type City, type CountryProfile } from './data/countries.js'
import { namesByCountry } from './data/names.js'
import type { PhoneNumber } from './phone-pool.js'
import type { Random } from './random.js'
import type { WorldState } from './world-state.js'

const residenceWeights = countries.map((country) => [country, country.residenceWeight] as const)

export function pickResidence(random: Random): CountryProfile {
  return random.weighted(residenceWeights)
}

export type PersonName = { readonly given: string; readonly family: string; readonly full: string }

export function personName(random: Random, countryCode: string): PersonName {
  const pool = namesByCountry[countryCode] ?? namesByCountry['US']
  if (!pool) throw new Error('The US name pool is missing')
  const given = random.pick(pool.given)
  const family = random.pick(pool.family)
  const middle = countryCode === 'US' && random.chance(0.08) ? ` ${random.pick('ABCDEJKLMRST'.split(''))}.` : ''
  return { given, family, full: `${given}${middle} ${family}` }
}

const handles = new Map<string, string>()

/** Lower-case ASCII letters and digits only: what a handle or an email local part can hold (cached: names repeat). */
export function asciiHandle(text: string): string {
  let handle = handles.get(text)
  if (handle === undefined) {
    handle = foldHandle(text)
    handles.set(text, handle)
  }
  return handle
}

function foldHandle(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/ł/g, 'l')
    .replace(/Ł/g, 'L')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '')
}

/**
 * Reserves the mailbox an address reaches, as its provider routes it: `rachel.smith@gmail.com` and
 * `rachelsmith@gmail.com` are one Gmail mailbox, so two people cannot both have them.
 */
function claimMailbox(world: WorldState, email: string): boolean {
  const mailbox = parseEmail(email).canonical
  if (world.usedEmails.has(mailbox)) return false
  world.usedEmails.add(mailbox)
  return true
}

/** An email address that plausibly derives from the name, unique in the world. */
export function emailForName(world: WorldState, name: PersonName, country: CountryProfile, birthYear: number): string {
  const { random } = world
  const given = asciiHandle(name.given)
  const family = asciiHandle(name.family)
  const domain = random.weighted(country.emailDomains)
  for (let attempt = 0; ; attempt++) {
    const style = nameStyle(random.int(0, 6), given, family, birthYear, random)
    const base = attempt < 3 ? style : `${style}${random.int(1, 9999)}`
    const email = `${base}@${domain}`
    if (claimMailbox(world, email)) return email
  }
}

function nameStyle(style: number, given: string, family: string, birthYear: number, random: Random): string {
  switch (style) {
    case 0:
      return `${given}.${family}`
    case 1:
      return `${given}${family}`
    case 2:
      return `${given[0] ?? ''}${family}`
    case 3:
      return `${given}_${family}`
    case 4:
      return `${given}.${family}${String(birthYear).slice(2)}`
    case 5:
      return `${family}.${given}`
    default:
      return `${given}${family[0] ?? ''}${random.int(1, 99)}`
  }
}

const handleWords = [
  'dev',
  'code',
  'tech',
  'smart',
  'star',
  'sunny',
  'best',
  'pro',
  'cloud',
  'happy',
  'top',
  'bright',
  'king',
  'ace',
  'ninja',
  'lucky',
]

/** A throwaway-looking handle with no tie to any name: `sunnydev0923`, `best.coder77`. */
export function generatedHandle(random: Random): string {
  const first = random.pick(handleWords)
  const second = random.pick(['dev', 'coder', 'engineer', 'master', 'works', 'hub', 'guru', 'wizard'])
  const separator = random.pick(['', '.', '_'])
  const digits = random.chance(0.5) ? String(random.int(10, 99)) : `${random.int(1, 12)}${random.int(10, 28)}`
  return `${first}${separator}${second}${digits}`
}

export function generatedEmail(world: WorldState): string {
  for (;;) {
    const domain = world.random.weighted([
      ['gmail.com', 6],
      ['outlook.com', 3],
      ['hotmail.com', 1],
      ['proton.me', 1],
    ] as const)
    const email = `${generatedHandle(world.random)}@${domain}`
    if (claimMailbox(world, email)) return email
  }
}

function postalCode(random: Random, pattern: string): string {
  let code = ''
  for (const character of pattern) {
    if (character === '#') code += String(random.int(0, 9))
    else if (character === 'A') code += String.fromCharCode(65 + random.int(0, 25))
    else code += character
  }
  return code
}

/** A home address in the city, unique in the world. */
export function newAddress(world: WorldState, country: CountryProfile, city: City): PostalAddress {
  const { random } = world
  for (;;) {
    const street = random.pick(country.streets)
    const number = country.streetStyle === 'number-first' ? random.int(1, 9899) : random.int(1, 180)
    const line1 = country.streetStyle === 'number-first' ? `${number} ${street}` : `${street} ${number}`
    const line2 = random.chance(country.code === 'US' || country.code === 'CA' ? 0.3 : 0.15)
      ? `${country.code === 'US' ? 'Apt' : 'Unit'} ${random.int(1, 40)}${random.pick(['', 'A', 'B', 'C'])}`
      : undefined
    const key = `${country.code}|${city.name}|${line1}|${line2 ?? ''}`
    if (world.usedAddresses.has(key)) continue
    world.usedAddresses.add(key)
    return {
      line1,
      ...(line2 ? { line2 } : {}),
      city: city.name,
      region: city.region,
      postalCode: postalCode(random, city.postalPattern),
      countryCode: country.code,
    }
  }
}

/** How a local writes their own number: national format mostly, the way people in that country do. */
export function localPhoneFormat(random: Random, phone: PhoneNumber, countryCode: string): string {
  if (countryCode === 'US' || countryCode === 'CA') {
    const digits = phone.digits
    const area = digits.slice(0, 3)
    const exchange = digits.slice(3, 6)
    const line = digits.slice(6)
    return random.weighted([
      [phone.national, 45],
      [`${area}-${exchange}-${line}`, 28],
      [`${area}.${exchange}.${line}`, 5],
      [phone.international, 14],
      [`+1 (${area}) ${exchange}-${line}`, 4],
      [digits, 4],
    ] as const)
  }
  if (countryCode === 'IN' || countryCode === 'NG' || countryCode === 'PH') {
    return random.weighted([
      [phone.international, 55],
      [phone.national, 20],
      [phone.digits, 25],
    ] as const)
  }
  return random.chance(0.65) ? phone.national : phone.international
}

/** A North American number written the way no local writes it: wrong grouping or a foreign dialling habit. */
export function oddPhoneFormat(random: Random, phone: PhoneNumber): string {
  const digits = phone.digits
  return random.pick([
    `+1 ${digits.slice(0, 4)} ${digits.slice(4, 7)} ${digits.slice(7)}`,
    `+1-${digits.slice(0, 3)}-${digits.slice(3, 7)}-${digits.slice(7)}`,
    `001 ${digits.slice(0, 3)} ${digits.slice(3, 6)} ${digits.slice(6)}`,
    `+1 ${digits.slice(0, 2)} ${digits.slice(2, 6)} ${digits.slice(6)}`,
    `(+1) ${digits.slice(0, 3)} ${digits.slice(3, 5)} ${digits.slice(5, 8)} ${digits.slice(8)}`,
  ])
}
