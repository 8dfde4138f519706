/** A parsed JSON object, read defensively: importers receive whatever a vendor or a user sent. */
export type JsonObject = { readonly [key: string]: unknown }

export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** The object under `key`, or undefined when it is missing or not an object. */
export function objectAt(object: JsonObject | undefined, key: string): JsonObject | undefined {
  const value = object?.[key]
  return isJsonObject(value) ? value : undefined
}

/** The array under `key`, or an empty array when it is missing or not an array. */
export function listAt(object: JsonObject | undefined, key: string): readonly unknown[] {
  const value = object?.[key]
  return Array.isArray(value) ? value : []
}

/** A non-blank string (trimmed) or a finite number (as text) under `key`; ids are numbers in some vendors' JSON. */
export function textAt(object: JsonObject | undefined, key: string): string | undefined {
  return asText(object?.[key])
}

/** The same rule as `textAt`, for a value already in hand. */
export function asText(value: unknown): string | undefined {
  if (typeof value === 'string') {
    const trimmed = value.trim()
    return trimmed === '' ? undefined : trimmed
  }
  if (typeof value === 'number' && Number.isFinite(value)) return String(value)
  return undefined
}

/** Joins a source path prefix and a key the way `formatPath` renders paths: `a.b`, `a[0]`, or `b` at the root. */
export function joinPath(prefix: string, key: string | number): string {
  if (typeof key === 'number') return `${prefix}[${key}]`
  return prefix === '' ? key : `${prefix}.${key}`
}
