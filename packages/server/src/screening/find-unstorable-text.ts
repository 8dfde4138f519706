import { formatPath } from '@hirewall/core'

/**
 * The path of the first string (value or key) holding U+0000, which PostgreSQL text and jsonb cannot store, or
 * undefined. Checked before linking, so such a value fails its own submission instead of a whole batch.
 */
export function findUnstorableText(value: unknown, path: readonly PropertyKey[] = []): string | undefined {
  if (typeof value === 'string') return value.includes('\u0000') ? formatPath(path) : undefined
  if (Array.isArray(value)) {
    for (const [index, item] of value.entries()) {
      const found = findUnstorableText(item, [...path, index])
      if (found !== undefined) return found
    }
    return undefined
  }
  if (typeof value !== 'object' || value === null) return undefined
  for (const [key, item] of Object.entries(value)) {
    if (key.includes('\u0000')) return formatPath([...path, key])
    const found = findUnstorableText(item, [...path, key])
    if (found !== undefined) return found
  }
  return undefined
}
