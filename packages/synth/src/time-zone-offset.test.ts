import { describe, expect, it } from 'vitest'
import { utcOffsetMinutes } from './time-zone-offset.js'

describe('utcOffsetMinutes', () => {
  it.each([
    ['America/New_York', '2025-01-15T12:00:00Z', -300],
    ['America/New_York', '2025-07-01T12:00:00Z', -240],
    // US daylight saving time starts on 9 March 2025 at 2:00 local, 07:00 UTC.
    ['America/New_York', '2025-03-09T06:59:59Z', -300],
    ['America/New_York', '2025-03-09T07:00:00Z', -240],
    ['America/Phoenix', '2025-07-01T12:00:00Z', -420],
    ['Europe/London', '2025-01-15T12:00:00Z', 0],
    ['Europe/London', '2025-10-26T00:59:59Z', 60],
    ['Europe/London', '2025-10-26T01:00:00Z', 0],
    ['Asia/Kolkata', '2025-05-05T05:05:05Z', 330],
    ['Asia/Seoul', '2026-02-01T00:00:00Z', 540],
    ['Asia/Shanghai', '2026-02-01T00:00:00Z', 480],
    ['America/Sao_Paulo', '2026-02-01T00:00:00Z', -180],
  ])('%s at %s is %i minutes east of UTC', (zone, instant, expected) => {
    expect(utcOffsetMinutes(zone, Date.parse(instant))).toBe(expected)
  })
})
