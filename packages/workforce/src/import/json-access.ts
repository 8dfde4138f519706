/** Property access on parsed JSON without allocations: the sign-in importers run a million times per benchmark. */
export function objectAt(value: unknown, key: string): Record<string, unknown> | undefined {
  if (typeof value !== 'object' || value === null) return undefined
  const child = (value as Record<string, unknown>)[key]
  return typeof child === 'object' && child !== null && !Array.isArray(child)
    ? (child as Record<string, unknown>)
    : undefined
}

/** A property that must be a string when present: the text, undefined when absent or null, false when mistyped. */
export function stringAt(value: Record<string, unknown> | undefined, key: string): string | undefined | false {
  const child = value?.[key]
  if (child === undefined || child === null) return undefined
  if (typeof child === 'string') return child
  if (typeof child === 'number') return String(child)
  return false
}

export function numberAt(value: Record<string, unknown> | undefined, key: string): number | undefined | false {
  const child = value?.[key]
  if (child === undefined || child === null || child === '') return undefined
  if (typeof child === 'number') return Number.isFinite(child) ? child : false
  if (typeof child === 'string' && /^[+-]?\d+(\.\d+)?$/.test(child)) return Number(child)
  return false
}
