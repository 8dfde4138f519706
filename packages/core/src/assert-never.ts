/** Exhaustiveness guard for `switch` over a tagged union: a new member becomes a compile error here. */
export function assertNever(value: never): never {
  throw new Error(`Unexpected value: ${JSON.stringify(value)}`)
}
