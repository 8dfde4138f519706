import { describe, expect, it } from 'vitest'
import { planExport } from './plan-export.js'
import { anIndicator } from './testing/an-indicator.js'

describe('planExport', () => {
  it('withholds TLP:RED and unreadable values, and counts a value written twice once', () => {
    const plan = planExport([
      anIndicator({ tlp: 'red' }),
      anIndicator({ kind: 'phone', value: '415 555 0100' }),
      anIndicator({ kind: 'phone', value: '+1 415 555 0100' }),
      anIndicator({ kind: 'phone', value: '+1 (415) 555-0100' }),
    ])
    expect(plan.withheld.map((item) => item.reason)).toEqual(['tlp-red', 'invalid-value'])
    expect(plan.exported.map((item) => item.sharedValue)).toEqual(['+14155550100'])
    expect(plan.keyFingerprint).toBeUndefined()
  })

  it('refuses to write an already hashed value in the clear', () => {
    const hashed = `hmac-sha256:${'a'.repeat(64)}`
    expect(planExport([anIndicator({ value: hashed })]).withheld.map((item) => item.reason)).toEqual(['invalid-value'])
    const key = new TextEncoder().encode('k')
    expect(planExport([anIndicator({ value: hashed })], { consortiumKey: key }).exported[0]?.sharedValue).toBe(hashed)
  })
})
