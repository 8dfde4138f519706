import {
  importEntraSignIn,
  importEntraSignIns,
  importHireObject,
  importHiresCsv,
  importHiresJson,
  importMdmCsv,
  importOktaEvent,
  importOktaSystemLog,
  importOsqueryLog,
  importOsqueryResult,
  importPayrollCsv,
  importShipmentsCsv,
  type ImportedRow,
  type WorkforceRecord,
} from '@hirewall/workforce'

/** The post-hire feeds the service ingests, one endpoint each: `POST /v1/workforce/{feed}`. */
export const workforceFeeds = ['hires', 'shipments', 'devices', 'osquery', 'okta', 'entra', 'payroll'] as const
export type WorkforceFeed = (typeof workforceFeeds)[number]

/** How a feed's body is written: CSV, one JSON value or an array (or Graph's `{ "value": [...] }`), JSON Lines. */
export type FeedFormat = 'csv' | 'json' | 'jsonl'

/** The content types each format arrives as. */
export const feedContentTypes = {
  'text/csv': 'csv',
  'application/json': 'json',
  'application/x-ndjson': 'jsonl',
  'application/jsonl': 'jsonl',
} as const satisfies Record<string, FeedFormat>

/** The formats each feed accepts: the vendors' own (CSV exports; osquery, Okta and Entra JSON), hires both. */
export const feedFormats: Readonly<Record<WorkforceFeed, readonly FeedFormat[]>> = {
  hires: ['csv', 'json', 'jsonl'],
  shipments: ['csv'],
  devices: ['csv'],
  osquery: ['json', 'jsonl'],
  okta: ['json', 'jsonl'],
  entra: ['json', 'jsonl'],
  payroll: ['csv'],
}

export type FeedImportOptions = {
  /** The organisation's secret for payroll account hashes (`HIREWALL_ACCOUNT_KEY`); plain SHA-256 without it. */
  readonly accountKey?: string | undefined
}

/**
 * Reads a feed's body with the library importers: one row per input row, each `ok` with its record, `invalid` with
 * its issues (field path as the source names it, and line), or `skipped`. A single JSON object is one row.
 */
export function importFeed(
  feed: WorkforceFeed,
  format: FeedFormat,
  text: string,
  options: FeedImportOptions = {},
): ImportedRow<WorkforceRecord>[] {
  switch (feed) {
    case 'hires':
      return format === 'csv' ? importHiresCsv(text) : (single(text, importHireObject) ?? importHiresJson(text))
    case 'shipments':
      return importShipmentsCsv(text)
    case 'devices':
      return importMdmCsv(text)
    case 'payroll':
      return importPayrollCsv(text, options.accountKey === undefined ? {} : { accountKey: options.accountKey })
    case 'osquery': {
      const one = single(text, (value, line) => importOsqueryResult(value, line))
      return one === undefined ? importOsqueryLog(text) : one.flat()
    }
    case 'okta':
      return single(text, importOktaEvent) ?? importOktaSystemLog(text)
    case 'entra':
      return single(text, importEntraSignIn) ?? importEntraSignIns(text)
  }
}

/**
 * One JSON object that is not a list (no `value` array): the single-event importer on line 1. Undefined for anything
 * else (an array, JSON Lines, Graph's list form, text that is not JSON), which the list importers read.
 */
function single<Row>(text: string, importOne: (value: unknown, line: number) => Row): Row[] | undefined {
  const trimmed = text.trim()
  if (!trimmed.startsWith('{')) return undefined
  let value: unknown
  try {
    value = JSON.parse(trimmed)
  } catch {
    return undefined
  }
  if (typeof value !== 'object' || value === null || Array.isArray((value as { value?: unknown }).value))
    return undefined
  const line = text.slice(0, text.indexOf('{')).split('\n').length
  return [importOne(value, line)]
}
