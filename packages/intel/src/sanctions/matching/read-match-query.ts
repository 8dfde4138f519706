import { matchSchemas, type MatchQuery, type MatchSchema } from './match-types.js'

export type MatchQueryReading =
  | { readonly status: 'ok'; readonly query: MatchQuery }
  | { readonly status: 'invalid'; readonly field: string; readonly message: string }

const schemaNames: readonly string[] = matchSchemas

/**
 * Checks a query that came from outside (an HTTP body, a file): a known schema and at least one non-empty name;
 * `birthDate` and `nationality`, when present, lists of strings. Names the field that is wrong.
 */
export function readMatchQuery(value: unknown): MatchQueryReading {
  if (!isRecord(value)) return invalid('', 'a query must be an object with `schema` and `properties`')
  if (typeof value.schema !== 'string' || !schemaNames.includes(value.schema)) {
    return invalid('schema', `schema must be one of ${matchSchemas.join(', ')}`)
  }
  const { properties } = value
  if (!isRecord(properties)) return invalid('properties', 'properties must be an object')
  const name = readStrings(properties.name)
  if (name === undefined || !name.some((text) => text.trim().length > 0)) {
    return invalid('properties.name', 'properties.name must be a list with at least one non-empty name')
  }
  const birthDate = properties.birthDate === undefined ? [] : readStrings(properties.birthDate)
  if (birthDate === undefined) return invalid('properties.birthDate', 'properties.birthDate must be a list of dates')
  const nationality = properties.nationality === undefined ? [] : readStrings(properties.nationality)
  if (nationality === undefined) {
    return invalid('properties.nationality', 'properties.nationality must be a list of country codes')
  }
  return {
    status: 'ok',
    query: { schema: value.schema as MatchSchema, properties: { name, birthDate, nationality } },
  }
}

function invalid(field: string, message: string): MatchQueryReading {
  return { status: 'invalid', field, message }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function readStrings(value: unknown): readonly string[] | undefined {
  if (!Array.isArray(value)) return undefined
  return value.every((item) => typeof item === 'string') ? value : undefined
}
