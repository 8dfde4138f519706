import { createHash } from 'node:crypto'

/**
 * A UUID (version 5 layout, SHA-256 based) derived from `parts`: the same parts always give the same id, so a job
 * sent again after a crash is recognised by the queue as the one already queued.
 */
export function derivedUuid(...parts: readonly (string | number)[]): string {
  const bytes = createHash('sha256').update(parts.join('\u001f')).digest().subarray(0, 16)
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x50
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80
  const hex = bytes.toString('hex')
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`
}
