import { Random } from '../random.js'
import type { WorldState } from '../world-state.js'
import type { EmployeePlan, WorkforceLabel } from './employee-plan.js'
import { WorkforcePlanner, workforceCompany, type WorkforceCompany } from './plan-workforce.js'
import { signInsOfDay, type SignInLine } from './sign-in-events.js'

export type WorkforceWorldOptions = {
  /** How many employees (hires). */
  readonly employees: number
  /** Same seed, same world. Its own stream: the application world of a seed is unchanged. */
  readonly seed: number | string
  /** First day of the world, YYYY-MM-DD; default 2026-03-02. */
  readonly start?: string
  /** How many days of sign-ins; default 42. */
  readonly days?: number
  /** Share of employees planted in laptop farms; default 0.02. */
  readonly farmShare?: number
}

export const workforceWorldDefaults = { start: '2026-03-02', days: 42, farmShare: 0.02 } as const

/** Share of honest employees per hard-negative situation (couples and conferences count every member). */
export const workforceHardNegativeShares = {
  couple: 0.03,
  traveller: 0.08,
  conference: 0.02,
  'corporate-vpn': 0.12,
  'asia-based': 0.02,
  'privacy-vpn': 0.03,
  'personal-remote-tool': 0.01,
  'relative-shipping': 0.04,
  'office-pickup': 0.04,
} as const

/**
 * A generated workforce: the organisation and every feed of every employee in the vendors' shapes (HR hires,
 * shipments, MDM and payroll as CSV; osquery results; Okta System Log and Entra sign-in events as JSON lines), with
 * the labels (planted farms, hard negatives) the evaluation scores against. Sign-ins are streamed day by day.
 */
export type WorkforceWorld = {
  readonly company: WorkforceCompany
  readonly start: string
  readonly days: number
  readonly hiresCsv: string
  readonly shipmentsCsv: string
  readonly mdmCsv: string
  readonly payrollCsv: string
  readonly osqueryLines: () => Generator<string>
  /** Every identity-provider event, day by day (within a day, employee by employee, each in time order). */
  readonly signInLines: () => Generator<SignInLine>
  readonly labels: readonly WorkforceLabel[]
  readonly plans: readonly EmployeePlan[]
}

const dayMs = 86_400_000

/** Generates a labelled workforce world. Deterministic for its options. */
export function generateWorkforce(options: WorkforceWorldOptions): WorkforceWorld {
  const { employees } = options
  if (!Number.isInteger(employees) || employees < 0)
    throw new RangeError(`employees must be a whole number >= 0, got ${employees}`)
  const days = options.days ?? workforceWorldDefaults.days
  if (!Number.isInteger(days) || days < 7) throw new RangeError(`days must be a whole number >= 7, got ${days}`)
  const farmShare = options.farmShare ?? workforceWorldDefaults.farmShare
  if (!(farmShare >= 0 && farmShare <= 0.5))
    throw new RangeError(`farmShare must be between 0 and 0.5, got ${farmShare}`)
  const start = options.start ?? workforceWorldDefaults.start
  const startMs = Date.parse(`${start}T00:00:00Z`)
  if (Number.isNaN(startMs)) throw new RangeError(`start must be a date as YYYY-MM-DD, got ${start}`)
  const seed = `${String(options.seed)}:workforce`
  const world: WorldState = {
    random: new Random(seed),
    startMs,
    endMs: startMs + days * dayMs,
    usedPhones: new Set(),
    usedEmails: new Set(),
    usedAddresses: new Set(),
    usedIps: new Set(),
    usedHandles: new Set(),
    personaCount: 0,
    ringCount: 0,
  }
  const { random } = world
  const planner = new WorkforcePlanner(world, days)
  const plans: EmployeePlan[] = []
  // A farm has two hires or more: a lone leftover joins the last farm.
  const share = Math.round(employees * farmShare)
  const farmMembers = share === 1 && employees >= 2 ? 2 : share
  while (plans.length < farmMembers) {
    const remaining = farmMembers - plans.length
    const size = random.int(2, 6)
    plans.push(...planner.farm(remaining - size < 2 ? remaining : size))
  }
  const hardNegativeShares = Object.entries(workforceHardNegativeShares) as [
    keyof typeof workforceHardNegativeShares,
    number,
  ][]
  while (plans.length < employees) {
    const roll = random.next()
    let cumulative = 0
    const kind = hardNegativeShares.find(([, kindShare]) => (cumulative += kindShare) > roll)?.[0]
    const room = employees - plans.length
    if (kind === 'couple' && room >= 2) plans.push(...planner.couple())
    else if (kind === 'conference' && room >= 3) plans.push(...planner.conference(Math.min(room, random.int(3, 6))))
    else if (kind === 'couple' || kind === 'conference') plans.push(planner.honest())
    else plans.push(planner.honest(kind))
  }
  // Farm members are spread among the others, as hires arrive.
  const ordered = random.sample(plans, plans.length)
  return {
    company: workforceCompany,
    start,
    days,
    hiresCsv: hiresCsv(ordered, startMs),
    shipmentsCsv: shipmentsCsv(ordered, startMs),
    mdmCsv: mdmCsv(ordered, startMs),
    payrollCsv: payrollCsv(ordered, startMs),
    osqueryLines: () => osqueryLines(ordered, startMs, days),
    signInLines: () => signInLines(seed, ordered, startMs, days),
    labels: ordered.map((plan) => plan.label),
    plans: ordered,
  }
}

function* signInLines(
  seed: string,
  plans: readonly EmployeePlan[],
  startMs: number,
  days: number,
): Generator<SignInLine> {
  for (let day = 0; day < days; day++) for (const plan of plans) yield* signInsOfDay(seed, plan, day, startMs)
}

const date = (startMs: number, day: number): string => new Date(startMs + day * dayMs).toISOString().slice(0, 10)
const instant = (startMs: number, day: number, hourUtc: number): string =>
  new Date(startMs + day * dayMs + hourUtc * 3_600_000).toISOString().replace(/\.\d{3}Z$/, 'Z')

/** A CSV cell, quoted when it must be. */
function cell(value: string): string {
  return /[",\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value
}

function csv(header: readonly string[], rows: readonly (readonly string[])[]): string {
  return [header, ...rows].map((row) => row.map(cell).join(',')).join('\n') + '\n'
}

function hiresCsv(plans: readonly EmployeePlan[], startMs: number): string {
  return csv(
    [
      'employee_id',
      'application_id',
      'legal_name',
      'home_address',
      'home_country',
      'start_date',
      'manager',
      'work_email',
      'time_zone',
    ],
    plans.map((plan) => [
      plan.employeeId,
      plan.applicationId,
      plan.legalName,
      plan.home.text,
      plan.home.countryCode,
      date(startMs, plan.startDay),
      plan.manager,
      plan.login,
      plan.timeZone,
    ]),
  )
}

function shipmentsCsv(plans: readonly EmployeePlan[], startMs: number): string {
  return csv(
    [
      'ticket',
      'employee_id',
      'asset_tag',
      'serial_number',
      'ship_to',
      'ship_to_country',
      'carrier',
      'ship_date',
      'delivery_date',
    ],
    plans.map((plan, index) => [
      `RITM${String(10_000 + index).padStart(7, '0')}`,
      plan.employeeId,
      plan.device.asset,
      plan.device.serial,
      plan.shipTo.text,
      plan.shipTo.countryCode,
      index % 3 === 0 ? 'FedEx' : 'UPS',
      date(startMs, plan.shippedDay),
      date(startMs, plan.shippedDay + 2),
    ]),
  )
}

function mdmCsv(plans: readonly EmployeePlan[], startMs: number): string {
  return csv(
    ['device_name', 'serial_number', 'user_principal_name', 'first_check_in', 'public_ip', 'os', 'model'],
    plans.map((plan) => [
      plan.device.name,
      plan.device.serial,
      plan.login,
      instant(startMs, plan.checkIn.day, plan.checkIn.hourUtc),
      plan.checkIn.ip,
      plan.device.platform,
      plan.device.model,
    ]),
  )
}

function payrollCsv(plans: readonly EmployeePlan[], startMs: number): string {
  return csv(
    ['employee_id', 'changed_at', 'routing_number', 'account_number', 'holder_name', 'payment_method', 'bank'],
    plans.flatMap((plan) =>
      plan.payroll.map((change) => [
        plan.employeeId,
        instant(startMs, change.day, change.hourUtc),
        change.routing,
        change.account,
        change.holder,
        change.method,
        change.institution,
      ]),
    ),
  )
}

function* osqueryLines(plans: readonly EmployeePlan[], startMs: number, days: number): Generator<string> {
  let counter = 0
  const result = (plan: EmployeePlan, name: string, atMs: number, body: Record<string, unknown>): string => {
    counter++
    const date = new Date(atMs)
    return JSON.stringify({
      name: `pack_hirewall_${name}`,
      hostIdentifier: plan.device.name,
      calendarTime: date.toUTCString().replace('GMT', 'UTC'),
      unixTime: Math.floor(atMs / 1000),
      epoch: 0,
      counter,
      numerics: false,
      decorations: { hostname: plan.device.name, hardware_serial: plan.device.serial },
      ...body,
    })
  }
  for (const plan of plans) {
    const firstMs = startMs + plan.checkIn.day * dayMs + (plan.checkIn.hourUtc + 1) * 3_600_000
    yield result(plan, 'programs', firstMs, {
      snapshot: plan.programs.map((program) => ({
        name: program,
        version: '1.0',
        install_location: '',
        publisher: '',
      })),
      action: 'snapshot',
    })
    yield result(plan, 'usb_devices', firstMs + 60_000, { snapshot: plan.usb, action: 'snapshot' })
    yield result(plan, 'interface_addresses', firstMs + 120_000, { snapshot: plan.interfaces, action: 'snapshot' })
    for (const later of plan.laterPrograms) {
      if (later.day >= days) continue
      yield result(plan, 'programs', startMs + later.day * dayMs + 5 * 3_600_000, {
        columns: { name: later.name, version: '1.0', install_location: '', publisher: '' },
        action: 'added',
      })
    }
  }
}
