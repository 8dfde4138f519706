import { formatPath } from '@hirewall/core'

/** A UTF-16 surrogate without its pair: jsonb refuses it (as it does U+0000), and text would store U+FFFD instead. */
const loneSurrogate = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/

const isUnstorable = (text: string): boolean => text.includes('\u0000') || loneSurrogate.test(text)

/**
 * The path of the first string (value or key) holding text PostgreSQL cannot store as sent (U+0000, a lone
 * surrogate), or undefined. Binary values (Buffers and other typed arrays) are skipped. Checked before linking, so such a value fails its own submission instead of a whole batch.
 */
export function findUnstorableText(value: unknown, path: readonly PropertyKey[] = []): string | undefined {
  // Depth-first with a stack of its own and paths built only when found: a body nested tens of thousands deep would
  // overflow the call stack, and copying each path would be quadratic in the depth.
  type Step = { readonly value: unknown; readonly key: PropertyKey | undefined; readonly parent: Step | undefined }
  const pathOf = (step: Step | undefined, last?: PropertyKey): string => {
    const keys: PropertyKey[] = last === undefined ? [] : [last]
    for (let at = step; at?.key !== undefined; at = at.parent) keys.push(at.key)
    return formatPath([...path, ...keys.reverse()])
  }
  const pending: Step[] = [{ value, key: undefined, parent: undefined }]
  for (let step = pending.pop(); step !== undefined; step = pending.pop()) {
    const current = step.value
    if (typeof current === 'string') {
      if (isUnstorable(current)) return pathOf(step)
    } else if (Array.isArray(current)) {
      for (let index = current.length - 1; index >= 0; index -= 1) {
        pending.push({ value: current[index], key: index, parent: step })
      }
    } else if (typeof current === 'object' && current !== null && !ArrayBuffer.isView(current)) {
      // Bytes (an upload's Buffer body) are not text: their encoding is checked where they are read as text.
      const entries = Object.entries(current)
      for (const [key] of entries) if (isUnstorable(key)) return pathOf(step, key)
      for (let index = entries.length - 1; index >= 0; index -= 1) {
        const [key, item] = entries[index] as [string, unknown]
        pending.push({ value: item, key, parent: step })
      }
    }
  }
  return undefined
}

const loneSurrogates = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g

/**
 * `text` with U+0000 and lone surrogates replaced by U+FFFD: for text that only describes (an issue's path or message
 * quoting a hostile key), which must be stored even when what it quotes cannot be.
 */
export function storableText(text: string): string {
  return text.replaceAll('\u0000', '\ufffd').replace(loneSurrogates, '\ufffd')
}

/** What a field holding such text is told. */
export const unstorableTextMessage =
  'must not contain U+0000 or an unpaired UTF-16 surrogate (text that cannot be stored)'
