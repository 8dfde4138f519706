type RequiredKeys<T> = { [K in keyof T]-?: undefined extends T[K] ? never : K }[keyof T]
type OptionalKeys<T> = Exclude<keyof T, RequiredKeys<T>>

/** `T` with every key whose value may be undefined turned into an optional key without `undefined`. */
export type WithoutUndefined<T> = { [K in RequiredKeys<T>]: T[K] } & {
  [K in OptionalKeys<T>]?: Exclude<T[K], undefined>
}

/**
 * Drops the keys whose value is undefined, so mappers can write `{ name: textAt(x, 'name') }` and still build values
 * that satisfy `exactOptionalPropertyTypes`.
 */
export function withoutUndefined<T extends object>(value: T): WithoutUndefined<T> {
  const out: Record<string, unknown> = {}
  for (const [key, item] of Object.entries(value)) if (item !== undefined) out[key] = item
  return out as WithoutUndefined<T>
}

/** Like `withoutUndefined`, but undefined when nothing is left (so empty sections are left out of the record). */
export function compact<T extends object>(value: T): WithoutUndefined<T> | undefined {
  const out = withoutUndefined(value)
  return Object.keys(out).length === 0 ? undefined : out
}

/** The array itself, or undefined when it is empty. */
export function nonEmpty<T>(items: readonly T[]): readonly T[] | undefined {
  return items.length === 0 ? undefined : items
}
