/**
 * The records the workforce engine reads, one kind per feed. Every importer turns a vendor's shape into one of these;
 * nothing downstream knows which vendor a record came from except `provider` on sign-ins. Times are ISO 8601 strings
 * as the source wrote them, with `atMs` (epoch milliseconds) beside the ones detectors compare.
 */

/** A postal address as HR or a ticketing system holds it: free text, with the country when it is known. */
export type PostalAddress = {
  /** The whole address as typed ("12 Oak Street, Apt 4, Austin, TX 78701"). */
  readonly text: string
  /** ISO 3166-1 alpha-2, upper case. */
  readonly countryCode?: string
}

/** One hire from the HR system (or the ATS's hired stage): who the employee says they are and where they live. */
export type HireRecord = {
  readonly kind: 'hire'
  readonly employeeId: string
  /** The application the hire came from, when known: the link to the screening result and its identity graph. */
  readonly applicationId?: string
  readonly legalName: string
  readonly homeAddress: PostalAddress
  /** YYYY-MM-DD. */
  readonly startDate: string
  readonly manager?: string
  /** The sign-in names (work email, UPN) their identity-provider events carry, lower case. */
  readonly logins: readonly string[]
  /** The IANA time zone of the home on file, when HR records it. */
  readonly timeZone?: string
}

/** Equipment sent to an employee (from an IT asset or ticketing system). */
export type ShipmentRecord = {
  readonly kind: 'shipment'
  readonly shipmentId?: string
  readonly employeeId: string
  /** The asset tag. */
  readonly asset: string
  /** The device serial number, when the asset system records it: joins the device-management and osquery records. */
  readonly serial?: string
  readonly shipTo: PostalAddress
  readonly carrier?: string
  readonly trackingNumber?: string
  readonly shippedAt?: string
  readonly deliveredAt?: string
}

/** A device as device management (MDM) first saw it. */
export type DeviceCheckInRecord = {
  readonly kind: 'device-check-in'
  /** The device name (usually its hostname). */
  readonly device: string
  readonly serial?: string
  /** The employee it is assigned to, by employee id... */
  readonly employeeId?: string
  /** ...or by the sign-in name MDM shows (lower case). */
  readonly user?: string
  readonly firstCheckInAt: string
  readonly firstCheckInAtMs: number
  readonly publicIp: string
  readonly platform?: string
  readonly model?: string
}

/** The osquery tables the engine reads. */
export const osqueryTables = ['programs', 'processes', 'usb_devices', 'interface_addresses'] as const
export type OsqueryTable = (typeof osqueryTables)[number]

/** One osquery result: a differential row (added / removed) or a snapshot of the whole table. */
export type EndpointObservationRecord = {
  readonly kind: 'endpoint-observation'
  /** The osquery `hostIdentifier` (hostname, UUID or instance id, as the fleet configured it). */
  readonly hostIdentifier: string
  /** Other names of the host from the log's identifying `decorations` (hostname, host_uuid, serial...), values only. */
  readonly hostAliases: readonly string[]
  /** The query name as configured (`pack_hirewall_programs`); the table is read from it or from the columns. */
  readonly queryName: string
  readonly table: OsqueryTable
  readonly action: 'added' | 'removed' | 'snapshot'
  readonly observedAt: string
  readonly observedAtMs: number
  /** The rows (one for a differential result, all for a snapshot), column → value as osquery logs them. */
  readonly rows: readonly Readonly<Record<string, string>>[]
}

export const signInProviders = ['okta', 'entra'] as const
export type SignInProvider = (typeof signInProviders)[number]

export const signInOutcomes = ['success', 'failure', 'other'] as const
export type SignInOutcome = (typeof signInOutcomes)[number]

/** One identity-provider event of a person: a sign-in, or any event an actor's client caused. */
export type SignInRecord = {
  readonly kind: 'sign-in'
  readonly provider: SignInProvider
  /** Okta `uuid`, Entra `id`. */
  readonly eventId: string
  /** Okta `eventType` (`user.session.start`...), Entra `appDisplayName` or `sign-in`. */
  readonly eventType: string
  /** The account, lower case (Okta `actor.alternateId`, Entra `userPrincipalName`). */
  readonly login: string
  readonly at: string
  readonly atMs: number
  readonly ip?: string
  readonly outcome: SignInOutcome
  readonly city?: string
  readonly region?: string
  /** As the provider names it (Okta: "United States"; Entra: "US"). */
  readonly country?: string
  readonly latitude?: number
  readonly longitude?: number
  /** The identity provider's own proxy flag (Okta `securityContext.isProxy`). */
  readonly isProxyByProvider?: boolean
  /** Okta `client.device` ("Computer", "Mobile"), Entra `deviceDetail.operatingSystem`. */
  readonly device?: string
  readonly userAgent?: string
}

export const paymentMethods = ['direct-deposit', 'wire', 'check', 'paycard', 'payout-service', 'crypto'] as const
export type PaymentMethod = (typeof paymentMethods)[number]

/** A change of an employee's pay destination. The account number never leaves the importer: only its hash does. */
export type PayrollChangeRecord = {
  readonly kind: 'payroll-change'
  readonly employeeId: string
  readonly changedAt: string
  readonly changedAtMs: number
  /** `sha256:` or `hmac-sha256:` and hex: the routing and account numbers (or IBAN, or wallet) hashed on import. */
  readonly accountHash: string
  readonly holderName: string
  readonly method: PaymentMethod
  /** The bank or payment institution, as payroll names it. */
  readonly institution?: string
}

export type WorkforceRecord =
  HireRecord | ShipmentRecord | DeviceCheckInRecord | EndpointObservationRecord | SignInRecord | PayrollChangeRecord

export type WorkforceRecordKind = WorkforceRecord['kind']
