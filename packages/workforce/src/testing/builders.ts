import type {
  DeviceCheckInRecord,
  EndpointObservationRecord,
  HireRecord,
  PayrollChangeRecord,
  ShipmentRecord,
  SignInRecord,
} from '../records/workforce-record.js'

/** Overrides for a builder: a field set to undefined removes the default. */
export type Overrides<T> = { readonly [Key in keyof T]?: T[Key] | undefined }

function merge<T extends object>(defaults: T, overrides: object): T {
  const merged = { ...defaults, ...overrides } as Record<string, unknown>
  for (const [key, value] of Object.entries(merged)) if (value === undefined) delete merged[key]
  return merged as T
}

/** One builder per record kind, for tests: sensible defaults (an Austin hire), overridden field by field. */
export function aHire(overrides: Overrides<HireRecord> = {}): HireRecord {
  const employeeId = overrides.employeeId ?? 'E1'
  const defaults: HireRecord = {
    kind: 'hire',
    employeeId,
    legalName: 'Jordan Miller',
    homeAddress: { text: '1420 Cedar Lane, Austin, TX 78704', countryCode: 'US' },
    startDate: '2026-03-02',
    logins: [`${employeeId.toLowerCase()}@acme.example`],
    timeZone: 'America/Chicago',
  }
  return merge(defaults, overrides)
}

export function aShipment(overrides: Partial<ShipmentRecord> = {}): ShipmentRecord {
  return {
    kind: 'shipment',
    employeeId: 'E1',
    asset: `ACME-${overrides.employeeId ?? 'E1'}`,
    shipTo: { text: '1420 Cedar Lane, Austin, TX 78704', countryCode: 'US' },
    shippedAt: '2026-02-24',
    ...overrides,
  }
}

export function aCheckIn(
  overrides: Overrides<DeviceCheckInRecord> & { readonly at?: string } = {},
): DeviceCheckInRecord {
  const { at = '2026-02-26T18:40:11Z', ...rest } = overrides
  const defaults: DeviceCheckInRecord = {
    kind: 'device-check-in',
    device: 'ACME-LT-1',
    employeeId: 'E1',
    firstCheckInAt: at,
    firstCheckInAtMs: Date.parse(at),
    publicIp: '73.42.18.9',
  }
  return merge(defaults, rest)
}

export function anObservation(
  overrides: Partial<EndpointObservationRecord> & { readonly at?: string } = {},
): EndpointObservationRecord {
  const { at = '2026-03-03T02:14:09Z', ...rest } = overrides
  return {
    kind: 'endpoint-observation',
    hostIdentifier: 'ACME-LT-1',
    hostAliases: [],
    queryName: 'pack_hirewall_programs',
    table: 'programs',
    action: 'added',
    observedAt: at,
    observedAtMs: Date.parse(at),
    rows: [{ name: 'Slack', version: '4.41' }],
    ...rest,
  }
}

let eventNumber = 0

export function aSignIn(overrides: Partial<SignInRecord> = {}): SignInRecord {
  const at = overrides.at ?? '2026-03-03T15:00:00Z'
  eventNumber++
  return {
    kind: 'sign-in',
    provider: 'okta',
    eventId: `event-${eventNumber}`,
    eventType: 'user.session.start',
    login: 'e1@acme.example',
    at,
    atMs: Date.parse(at),
    outcome: 'success',
    ip: '73.42.18.9',
    ...overrides,
    ...(overrides.at && overrides.atMs === undefined ? { atMs: Date.parse(overrides.at) } : {}),
  }
}

/**
 * Sign-ins of one account on consecutive days from `firstDay` (YYYY-MM-DD), one per listed UTC hour per day, from
 * `ip` (or each day's address from `ipOfDay`).
 */
export function signInDays(options: {
  readonly login: string
  readonly days: number
  readonly firstDay?: string
  readonly hoursUtc?: readonly number[]
  readonly ip?: string
  readonly ipOfDay?: (day: number) => string
  readonly extra?: Partial<SignInRecord>
}): SignInRecord[] {
  const firstMs = Date.parse(`${options.firstDay ?? '2026-03-02'}T00:00:00Z`)
  const records: SignInRecord[] = []
  for (let day = 0; day < options.days; day++) {
    for (const hour of options.hoursUtc ?? [14, 16, 19, 21]) {
      const at = new Date(firstMs + day * 86_400_000 + hour * 3_600_000 + 120_000).toISOString()
      records.push(
        aSignIn({
          login: options.login,
          at,
          ip: options.ipOfDay?.(day) ?? options.ip ?? '73.42.18.9',
          ...options.extra,
        }),
      )
    }
  }
  return records
}

export function aPayrollChange(overrides: Partial<PayrollChangeRecord> = {}): PayrollChangeRecord {
  const at = overrides.changedAt ?? '2026-03-02T16:00:00Z'
  return {
    kind: 'payroll-change',
    employeeId: 'E1',
    changedAt: at,
    changedAtMs: Date.parse(at),
    accountHash: `sha256:${'1'.repeat(64)}`,
    holderName: 'Jordan Miller',
    method: 'direct-deposit',
    institution: 'Bank of America',
    ...overrides,
  }
}
