import type { PostalAddress } from '../applicant.js'
import { countryProfile, type City, type CountryProfile } from '../data/countries.js'
import { newAddress, personName } from '../identity.js'
import type { Random } from '../random.js'
import type { WorldState } from '../world-state.js'
import { cityCoordinates, displaced } from './city-coordinates.js'
import type {
  EmployeePlan,
  Place,
  PayrollPlan,
  SignInSource,
  UsbRow,
  WorkforceHardNegative,
  WorkforceLabel,
} from './employee-plan.js'

/** The organisation the world's employees work for: its mail domain, VPN egress and offices. */
export type WorkforceCompany = {
  readonly name: string
  readonly emailDomain: string
  /** Its corporate VPN egress: the organisation's trusted network. */
  readonly trustedNetworks: readonly string[]
  readonly officeAddresses: readonly string[]
  /** Its own RMM agent, on every device: allowed. */
  readonly allowedTools: readonly string[]
}

export const workforceCompany: WorkforceCompany = {
  name: 'Acme Synthetic Corp',
  emailDomain: 'acme.example',
  trustedNetworks: ['52.14.9.8/29'],
  officeAddresses: ['500 Congress Avenue, Austin, TX 78701', '1 Market Street, San Francisco, CA 94105'],
  allowedTools: ['Atera'],
}

const corporateVpn: SignInSource = {
  ip: '52.14.9.10',
  place: { city: 'Columbus', region: 'Ohio', countryCode: 'US', coordinates: [39.96, -83.0] },
  device: 'Computer',
}

/**
 * Residential ISP blocks per country as [first octet, second octet from, to], each checked against the offline IP
 * country data HireWall ships (every sampled address in the country): the application world's coarser blocks are
 * not all where they claim, and after the hire the country of an address is itself a signal.
 */
const residentialBlocks: Readonly<Record<string, readonly (readonly [number, number, number])[]>> = {
  US: [
    [73, 0, 255],
    [68, 32, 63],
    [98, 160, 191],
    [71, 8, 15],
    [76, 96, 127],
    [67, 160, 191],
  ],
  CA: [
    [99, 224, 255],
    [142, 112, 127],
    [24, 64, 71],
    [174, 112, 119],
  ],
  GB: [
    [86, 128, 191],
    [81, 96, 111],
    [82, 0, 20],
  ],
  DE: [
    [84, 128, 191],
    [91, 0, 63],
    [93, 192, 255],
  ],
  JP: [
    [126, 0, 189],
    [153, 128, 255],
  ],
  KR: [
    [121, 128, 191],
    [175, 192, 223],
    [211, 45, 55],
  ],
}

/** A residential address of the country that no one else in the world uses. */
export function residentialIp(world: WorldState, country: CountryProfile): string {
  const { random } = world
  const blocks = residentialBlocks[country.code]
  if (!blocks) throw new Error(`No residential blocks for ${country.code} in the workforce world`)
  for (;;) {
    const block = random.pick(blocks)
    const ip = `${block[0]}.${random.int(block[1], block[2])}.${random.int(0, 255)}.${random.int(1, 254)}`
    if (world.usedIps.has(ip)) continue
    world.usedIps.add(ip)
    return ip
  }
}

const vpnExitPlace: Place = { city: 'London', region: 'England', countryCode: 'GB', coordinates: [51.51, -0.13] }

/**
 * A commercial VPN exit: M247's 146.70.64.0/18, where many VPN brands rent their exits (AS9009, classified as hosting by
 * the shipped network classification; placed in London by the offline country data).
 */
function vpnSource(random: Random): SignInSource {
  return { ip: `146.70.${random.int(64, 127)}.${random.int(2, 254)}`, place: vpnExitPlace, device: 'Computer' }
}

/** Where honest employees live: an employer hiring remotely in North America and Europe. */
const homeCountries = [
  ['US', 76],
  ['CA', 9],
  ['GB', 9],
  ['DE', 6],
] as const

const usualPrograms = [
  'Google Chrome',
  'Slack',
  'Zoom',
  'Microsoft Teams',
  'Microsoft Word',
  'Microsoft Excel',
  'Visual Studio Code',
  '1Password',
  'Docker Desktop',
  'Notion',
  'Firefox',
  'Spotify',
  'iTerm2',
  'Postman',
]
const usualUsb: readonly UsbRow[] = [
  usb('Apple Inc.', '05ac', 'Magic Keyboard', '0267'),
  usb('Logitech', '046d', 'USB Receiver', 'c52b'),
  usb('Logitech', '046d', 'Brio 4K Webcam', '085e'),
  usb('Jabra', '0b0e', 'Jabra Evolve2 65', '2e56'),
  usb('Anker', '291a', 'USB-C Hub', '8502'),
]
const farmUsb: readonly (readonly [UsbRow, number])[] = [
  [usb('PiKVM', '1d6b', 'PiKVM Composite Device', '0104'), 3],
  [usb('tinypilot', '1d6b', 'Multifunction USB Device', '0104'), 2],
  [usb('JetKVM', '1d6b', 'JetKVM USB Emulation Device', '0104'), 1],
]
const remoteTools = [
  ['AnyDesk', 4],
  ['TeamViewer', 2],
  ['Chrome Remote Desktop Host', 2],
  ['RustDesk', 2],
  ['Splashtop Streamer', 1],
] as const

function usb(vendor: string, vendorId: string, model: string, modelId: string): UsbRow {
  return { vendor, vendor_id: vendorId, model, model_id: modelId, usb_address: '1', usb_port: '1', removable: '1' }
}

export function formatAddress(address: PostalAddress): string {
  return [address.line1, address.line2, address.city, `${address.region} ${address.postalCode}`]
    .filter((part) => part !== undefined && part !== '')
    .join(', ')
}

function placeOf(country: CountryProfile, city: City): Place {
  return {
    city: city.name,
    region: city.region,
    countryCode: country.code,
    coordinates: cityCoordinates[city.name] ?? [0, 0],
  }
}

function placedCity(random: Random, country: CountryProfile): City {
  const known = country.cities.filter((city) => cityCoordinates[city.name] !== undefined)
  return random.pick(known.length > 0 ? known : country.cities)
}

function homeSource(ip: string, place: Place): SignInSource {
  return { ip, place, device: 'Computer' }
}

/** A phone on a mobile network: another address of the country, placed at the carrier's hub up to 600 km away. */
function mobileSource(world: WorldState, country: CountryProfile, place: Place): SignInSource {
  const { random } = world
  const hub = displaced(place.coordinates, random.int(20, 600), random.float(0, 2 * Math.PI))
  return { ip: residentialIp(world, country), place: { ...place, coordinates: hub }, device: 'Mobile' }
}

/** Plans the workforce: honest employees (some in hard-negative situations) and the planted farms. */
export class WorkforcePlanner {
  private readonly world: WorldState
  private count = 0
  private farmCount = 0

  constructor(
    world: WorldState,
    private readonly days: number,
  ) {
    this.world = world
  }

  private nextIds(): { employeeId: string; applicationId: string; oktaUserId: string } {
    this.count++
    const number = String(this.count).padStart(6, '0')
    return {
      employeeId: `EMP-${number}`,
      applicationId: `app-wf-${number}`,
      oktaUserId: `00u${this.world.random.hex(17)}`,
    }
  }

  private person(countryCode: string): { name: string; login: string } {
    const name = personName(this.world.random, countryCode)
    const handle = `${name.given}.${name.family}`
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z.]/g, '')
    return { name: name.full, login: `${handle}.${this.count}@${workforceCompany.emailDomain}` }
  }

  private payroll(
    day: number,
    holder: string,
    institution = 'Bank of America',
    method = 'direct deposit',
  ): PayrollPlan {
    const { random } = this.world
    return {
      day,
      hourUtc: random.int(14, 22),
      holder,
      routing: `0${random.digits(8)}`,
      account: random.digits(12),
      method,
      institution,
    }
  }

  private baseDevice(): EmployeePlan['device'] {
    const { random } = this.world
    const serial = `C02${random.hex(9).toUpperCase()}`
    // Names and tags are unique, as a fleet's are: the engine joins MDM and osquery records by them.
    return {
      name: `ACME-LT-${String(this.count).padStart(5, '0')}`,
      serial,
      asset: `ACME-${String(100_000 + this.count)}`,
      platform: random.chance(0.7) ? 'macOS 15.3' : 'Windows 11 Pro',
      model: random.chance(0.7) ? 'MacBook Pro (14-inch)' : 'ThinkPad T14 Gen 5',
    }
  }

  /** One honest employee; the hard-negative kind, if any, bends their plan. */
  honest(
    kind?: WorkforceHardNegative,
    shared?: Partial<Pick<EmployeePlan, 'home'>> & { readonly homeIp?: string; readonly place?: Place },
  ): EmployeePlan {
    const { random } = this.world
    const ids = this.nextIds()
    const isAsia = kind === 'asia-based'
    const country = countryProfile(
      shared?.home?.countryCode ?? (isAsia ? random.pick(['JP', 'KR']) : random.weighted(homeCountries)),
    )
    const city = placedCity(random, country)
    const place = shared?.place ?? placeOf(country, city)
    const home = shared?.home ?? {
      text: formatAddress(newAddress(this.world, country, city)),
      countryCode: country.code,
    }
    const person = this.person(isAsia ? country.code : 'US')
    const homeIp = shared?.homeIp ?? residentialIp(this.world, country)
    const startDay = random.int(0, Math.min(14, Math.max(0, this.days - 7)))
    const sources: [SignInSource, number][] = [
      [homeSource(homeIp, place), 85],
      [mobileSource(this.world, country, place), 10],
    ]
    let hardNegative = kind
    if (kind === 'corporate-vpn' || random.chance(0.2)) sources.push([corporateVpn, kind === 'corporate-vpn' ? 80 : 8])
    if (kind === 'privacy-vpn') sources.push([vpnSource(random), random.int(10, 60)])
    let shipTo = home
    if (kind === 'relative-shipping') {
      const relativeCity = placedCity(random, country)
      shipTo = { text: formatAddress(newAddress(this.world, country, relativeCity)), countryCode: country.code }
    } else if (kind === 'office-pickup' && country.code === 'US') {
      shipTo = { text: random.pick(workforceCompany.officeAddresses), countryCode: 'US' }
    } else if (kind === 'office-pickup') hardNegative = undefined
    const trips: EmployeePlan['trips'][number][] = []
    if (kind === 'traveller') {
      const destination = countryProfile(
        random.weighted([
          ['US', 5],
          ['GB', 2],
          ['DE', 1],
          ['JP', 1],
        ] as const),
      )
      const destinationCity = placedCity(random, destination)
      const fromDay = Math.min(this.days - 2, startDay + random.int(3, Math.max(4, this.days - 8)))
      trips.push({
        fromDay,
        toDay: fromDay + random.int(2, 5),
        source: homeSource(residentialIp(this.world, destination), placeOf(destination, destinationCity)),
      })
    }
    const device = this.baseDevice()
    const programs = [...random.sample(usualPrograms, random.int(6, 11)), 'AteraAgent']
    if (kind === 'personal-remote-tool') programs.push(random.pick(['TeamViewer', 'AnyDesk']))
    const payroll = [
      this.payroll(
        startDay,
        random.chance(0.2) ? person.name.replace(/^(\S+) /, (given) => `${given.slice(0, 1)}. `) : person.name,
      ),
    ]
    if (random.chance(0.05))
      payroll.push(this.payroll(Math.min(this.days - 1, startDay + random.int(10, 30)), person.name, 'Chase'))
    const label: WorkforceLabel = {
      employeeId: ids.employeeId,
      isFraud: false,
      pattern: 'legitimate',
      ...(hardNegative ? { hardNegative } : {}),
    }
    return {
      ...ids,
      legalName: person.name,
      home,
      timeZone: isAsia ? (country.code === 'JP' ? 'Asia/Tokyo' : 'Asia/Seoul') : city.timeZone,
      login: person.login,
      manager: personName(random, 'US').full,
      startDay,
      device,
      shipTo,
      shippedDay: startDay - random.int(3, 7),
      checkIn: {
        day: startDay - random.int(0, 2),
        hourUtc: random.int(13, 23),
        ip: kind === 'relative-shipping' && random.chance(0.5) ? residentialIp(this.world, country) : homeIp,
      },
      programs,
      laterPrograms: [],
      usb: random.sample(usualUsb, random.int(1, 4)),
      interfaces: [{ interface: 'en0', address: `192.168.1.${random.int(2, 250)}`, friendly_name: '' }],
      schedule: {
        zone: isAsia ? (country.code === 'JP' ? 'Asia/Tokyo' : 'Asia/Seoul') : city.timeZone,
        hours: 'office',
        isWeekendWorker: random.chance(0.05),
      },
      sources,
      homeRotations: [],
      trips,
      payroll,
      label,
    }
  }

  /** Two people who live together and both work for the company, from home. */
  couple(): EmployeePlan[] {
    const first = this.honest('couple')
    const place = first.sources[0]?.[0].place
    const second = this.honest('couple', { home: first.home, homeIp: first.checkIn.ip, ...(place ? { place } : {}) })
    const jointAccount = this.world.random.chance(0.5) ? first.payroll[0] : undefined
    return [
      first,
      jointAccount
        ? {
            ...second,
            timeZone: first.timeZone,
            schedule: first.schedule,
            payroll: [{ ...jointAccount, day: second.startDay, holder: `${first.legalName} and ${second.legalName}` }],
          }
        : { ...second, timeZone: first.timeZone, schedule: first.schedule },
    ]
  }

  /** Colleagues at one conference hotel for a few days. */
  conference(size: number): EmployeePlan[] {
    const { random } = this.world
    const us = countryProfile('US')
    const city = placedCity(random, us)
    const hotel = homeSource(residentialIp(this.world, us), placeOf(us, city))
    const fromDay = random.int(Math.min(16, this.days - 5), Math.max(Math.min(16, this.days - 5), this.days - 5))
    return Array.from({ length: size }, () => {
      const plan = this.honest('conference')
      return {
        ...plan,
        startDay: Math.min(plan.startDay, fromDay - 5),
        trips: [{ fromDay, toDay: fromDay + 3, source: hotel }],
      }
    })
  }

  /** A laptop farm: several hires whose laptops sit at one US address, driven from abroad. */
  farm(size: number): EmployeePlan[] {
    const { random } = this.world
    this.farmCount++
    const farmId = `farm-${String(this.farmCount).padStart(3, '0')}`
    const us = countryProfile('US')
    const farmCity = placedCity(random, us)
    const farmPlace = placeOf(us, farmCity)
    const farmAddress = { text: formatAddress(newAddress(this.world, us, farmCity)), countryCode: 'US' }
    const farmIp = residentialIp(this.world, us)
    const operatorZone = random.pick(['Asia/Shanghai', 'Asia/Seoul', 'Asia/Pyongyang'])
    const isStealthy = random.chance(0.2)
    const hasShifts = random.chance(0.1)
    // A third of farms sit on a line whose address the ISP changes every week or two.
    const rotations: { fromDay: number; source: SignInSource }[] = []
    if (random.chance(0.35))
      for (let day = random.int(7, 14); day < this.days; day += random.int(7, 14))
        rotations.push({ fromDay: day, source: homeSource(residentialIp(this.world, us), farmPlace) })
    const ipOnDay = (day: number): string =>
      rotations.filter((rotation) => rotation.fromDay <= day).at(-1)?.source.ip ?? farmIp
    const recruitedFrom = random.int(0, Math.max(0, Math.min(10, this.days - 20)))
    const sharedAccount = this.payroll(
      0,
      random.pick(['Wei Zhang', 'Kim Min-jun', 'Olena Koval', 'Tyler Brooks']),
      random.pick(['Payoneer', 'Chase', 'Wise']),
    )
    return Array.from({ length: size }, () => {
      const plan = this.honest()
      // Hires join the farm over weeks, as the facilitator places them.
      const startDay = Math.min(this.days - 7, recruitedFrom + random.int(0, 14))
      const checkInDay = startDay - random.int(0, 2)
      const device = plan.device
      const livesAtFarm = random.chance(0.2)
      const home = livesAtFarm ? farmAddress : plan.home
      const vpn = vpnSource(random)
      const sources: [SignInSource, number][] = [[homeSource(farmIp, farmPlace), random.int(60, 100)]]
      if (random.chance(0.5)) sources.push([vpn, random.int(5, 40)])
      const programs = [...plan.programs]
      const laterPrograms: { day: number; name: string }[] = []
      const usbRows = [...plan.usb]
      const interfaces = [...plan.interfaces]
      if (!isStealthy && random.chance(0.65)) {
        const tool = random.weighted(remoteTools)
        if (random.chance(0.5)) programs.push(tool)
        else laterPrograms.push({ day: startDay + random.int(1, 8), name: tool })
      }
      if (random.chance(isStealthy ? 0.6 : 0.3)) usbRows.push(random.weighted(farmUsb))
      if (random.chance(0.25)) usbRows.push(usb('Generic', '1a2c', 'USB Mouse Jiggler', '0042'))
      if (random.chance(0.2)) {
        programs.push('Astrill VPN')
        interfaces.push({ interface: 'utun4', address: '10.8.0.2', friendly_name: 'Astrill VPN Adapter' })
      }
      const payroll: PayrollPlan[] = []
      const roll = random.next()
      if (roll < 0.3) payroll.push({ ...sharedAccount, day: startDay })
      else if (roll < 0.5)
        payroll.push({
          ...this.payroll(startDay, random.pick(['Li Na', 'Pak Song-il', 'Dmitri Volkov'])),
          institution: random.pick(['Payoneer', 'Wise', 'Chase']),
        })
      else payroll.push(this.payroll(startDay, plan.legalName))
      if (random.chance(0.15))
        for (let change = 1; change <= 2; change++)
          payroll.push(
            this.payroll(
              Math.min(this.days - 1, startDay + change * random.int(5, 12)),
              plan.legalName,
              random.pick(['Wise', 'Payoneer', 'Chase']),
            ),
          )
      if (random.chance(0.05))
        payroll.push({
          ...this.payroll(Math.min(this.days - 1, startDay + 9), plan.legalName, 'Binance'),
          method: 'crypto',
        })
      const label: WorkforceLabel = { employeeId: plan.employeeId, isFraud: true, pattern: 'laptop-farm', farmId }
      return {
        ...plan,
        startDay,
        shippedDay: startDay - random.int(3, 7),
        home,
        device,
        shipTo: random.chance(0.7) || livesAtFarm ? farmAddress : plan.home,
        checkIn: { ...plan.checkIn, day: checkInDay, ip: random.chance(0.9) ? ipOnDay(checkInDay) : vpn.ip },
        programs,
        laterPrograms,
        usb: usbRows,
        interfaces,
        schedule: {
          zone: isStealthy ? plan.timeZone : operatorZone,
          hours: hasShifts ? 'shifts' : isStealthy ? 'office' : 'operator',
          isWeekendWorker: random.chance(0.4),
        },
        sources,
        homeRotations: rotations,
        trips: [],
        payroll,
        label,
      }
    })
  }
}
