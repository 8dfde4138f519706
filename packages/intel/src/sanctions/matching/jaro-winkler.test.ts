import { existsSync, readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { jaroWinkler } from './jaro-winkler.js'

const watchmanCases = fileURLToPath(
  new URL('../../../../../../shared/data/name-matching/watchman_jaro_winkler_test_cases.csv', import.meta.url),
)

describe('jaroWinkler', () => {
  it.each([
    ['martha', 'marhta', 0.961],
    ['dwayne', 'duane', 0.84],
    ['dixon', 'dicksonx', 0.813],
    ['kim jong un', 'kim jong un', 1],
    ['kim', '', 0],
    ['abc', 'xyz', 0],
  ])('%s / %s', (left, right, expected) => {
    expect(jaroWinkler(left, right)).toBeCloseTo(expected, 3)
  })

  it.runIf(existsSync(watchmanCases))('orders watchman’s cases as watchman does (their scores, our measure)', () => {
    const rows = readFileSync(watchmanCases, 'utf8')
      .split('\n')
      .slice(1)
      .map((line) => /,"?([^",]*(?:, [^",]*)?)"?,"?([^",]*(?:, [^",]*)?)"?,([\d.]+),/.exec(line))
      .filter((match) => match !== null)
      .map((match) => ({
        ours: jaroWinkler((match[1] ?? '').toLowerCase(), (match[2] ?? '').toLowerCase()),
        theirs: Number(match[3]),
      }))
    expect(rows.length).toBeGreaterThan(50)
    let agreeing = 0
    let compared = 0
    for (const left of rows) {
      for (const right of rows) {
        // Watchman tunes its scores; only clearly different ones say which pair is more alike.
        if (left.theirs - right.theirs < 0.3) continue
        compared += 1
        if (left.ours > right.ours) agreeing += 1
      }
    }
    // Watchman scores whole names token by token with its own penalties; plain Jaro-Winkler agrees on most orders.
    expect(agreeing / compared).toBeGreaterThan(0.75)
  })
})
