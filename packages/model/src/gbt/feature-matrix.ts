/** Rows of feature values, row-major: the value of feature `f` of row `r` is `values[r * columns + f]`. */
export type FeatureMatrix = {
  readonly rows: number
  readonly columns: number
  readonly values: Float64Array
}

/** Packs feature vectors of equal length into one matrix. */
export function toFeatureMatrix(vectors: readonly Float64Array[], columns: number): FeatureMatrix {
  const values = new Float64Array(vectors.length * columns)
  vectors.forEach((vector, row) => {
    if (vector.length !== columns) throw new Error(`row ${row} has ${vector.length} features, expected ${columns}`)
    values.set(vector, row * columns)
  })
  return { rows: vectors.length, columns, values }
}

/**
 * Feature values cut into at most `maxBins` bins per feature, as histogram boosting needs. Bin 0 holds every value at
 * or below 0 (the common "nothing found"); the other bins split the positive values at their distinct values, or at
 * quantiles when there are more distinct values than bins. Rows keep only their non-zero bins (most features are 0),
 * so building a histogram costs the row's non-zero count, not the feature count.
 */
export type BinnedMatrix = {
  readonly rows: number
  readonly columns: number
  /** Per feature: the upper bound of each bin but the last; a value goes left of split `b` when `value <= bounds[b]`. */
  readonly bounds: readonly Float64Array[]
  /** Bins per feature (bounds + 1). */
  readonly binCounts: Int32Array
  /** Dense bins, row-major, for partitioning rows at a split. */
  readonly bins: Uint8Array
  /** Non-zero bins per row: entries `rowStart[r]` to `rowStart[r + 1]` of `entryFeature` and `entryBin`. */
  readonly rowStart: Int32Array
  readonly entryFeature: Uint16Array
  readonly entryBin: Uint8Array
}

export function binFeatures(matrix: FeatureMatrix, maxBins: number): BinnedMatrix {
  if (maxBins < 2 || maxBins > 256) throw new Error(`maxBins must be between 2 and 256, got ${maxBins}`)
  const { rows, columns, values } = matrix
  const bounds: Float64Array[] = []
  const binCounts = new Int32Array(columns)
  for (let feature = 0; feature < columns; feature++) {
    const positive: number[] = []
    for (let row = 0; row < rows; row++) {
      const value = values[row * columns + feature] as number
      if (value > 0) positive.push(value)
    }
    positive.sort((a, b) => a - b)
    const distinct: number[] = []
    for (const value of positive) if (distinct[distinct.length - 1] !== value) distinct.push(value)
    const cuts: number[] = [0]
    if (distinct.length <= maxBins - 1) {
      cuts.push(...distinct.slice(0, -1))
    } else {
      for (let step = 1; step < maxBins - 1; step++) {
        const value = positive[Math.floor((step * positive.length) / (maxBins - 1))] as number
        if (value > (cuts[cuts.length - 1] as number) && value < (distinct[distinct.length - 1] as number))
          cuts.push(value)
      }
    }
    bounds.push(Float64Array.from(cuts))
    binCounts[feature] = cuts.length + 1
  }

  const bins = new Uint8Array(rows * columns)
  const rowStart = new Int32Array(rows + 1)
  const features: number[] = []
  const entryBins: number[] = []
  for (let row = 0; row < rows; row++) {
    rowStart[row] = features.length
    for (let feature = 0; feature < columns; feature++) {
      const bin = binOf(bounds[feature] as Float64Array, values[row * columns + feature] as number)
      bins[row * columns + feature] = bin
      if (bin > 0) {
        features.push(feature)
        entryBins.push(bin)
      }
    }
  }
  rowStart[rows] = features.length
  return {
    rows,
    columns,
    bounds,
    binCounts,
    bins,
    rowStart,
    entryFeature: Uint16Array.from(features),
    entryBin: Uint8Array.from(entryBins),
  }
}

/** The first bin whose upper bound is at or above the value; past the last bound, the last bin. */
function binOf(bounds: Float64Array, value: number): number {
  let low = 0
  let high = bounds.length
  while (low < high) {
    const middle = (low + high) >> 1
    if (value <= (bounds[middle] as number)) high = middle
    else low = middle + 1
  }
  return low
}
