import { watchlistIndicatorKinds, type WatchlistIndicatorKind } from './watchlist-entry.js'

/** The columns of a watchlist CSV; `kind` and `value` are required, the others optional. */
export const watchlistColumns = ['kind', 'value', 'severity', 'note'] as const
export type WatchlistColumn = (typeof watchlistColumns)[number]

/** Header names people write for each column, besides the column's own name (compared as `normaliseName` reads). */
export const watchlistColumnAliases: Readonly<Record<WatchlistColumn, readonly string[]>> = {
  kind: ['type', 'indicator-type', 'ioc-type'],
  value: ['indicator', 'ioc', 'observable'],
  severity: ['level', 'risk'],
  note: ['notes', 'comment', 'comments', 'description', 'reason'],
}

/** Kind names people write (STIX and MISP types among them), besides the kinds' own names. */
export const watchlistKindAliases: Readonly<Record<WatchlistIndicatorKind, readonly string[]>> = {
  phone: ['phone-number', 'phonenumber', 'telephone', 'tel', 'mobile'],
  email: ['e-mail', 'email-address', 'email-addr', 'email-src', 'mail'],
  domain: ['domain-name', 'hostname', 'website'],
  address: ['postal-address', 'street-address', 'mailing-address', 'shipping-address'],
  handle: ['profile', 'username', 'account', 'user-account', 'github-username'],
  ip: ['ip-address', 'ipv4', 'ipv6', 'ipv4-addr', 'ipv6-addr', 'ip-src', 'cidr', 'ip-range'],
  'cv-sha256': ['sha256', 'sha-256', 'file-sha256', 'cv-hash', 'resume-sha256'],
}

/** Case, spaces and underscores do not matter in a name: `Phone_Number` and `phone number` read `phone-number`. */
export function normaliseName(text: string): string {
  return text
    .trim()
    .toLowerCase()
    .replace(/[\s_]+/g, '-')
}

const columnsByName = lookupOf(watchlistColumns, watchlistColumnAliases)
const kindsByName = lookupOf(watchlistIndicatorKinds, watchlistKindAliases)

/** The column a header cell names, if any. */
export function readColumnName(header: string): WatchlistColumn | undefined {
  return columnsByName.get(normaliseName(header))
}

/** The indicator kind a `kind` cell names, if any. */
export function readKindName(text: string): WatchlistIndicatorKind | undefined {
  return kindsByName.get(normaliseName(text))
}

function lookupOf<Name extends string>(
  names: readonly Name[],
  aliases: Readonly<Record<Name, readonly string[]>>,
): ReadonlyMap<string, Name> {
  const lookup = new Map<string, Name>()
  for (const name of names) for (const alias of [name, ...aliases[name]]) lookup.set(alias, name)
  return lookup
}
