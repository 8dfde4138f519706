import type { ValidationIssue } from '@hirewall/core'

/**
 * Reads fields of one JSON value by dotted path (`client.geographicalContext.city`), collecting an issue for each field
 * that is present with the wrong type or missing when required. Issue paths carry the row's prefix (`value[3].`), so
 * a problem names the field exactly where it is in the source.
 */
export class JsonFields {
  readonly issues: ValidationIssue[] = []

  constructor(
    private readonly root: unknown,
    private readonly prefix: string,
  ) {}

  get isObject(): boolean {
    return typeof this.root === 'object' && this.root !== null && !Array.isArray(this.root)
  }

  value(path: string): unknown {
    let current: unknown = this.root
    for (const key of path.split('.')) {
      if (typeof current !== 'object' || current === null || Array.isArray(current)) return undefined
      current = (current as Record<string, unknown>)[key]
    }
    return current
  }

  add(path: string, message: string): void {
    this.issues.push({ path: `${this.prefix}${path}`, message })
  }

  /** A non-blank string (trimmed); numbers are read as their text, as vendors mix the two in id fields. */
  string(path: string, required: string | false = false): string | undefined {
    const value = this.value(path)
    if (value === undefined || value === null || value === '') {
      if (required) this.add(path, `is required: ${required}`)
      return undefined
    }
    if (typeof value === 'number' && Number.isFinite(value)) return String(value)
    if (typeof value !== 'string') {
      this.add(path, `must be a string, not ${describe(value)}`)
      return undefined
    }
    const trimmed = value.trim()
    if (trimmed === '' && required) this.add(path, `is required: ${required}`)
    return trimmed === '' ? undefined : trimmed
  }

  number(path: string): number | undefined {
    const value = this.value(path)
    if (value === undefined || value === null || value === '') return undefined
    if (typeof value === 'number' && Number.isFinite(value)) return value
    if (typeof value === 'string' && /^[+-]?\d+(\.\d+)?$/.test(value.trim())) return Number(value)
    this.add(path, `must be a number, not ${describe(value)}`)
    return undefined
  }

  boolean(path: string): boolean | undefined {
    const value = this.value(path)
    if (value === undefined || value === null) return undefined
    if (typeof value === 'boolean') return value
    if (value === 'true' || value === 'false') return value === 'true'
    this.add(path, `must be true or false, not ${describe(value)}`)
    return undefined
  }
}

function describe(value: unknown): string {
  if (Array.isArray(value)) return 'an array'
  if (value === null) return 'null'
  if (typeof value === 'object') return 'an object'
  if (typeof value === 'string') return `"${value.length > 40 ? `${value.slice(0, 40)}…` : value}"`
  return typeof value === 'number' || typeof value === 'boolean' ? String(value) : typeof value
}
