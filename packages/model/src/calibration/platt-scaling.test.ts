import { describe, expect, it } from 'vitest'
import { calibrationReport } from '../evaluation/calibration-report.js'
import { SeededRandom } from '../gbt/seeded-random.js'
import { calibrate, fitPlattScaling } from './platt-scaling.js'

/** Margins whose true probability of a positive label is sigmoid(slope * margin + intercept). */
function known(seed: string, count: number, slope: number, intercept: number): { margins: number[]; labels: number[] } {
  const random = new SeededRandom(seed)
  const margins: number[] = []
  const labels: number[] = []
  for (let index = 0; index < count; index++) {
    const margin = random.next() * 8 - 5
    margins.push(margin)
    labels.push(random.next() < 1 / (1 + Math.exp(-(slope * margin + intercept))) ? 1 : 0)
  }
  return { margins, labels }
}

describe('Platt scaling', () => {
  it('recovers the slope and intercept of a known distribution and calibrates held-out data', () => {
    const fit = known('fit', 20_000, 0.6, -1.5)
    const scaling = fitPlattScaling(fit.margins, fit.labels)
    expect(scaling.slope).toBeCloseTo(0.6, 1)
    expect(scaling.intercept).toBeCloseTo(-1.5, 1)

    const test = known('test', 20_000, 0.6, -1.5)
    const raw = calibrationReport(
      test.margins.map((margin) => 1 / (1 + Math.exp(-margin))),
      test.labels,
    )
    const calibrated = calibrationReport(
      test.margins.map((margin) => calibrate(scaling, margin)),
      test.labels,
    )
    expect(raw.expectedCalibrationError).toBeGreaterThan(0.1)
    expect(calibrated.expectedCalibrationError).toBeLessThan(0.02)
  })

  it('stays finite on a fold the margins separate perfectly, and is the identity with one class', () => {
    const scaling = fitPlattScaling([-3, -2, -1, 1, 2, 3], [0, 0, 0, 1, 1, 1])
    expect(Number.isFinite(scaling.slope)).toBe(true)
    expect(calibrate(scaling, 3)).toBeLessThan(1)
    expect(calibrate(scaling, 3)).toBeGreaterThan(0.7)
    expect(fitPlattScaling([1, 2], [1, 1])).toEqual({ method: 'platt', slope: 1, intercept: 0 })
  })
})
