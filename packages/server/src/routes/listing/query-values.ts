import { z } from 'zod'

/**
 * A querystring parameter that may be given once or repeated (`?outcome=hold&outcome=review`), read as a list.
 */
export function oneOrMany<Item extends z.ZodType<string>>(item: Item) {
  return z
    .union([item, z.array(item).min(1).max(50)])
    .transform((value): z.output<Item>[] => (Array.isArray(value) ? value : [value]))
}

/** An instant in a querystring: a date (`2026-03-01`, midnight UTC) or an ISO 8601 date-time with its offset. */
export const instantQuery = z
  .union([z.iso.date(), z.iso.datetime({ offset: true })], {
    error: 'must be a date (YYYY-MM-DD) or an ISO 8601 date-time with a time zone',
  })
  .transform((value) => new Date(value))
