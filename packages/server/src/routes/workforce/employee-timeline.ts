import type { Employee, Repositories, SignInDay, StoredWorkforceRecord } from '@hirewall/store'

/** What happened on one employee's way from application to today, one kind per source. */
export const timelineKinds = [
  'application',
  'screening',
  'hire',
  'start',
  'shipment',
  'device-check-in',
  'sign-ins',
  'payroll-change',
  'assessment',
] as const
export type TimelineKind = (typeof timelineKinds)[number]

/** One entry of the timeline: when, what, and the facts behind it. */
export type TimelineEntry = {
  /** ISO 8601. */
  readonly at: string
  readonly kind: TimelineKind
  readonly summary: string
  readonly details: Readonly<Record<string, unknown>>
}

/** The feed records read per kind for one timeline: more than any real employee has, fewer than a runaway feed. */
const recordLimit = 500
const dayMs = 86_400_000

/**
 * The employee's timeline, ordered by time: the screened application and its latest screening, the ATS hire and the
 * start date, equipment shipments, devices' first check-ins (by employee id, sign-in name or the shipped serial), one
 * entry per week of sign-ins (events, failures, addresses, countries), payroll changes, and each assessment whose
 * outcome changed.
 */
export async function employeeTimeline(store: Repositories, employee: Employee): Promise<TimelineEntry[]> {
  const entries: TimelineEntry[] = []
  if (employee.applicationId !== null) {
    const application = await store.applications.find(employee.applicationId)
    if (application !== undefined) {
      entries.push({
        at: application.submittedAt.toISOString(),
        kind: 'application',
        summary: `Applied (${application.sourceSystem})`,
        details: {
          applicationId: application.id,
          sourceSystem: application.sourceSystem,
          requisitionId: application.requisitionId,
        },
      })
      const result = await store.results.latest(application.id)
      if (result !== undefined)
        entries.push({
          at: result.createdAt.toISOString(),
          kind: 'screening',
          summary: `Screened: ${result.outcome} (score ${Math.round(result.score)})`,
          details: {
            applicationId: application.id,
            score: result.score,
            outcome: result.outcome,
            version: result.version,
          },
        })
      const hire = await store.hires.findByApplication(application.id)
      if (hire !== undefined)
        entries.push({
          at: hire.hiredAt.toISOString(),
          kind: 'hire',
          summary: `Hired (reported by ${hire.sourceSystem})`,
          details: { sourceSystem: hire.sourceSystem, externalApplicationId: hire.externalApplicationId },
        })
    }
  }
  if (employee.startDate !== null)
    entries.push({
      at: `${employee.startDate}T00:00:00.000Z`,
      kind: 'start',
      summary: 'First working day (HR)',
      details: { startDate: employee.startDate, manager: employee.manager },
    })
  const keys = [employee.id, ...employee.logins]
  const [own, signInDays] = await Promise.all([
    store.workforceRecords.about(keys, ['shipment', 'device-check-in', 'payroll-change'], recordLimit * 3),
    store.workforceRecords.signInDays(employee.logins),
  ])
  const serials = own.flatMap((stored) =>
    stored.kind === 'shipment' && typeof stored.record['serial'] === 'string' ? [stored.record['serial']] : [],
  )
  const bySerial = await store.workforceRecords.checkInsBySerial(serials, recordLimit)
  const seen = new Set<number>()
  for (const stored of [...own, ...bySerial]) {
    if (seen.has(stored.seq)) continue
    seen.add(stored.seq)
    const entry = recordEntry(stored)
    if (entry !== undefined) entries.push(entry)
  }
  entries.push(...signInWeeks(signInDays))
  const history = await store.employees.history(employee.id, recordLimit)
  let previous: string | undefined
  for (const version of [...history].reverse()) {
    if (version.outcome !== previous)
      entries.push({
        at: version.assessedAt.toISOString(),
        kind: 'assessment',
        summary: `Assessed: ${version.outcome} (score ${Math.round(version.score)})`,
        details: {
          version: version.version,
          score: version.score,
          outcome: version.outcome,
          signalCodes: version.signalCodes,
          clusterId: version.clusterId,
        },
      })
    previous = version.outcome
  }
  return entries.sort(
    (a, b) => a.at.localeCompare(b.at) || timelineKinds.indexOf(a.kind) - timelineKinds.indexOf(b.kind),
  )
}

function recordEntry(stored: StoredWorkforceRecord): TimelineEntry | undefined {
  const record = stored.record
  const at = (stored.at ?? stored.receivedAt).toISOString()
  const text = (key: string): string | undefined => {
    const value = record[key]
    return typeof value === 'string' ? value : undefined
  }
  switch (stored.kind) {
    case 'shipment': {
      const shipTo = record['shipTo'] as { text?: string } | undefined
      return {
        at,
        kind: 'shipment',
        summary: `Equipment ${text('asset') ?? ''} shipped to ${shipTo?.text ?? 'an unknown address'}`.replace(
          '  ',
          ' ',
        ),
        details: pick(record, ['asset', 'serial', 'shipTo', 'carrier', 'trackingNumber', 'shippedAt', 'deliveredAt']),
      }
    }
    case 'device-check-in':
      return {
        at,
        kind: 'device-check-in',
        summary: `Device ${text('device') ?? ''} first checked in from ${text('publicIp') ?? 'an unknown address'}`,
        details: pick(record, ['device', 'serial', 'user', 'publicIp', 'platform', 'model', 'firstCheckInAt']),
      }
    case 'payroll-change':
      return {
        at,
        kind: 'payroll-change',
        summary: `Pay destination changed (${text('method') ?? 'unknown method'}) to an account held by ${text('holderName') ?? 'someone'}`,
        details: pick(record, ['changedAt', 'accountHash', 'holderName', 'method', 'institution']),
      }
    case 'hire':
    case 'endpoint-observation':
    case 'sign-in':
      // The start date, weekly sign-in summaries and the signals' evidence cover these.
      return undefined
  }
}

/** Sign-in days grouped by ISO week (Monday, UTC). */
function signInWeeks(days: readonly SignInDay[]): TimelineEntry[] {
  const weeks = new Map<string, SignInDay[]>()
  for (const day of days) {
    const ms = Date.parse(`${day.day}T00:00:00Z`)
    const monday = new Date(ms - ((new Date(ms).getUTCDay() + 6) % 7) * dayMs).toISOString().slice(0, 10)
    weeks.set(monday, [...(weeks.get(monday) ?? []), day])
  }
  return [...weeks].map(([monday, week]) => {
    const events = week.reduce((sum, day) => sum + day.events, 0)
    const failures = week.reduce((sum, day) => sum + day.failures, 0)
    const countries = [...new Set(week.flatMap((day) => day.countries))].sort()
    return {
      at: `${monday}T00:00:00.000Z`,
      kind: 'sign-ins',
      summary: `${events} sign-in events on ${week.length} day${week.length === 1 ? '' : 's'}${failures > 0 ? `, ${failures} failed` : ''}`,
      details: {
        weekOf: monday,
        days: week.length,
        events,
        successes: week.reduce((sum, day) => sum + day.successes, 0),
        failures,
        // Distinct per day, summed: an address used on three days counts three times.
        addressDays: week.reduce((sum, day) => sum + day.addresses, 0),
        countries,
        firstAt: week[0]?.firstAt.toISOString(),
        lastAt: week[week.length - 1]?.lastAt.toISOString(),
      },
    }
  })
}

function pick(record: Readonly<Record<string, unknown>>, keys: readonly string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  for (const key of keys) if (record[key] !== undefined) out[key] = record[key]
  return out
}
