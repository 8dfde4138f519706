/** `items` in slices of at most `size`: multi-row statements stay under PostgreSQL's 65,535 parameters. */
export function chunks<Item>(items: readonly Item[], size: number): readonly (readonly Item[])[] {
  const out: Item[][] = []
  for (let start = 0; start < items.length; start += size) out.push(items.slice(start, start + size))
  return out
}
