import { formatPath } from '@hirewall/core'

/** A UTF-16 surrogate without its pair: jsonb refuses it (as it does U+0000), and text would store U+FFFD instead. */
const loneSurrogate = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/

const isUnstorable = (text: string): boolean => text.includes('\u0000') || loneSurrogate.test(text)

/**
 * The path of the first string (value or key) holding text PostgreSQL cannot store as sent (U+0000, a lone
 * surrogate), or undefined. Checked before linking, so such a value fails its own submission instead of a whole batch.
 */
export function findUnstorableText(value: unknown, path: readonly PropertyKey[] = []): string | undefined {
  if (typeof value === 'string') return isUnstorable(value) ? formatPath(path) : undefined
  if (Array.isArray(value)) {
    for (const [index, item] of value.entries()) {
      const found = findUnstorableText(item, [...path, index])
      if (found !== undefined) return found
    }
    return undefined
  }
  if (typeof value !== 'object' || value === null) return undefined
  for (const [key, item] of Object.entries(value)) {
    if (isUnstorable(key)) return formatPath([...path, key])
    const found = findUnstorableText(item, [...path, key])
    if (found !== undefined) return found
  }
  return undefined
}

/** What a field holding such text is told. */
export const unstorableTextMessage =
  'must not contain U+0000 or an unpaired UTF-16 surrogate (text that cannot be stored)'
