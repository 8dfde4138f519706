import { comparisonKey, factLabels, recordFacts, type FactLabel } from './record-facts'

/** How a value in one column relates to the others. */
export type ValueMark = 'shared' | 'different'

export type ComparedValue = { readonly value: string; readonly mark: ValueMark }

/** One row of the side-by-side comparison: a fact and its values in each application (column 0 is the one open). */
export type ComparisonRow = {
  readonly label: FactLabel
  readonly cells: readonly (readonly ComparedValue[])[]
  /** Some value of this fact appears in more than one application. */
  readonly hasShared: boolean
}

/**
 * Compares the open application (first) with its linked ones. In the first column a value is `shared` when any
 * linked application has it too; in a linked column, when the open application has it. Everything else is
 * `different` (the same identity with another degree shows both degrees, the other one marked different). Facts no
 * application has are left out.
 */
export function compareLinked(records: readonly unknown[]): readonly ComparisonRow[] {
  const facts = records.map(recordFacts)
  const [base, ...others] = facts
  if (base === undefined) return []
  return factLabels.flatMap((label): ComparisonRow[] => {
    const keysOf = (values: readonly string[]) => new Set(values.map((value) => comparisonKey(label, value)))
    const baseKeys = keysOf(base[label])
    const otherKeys = others.map((other) => keysOf(other[label]))
    const cells = facts.map((fact, column) =>
      fact[label].map((value): ComparedValue => {
        const key = comparisonKey(label, value)
        const isShared = column === 0 ? otherKeys.some((keys) => keys.has(key)) : baseKeys.has(key)
        return { value, mark: isShared ? 'shared' : 'different' }
      }),
    )
    if (cells.every((cell) => cell.length === 0)) return []
    return [{ label, cells, hasShared: cells.some((cell) => cell.some((value) => value.mark === 'shared')) }]
  })
}
