import { createHash } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { generateApplications } from '../generate-applications.js'
import { generateWorkforce } from './generate-workforce.js'

describe('generateWorkforce', () => {
  const world = generateWorkforce({ employees: 120, seed: 3, days: 14 })

  it('is the same world for the same seed, and another for another', () => {
    const again = generateWorkforce({ employees: 120, seed: 3, days: 14 })
    expect(again.hiresCsv).toBe(world.hiresCsv)
    expect([...again.signInLines()].slice(0, 50)).toEqual([...world.signInLines()].slice(0, 50))
    expect(generateWorkforce({ employees: 120, seed: 4, days: 14 }).hiresCsv).not.toBe(world.hiresCsv)
  })

  it('labels every employee, plants farms of two or more and the hard negatives', () => {
    expect(world.labels).toHaveLength(120)
    const farms = new Map<string, number>()
    for (const label of world.labels) if (label.farmId) farms.set(label.farmId, (farms.get(label.farmId) ?? 0) + 1)
    expect([...farms.values()].reduce((sum, size) => sum + size, 0)).toBe(Math.round(120 * 0.02))
    for (const size of farms.values()) expect(size).toBeGreaterThanOrEqual(2)
    expect(world.labels.filter((label) => label.hardNegative !== undefined).length).toBeGreaterThan(10)
    expect(
      generateWorkforce({ employees: 40, seed: 3, days: 14, farmShare: 0 }).labels.every((label) => !label.isFraud),
    ).toBe(true)
  })

  it("writes one row per employee in the HR, shipment and MDM files, in the vendors' column names", () => {
    for (const [csv, header] of [
      [
        world.hiresCsv,
        'employee_id,application_id,legal_name,home_address,home_country,start_date,manager,work_email,time_zone',
      ],
      [
        world.shipmentsCsv,
        'ticket,employee_id,asset_tag,serial_number,ship_to,ship_to_country,carrier,ship_date,delivery_date',
      ],
      [world.mdmCsv, 'device_name,serial_number,user_principal_name,first_check_in,public_ip,os,model'],
    ] as const) {
      const lines = csv.trim().split('\n')
      expect(lines[0]).toBe(header)
      expect(lines).toHaveLength(121)
    }
  })

  it('streams Okta System Log and Entra sign-in events of the employees', () => {
    const events = [...world.signInLines()]
    expect(events.length).toBeGreaterThan(120 * 5)
    const okta = JSON.parse(events.find((event) => event.provider === 'okta')?.line ?? '{}') as Record<string, unknown>
    expect(okta).toMatchObject({
      actor: { type: 'User' },
      client: { geographicalContext: { geolocation: {} } },
      outcome: {},
    })
    const entra = JSON.parse(events.find((event) => event.provider === 'entra')?.line ?? '{}') as Record<
      string,
      unknown
    >
    expect(entra).toMatchObject({
      userPrincipalName: expect.stringContaining('@acme.example') as string,
      status: { errorCode: 0 },
    })
    expect([...world.osqueryLines()].length).toBeGreaterThanOrEqual(120 * 3)
  })

  it('refuses options it cannot honour', () => {
    expect(() => generateWorkforce({ employees: -1, seed: 1 })).toThrow(RangeError)
    expect(() => generateWorkforce({ employees: 1, seed: 1, days: 3 })).toThrow(RangeError)
    expect(() => generateWorkforce({ employees: 1, seed: 1, start: 'March' })).toThrow(RangeError)
  })
})

describe('the application world', () => {
  it('generates what it generated before the workforce world existed (earlier figures stay comparable)', () => {
    const hash = createHash('sha256')
    for (const record of generateApplications({ count: 300, seed: 7 })) hash.update(JSON.stringify(record))
    expect(hash.digest('hex')).toBe(APPLICATIONS_300_SEED_7)
  })
})

const APPLICATIONS_300_SEED_7 = '4f863012ac1c1f3a988845608ab7fccd3b5f57a35214b5bc173c08a055349768'
