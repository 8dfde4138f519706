/** Why an employee is in the workforce world: honest (perhaps a hard negative) or planted in a laptop farm. */
export const workforcePatterns = ['legitimate', 'laptop-farm'] as const
export type WorkforcePattern = (typeof workforcePatterns)[number]

/** Honest situations that look like a farm or a takeover to a careless rule. */
export const workforceHardNegatives = [
  'couple',
  'traveller',
  'conference',
  'corporate-vpn',
  'asia-based',
  'privacy-vpn',
  'personal-remote-tool',
  'relative-shipping',
  'office-pickup',
] as const
export type WorkforceHardNegative = (typeof workforceHardNegatives)[number]

/** Ground truth for one employee; the engine never reads it. */
export type WorkforceLabel = {
  readonly employeeId: string
  readonly isFraud: boolean
  readonly pattern: WorkforcePattern
  readonly farmId?: string
  readonly hardNegative?: WorkforceHardNegative
}

/** A place sign-ins are geolocated to. */
export type Place = {
  readonly city: string
  readonly region: string
  readonly countryCode: string
  readonly coordinates: readonly [number, number]
}

/** Where a session comes from: an address and where the identity provider places it. */
export type SignInSource = {
  readonly ip: string
  readonly place: Place
  readonly device: 'Computer' | 'Mobile'
}

/** When someone works: office hours in a zone, an operator's day in theirs, or shifts around the clock. */
export type Schedule = {
  readonly zone: string
  readonly hours: 'office' | 'operator' | 'shifts'
  /** Works weekends too (operators do). */
  readonly isWeekendWorker: boolean
}

export type UsbRow = Readonly<Record<string, string>>

export type PayrollPlan = {
  readonly day: number
  readonly hourUtc: number
  readonly holder: string
  readonly routing: string
  readonly account: string
  readonly method: string
  readonly institution: string
}

/** Everything the world will emit for one employee. */
export type EmployeePlan = {
  readonly employeeId: string
  readonly applicationId: string
  readonly legalName: string
  readonly home: { readonly text: string; readonly countryCode: string }
  readonly timeZone: string
  readonly login: string
  readonly oktaUserId: string
  readonly manager: string
  readonly startDay: number
  readonly device: {
    readonly name: string
    readonly serial: string
    readonly asset: string
    readonly platform: string
    readonly model: string
  }
  readonly shipTo: { readonly text: string; readonly countryCode: string }
  readonly shippedDay: number
  readonly checkIn: { readonly day: number; readonly hourUtc: number; readonly ip: string }
  readonly programs: readonly string[]
  /** Programs installed after the first inventory, with the day. */
  readonly laterPrograms: readonly { readonly day: number; readonly name: string }[]
  readonly usb: readonly UsbRow[]
  readonly interfaces: readonly UsbRow[]
  readonly schedule: Schedule
  /** Where sessions come from on an ordinary day, weighted; the first is home. */
  readonly sources: readonly (readonly [SignInSource, number])[]
  /** Home's address as the ISP reassigns it: from each day on, home is this source. */
  readonly homeRotations: readonly { readonly fromDay: number; readonly source: SignInSource }[]
  readonly trips: readonly { readonly fromDay: number; readonly toDay: number; readonly source: SignInSource }[]
  readonly payroll: readonly PayrollPlan[]
  readonly label: WorkforceLabel
}
