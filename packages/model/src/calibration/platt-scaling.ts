/** Platt scaling: the calibrated probability of a raw margin `m` is `1 / (1 + exp(-(slope * m + intercept)))`. */
export type PlattScaling = { readonly method: 'platt'; readonly slope: number; readonly intercept: number }

export const identityScaling: PlattScaling = { method: 'platt', slope: 1, intercept: 0 }

export function calibrate(scaling: PlattScaling, margin: number): number {
  return 1 / (1 + Math.exp(-(scaling.slope * margin + scaling.intercept)))
}

/**
 * Fits Platt scaling on held-out margins and labels by Newton's method on the log loss, with Platt's smoothed targets
 * ((positives + 1) / (positives + 2) for a positive, 1 / (negatives + 2) for a negative) so that a fold without
 * errors does not push the slope to infinity (Platt 1999; Lin, Lin and Weng 2007).
 */
export function fitPlattScaling(margins: ArrayLike<number>, labels: ArrayLike<number>): PlattScaling {
  const count = margins.length
  let positives = 0
  for (let index = 0; index < count; index++) positives += labels[index] as number
  const negatives = count - positives
  if (positives === 0 || negatives === 0) return identityScaling
  const high = (positives + 1) / (positives + 2)
  const low = 1 / (negatives + 2)
  const targets = new Float64Array(count)
  for (let index = 0; index < count; index++) targets[index] = labels[index] === 1 ? high : low

  const loss = (slope: number, intercept: number): number => {
    let total = 0
    for (let index = 0; index < count; index++) {
      const z = slope * (margins[index] as number) + intercept
      const t = targets[index] as number
      // log(1 + e^z) - t z, computed without overflow.
      total += (z > 0 ? z + Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z))) - t * z
    }
    return total
  }

  let slope = 1
  let intercept = Math.log((positives + 1) / (negatives + 1))
  let current = loss(slope, intercept)
  for (let iteration = 0; iteration < 100; iteration++) {
    let gradientSlope = 0
    let gradientIntercept = 0
    let hessianSlope = 1e-12
    let hessianIntercept = 1e-12
    let hessianCross = 0
    for (let index = 0; index < count; index++) {
      const margin = margins[index] as number
      const p = 1 / (1 + Math.exp(-(slope * margin + intercept)))
      const difference = p - (targets[index] as number)
      const weight = p * (1 - p)
      gradientSlope += difference * margin
      gradientIntercept += difference
      hessianSlope += weight * margin * margin
      hessianIntercept += weight
      hessianCross += weight * margin
    }
    if (Math.abs(gradientSlope) < 1e-9 && Math.abs(gradientIntercept) < 1e-9) break
    const determinant = hessianSlope * hessianIntercept - hessianCross * hessianCross
    if (determinant <= 0) break
    const stepSlope = -(hessianIntercept * gradientSlope - hessianCross * gradientIntercept) / determinant
    const stepIntercept = -(-hessianCross * gradientSlope + hessianSlope * gradientIntercept) / determinant
    // Backtracking line search: Newton steps can overshoot on separable folds.
    let size = 1
    let improved = false
    while (size >= 1e-8) {
      const candidate = loss(slope + size * stepSlope, intercept + size * stepIntercept)
      if (candidate < current) {
        slope += size * stepSlope
        intercept += size * stepIntercept
        improved = current - candidate > 1e-12
        current = candidate
        break
      }
      size /= 2
    }
    if (!improved) break
  }
  return { method: 'platt', slope, intercept }
}
