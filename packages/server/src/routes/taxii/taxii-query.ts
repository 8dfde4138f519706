import type { TaxiiVersionMatch } from '@hirewall/store'
import { ApiError } from '../../errors/api-error.js'

/** The filters and paging of a TAXII objects, manifest or versions request (TAXII 2.1 §3.4). */
export type TaxiiRequestQuery = {
  readonly limit: number
  readonly addedAfter?: string
  readonly next?: string
  readonly ids?: readonly string[]
  readonly types?: readonly string[]
  readonly versions?: readonly TaxiiVersionMatch[]
  /** False when `match[spec_version]` excludes 2.1, the only version this server holds. */
  readonly isSpecVersionServed: boolean
}

/** Objects per page when the client does not say; the most a page holds whatever it says. */
export const defaultTaxiiLimit = 100
export const maxTaxiiLimit = 1000

const timestamp = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?Z$/
const stixType = /^[a-z0-9][a-z0-9-]{1,248}[a-z0-9]$/
const stixId = /^[a-z0-9][a-z0-9-]{1,248}[a-z0-9]--[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/

/**
 * Reads `limit`, `added_after`, `next` and the `match[id|type|version|spec_version]` filters (comma-separated lists
 * or repeated parameters). A bad value is a VALIDATION_FAILED naming `querystring.<parameter>`; a `limit` above
 * {@link maxTaxiiLimit} is lowered to it, as TAXII lets a server do.
 */
export function readTaxiiQuery(
  query: unknown,
  allowed: { readonly versions: boolean } = { versions: true },
): TaxiiRequestQuery {
  const values = (query ?? {}) as Readonly<Record<string, string | string[] | undefined>>
  const list = (name: string): string[] | undefined => {
    const value = values[name]
    if (value === undefined) return undefined
    return (Array.isArray(value) ? value : [value]).flatMap((item) => item.split(',')).map((item) => item.trim())
  }
  const single = (name: string): string | undefined => {
    const items = list(name)
    if (items === undefined) return undefined
    if (items.length !== 1) throw invalid(name, 'give one value', 'too_many')
    return items[0]
  }
  const limitText = single('limit')
  const limit = limitText === undefined ? defaultTaxiiLimit : Number(limitText)
  if (!Number.isInteger(limit) || limit < 1)
    throw invalid('limit', 'must be a whole number of 1 or more', 'invalid_limit')
  const addedAfter = single('added_after')
  if (addedAfter !== undefined && (!timestamp.test(addedAfter) || Number.isNaN(Date.parse(addedAfter)))) {
    throw invalid('added_after', 'must be an RFC 3339 UTC time such as 2026-11-23T10:00:00.000Z', 'invalid_timestamp')
  }
  const next = single('next')
  if (next !== undefined && (next === '' || next.length > 1000))
    throw invalid('next', 'is not a next this server gave', 'invalid_next')
  const ids = list('match[id]')
  if (ids?.some((id) => !stixId.test(id))) throw invalid('match[id]', 'must be STIX ids (type--UUID)', 'invalid_id')
  const types = list('match[type]')
  if (types?.some((type) => !stixType.test(type)))
    throw invalid('match[type]', 'must be STIX object types', 'invalid_type')
  const versionTexts = list('match[version]')
  if (versionTexts !== undefined && !allowed.versions) {
    throw invalid('match[version]', 'does not apply here: this resource lists every version', 'unsupported_filter')
  }
  const versions = versionTexts?.map((text): TaxiiVersionMatch => {
    if (text === 'last' || text === 'first' || text === 'all') return text
    if (timestamp.test(text) && !Number.isNaN(Date.parse(text))) return { at: text }
    throw invalid('match[version]', 'must be last, first, all or RFC 3339 UTC times', 'invalid_version')
  })
  const specVersions = list('match[spec_version]')
  return {
    limit: Math.min(limit, maxTaxiiLimit),
    ...(addedAfter === undefined ? {} : { addedAfter }),
    ...(next === undefined ? {} : { next }),
    ...(ids === undefined ? {} : { ids }),
    ...(types === undefined ? {} : { types }),
    ...(versions === undefined ? {} : { versions }),
    isSpecVersionServed: specVersions === undefined || specVersions.includes('2.1'),
  }
}

/** True for a STIX identifier (`type--UUID`). */
export function isStixId(value: string): boolean {
  return stixId.test(value)
}

function invalid(parameter: string, message: string, code: string): ApiError {
  return new ApiError('VALIDATION_FAILED', `The query parameter ${parameter} ${message}.`, {
    issues: [{ path: `querystring.${parameter}`, message, code }],
  })
}
