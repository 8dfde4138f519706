const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

/** True for a UUID's text form: lookups by a malformed id find nothing instead of failing the query. */
export function isUuid(value: string): boolean {
  return uuidPattern.test(value)
}
