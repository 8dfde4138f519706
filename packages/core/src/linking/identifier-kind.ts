/**
 * The identifiers the identity index links applications over. `payee` (a hash of the bank account or payment
 * handle) has no field in application record v1 yet: callers feed it through `link`'s extra identifiers until it does.
 */
export const identifierKinds = [
  'phone',
  'email',
  'address',
  'device',
  'ip',
  'ip-prefix',
  'profile',
  'cv-file',
  'cv-text',
  'photo',
  'referrer',
  'payee',
] as const
export type IdentifierKind = (typeof identifierKinds)[number]

export function isIdentifierKind(value: string): value is IdentifierKind {
  return (identifierKinds as readonly string[]).includes(value)
}

/**
 * Kinds that join applications into one persona cluster. IPs, /24s, postal addresses and referrers are shared by
 * roommates, campuses and colleagues, so they are reported but never join clusters on their own.
 */
export const strongIdentifierKinds: ReadonlySet<IdentifierKind> = new Set<IdentifierKind>([
  'phone',
  'email',
  'device',
  'profile',
  'cv-file',
  'cv-text',
  'photo',
  'payee',
])

/**
 * Kinds a household legitimately shares: other claimed people with the applicant's surname are counted apart and do
 * not raise the severity (a family phone, one address, the home router).
 */
export const householdIdentifierKinds: ReadonlySet<IdentifierKind> = new Set<IdentifierKind>([
  'phone',
  'email',
  'address',
  'device',
  'ip',
  'ip-prefix',
  'payee',
  'referrer',
])

/** How much a shared identifier says that two applications come from one operator; edge weights of `graph()`. */
export const identifierWeights: Readonly<Record<IdentifierKind, number>> = {
  phone: 0.8,
  email: 0.9,
  address: 0.3,
  device: 0.8,
  ip: 0.2,
  'ip-prefix': 0.05,
  profile: 0.8,
  'cv-file': 0.9,
  'cv-text': 0.7,
  photo: 0.8,
  referrer: 0.1,
  payee: 0.9,
}

/** One normalised identifier of one application: `value` is the comparison key, `display` what the applicant typed. */
export type Identifier = {
  readonly kind: IdentifierKind
  readonly value: string
  readonly display: string
}
