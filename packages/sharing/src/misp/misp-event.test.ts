import { describe, expect, it } from 'vitest'
import { anIndicator, cvHash, everyKind } from '../testing/an-indicator.js'
import { exportMispEvent } from './export-misp-event.js'
import { importMispEvent } from './import-misp-event.js'

const createdAt = '2026-11-23T12:00:00.000Z'
const producer = { name: 'Example Corp' }

describe('exportMispEvent', () => {
  const { event, exported, withheld } = exportMispEvent(everyKind, { producer, createdAt })

  it('writes each indicator with its MISP type, category and to_ids', () => {
    expect(exported).toHaveLength(everyKind.length)
    expect(withheld).toEqual([])
    expect(event.Event.Attribute.map((a) => [a.type, a.category, a.to_ids, a.value])).toEqual([
      ['phone-number', 'Person', false, '+14155550100'],
      ['email-src', 'Payload delivery', true, 'jdoe.dev@gmail.com'],
      ['domain', 'Network activity', true, 'front-co.com'],
      ['text', 'Other', false, '9 Elm Road, Apt 2, Dover, DE 19901'],
      ['github-username', 'Social network', false, 'jdoe-dev'],
      ['text', 'Other', false, 'linkedin:jordan-doe-42'],
      ['ip-src', 'Network activity', true, '203.0.113.7'],
      ['ip-src', 'Network activity', true, '2001:db8:5::/48'],
      ['sha256', 'Payload delivery', true, cvHash],
    ])
  })

  it('tags TLP per attribute and the strictest on the event, with confidence and source', () => {
    expect(event.Event.Tag).toEqual([{ name: 'tlp:amber+strict' }])
    expect(event.Event.Attribute[0]?.Tag.map((tag) => tag.name)).toEqual([
      'tlp:green',
      'hirewall:confidence="90"',
      'hirewall:source="ring-a-2026"',
    ])
    expect(event.Event.Attribute[0]).toMatchObject({
      first_seen: '2026-01-10T00:00:00.000Z',
      last_seen: '2026-02-01T00:00:00.000Z',
      comment: 'Ring A burner phone',
    })
    expect(event.Event).toMatchObject({
      date: '2026-11-23',
      distribution: '0',
      published: false,
      Orgc: { name: 'Example Corp' },
    })
    expect(event.Event.uuid).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/)
  })

  it('never exports TLP:RED', () => {
    const result = exportMispEvent([anIndicator({ tlp: 'red' })], { producer, createdAt })
    expect(result.event.Event.Attribute).toEqual([])
    expect(result.withheld.map((item) => item.reason)).toEqual(['tlp-red'])
  })

  it('writes keyed hashes as tagged text in privacy-preserving mode', () => {
    const consortiumKey = new TextEncoder().encode('consortium key 2026-Q4, 32 bytes!')
    const hashed = exportMispEvent([anIndicator({ note: 'Persona caught 2026-01' })], {
      producer,
      createdAt,
      hashing: { consortiumKey },
    })
    const [attribute] = hashed.event.Event.Attribute
    expect(attribute).toMatchObject({ type: 'text', category: 'Other', to_ids: false, comment: '' })
    expect(attribute?.value).toMatch(/^hmac-sha256:[0-9a-f]{64}$/)
    expect(attribute?.Tag.map((tag) => tag.name)).toContain('hirewall:keyed-hash="email"')
    expect(attribute?.Tag.map((tag) => tag.name)).toContain(`hirewall:key-fingerprint="${hashed.keyFingerprint}"`)
    expect(JSON.stringify(hashed.event)).not.toMatch(/jdoe|Persona/)
  })
})

describe('importMispEvent', () => {
  it('reads back every kind HireWall exports', () => {
    const { event } = exportMispEvent(everyKind, { producer, createdAt })
    const result = importMispEvent(JSON.parse(JSON.stringify(event)))
    if (result.status !== 'ok') throw new Error('expected ok')
    expect(result.issues).toEqual([])
    expect(result.unsupported).toEqual([])
    expect(result.indicators.map((indicator) => [indicator.kind, indicator.value, indicator.tlp])).toEqual([
      ['phone', '+14155550100', 'amber+strict'],
      ['email', 'jdoe.dev@gmail.com', 'amber+strict'],
      ['domain', 'front-co.com', 'amber+strict'],
      ['address', '9 Elm Road, Apt 2, Dover, DE 19901', 'amber+strict'],
      ['handle', 'github:jdoe-dev', 'amber+strict'],
      ['handle', 'linkedin:jordan-doe-42', 'amber+strict'],
      ['ip', '203.0.113.7', 'amber+strict'],
      ['ip', '2001:db8:5::/48', 'amber+strict'],
      ['cv-sha256', cvHash, 'amber+strict'],
    ])
    expect(result.indicators[0]).toMatchObject({
      source: 'Example Corp',
      confidence: 90,
      firstSeen: '2026-01-10T00:00:00.000Z',
      note: 'Ring A burner phone; their source: ring-a-2026',
      path: 'Event.Attribute[0]',
    })
  })

  it("reads a partner's event: object attributes, bad values by path, other types reported", () => {
    const result = importMispEvent({
      Orgc: { name: 'Partner Bank' },
      Tag: [{ name: 'tlp:green' }],
      Attribute: [
        { type: 'phone-number', value: '+44 20 7946 0958', Tag: [{ name: 'tlp:amber' }] },
        { type: 'email-src', value: 'not-an-email' },
        { type: 'url', value: 'https://front-co.com/apply' },
        { type: 'text', value: 'no tag says what this is' },
        { type: 'domain' },
      ],
      Object: [{ name: 'person', Attribute: [{ type: 'email', value: 'ops@front-co.com' }] }],
    })
    if (result.status !== 'ok') throw new Error('expected ok')
    expect(
      result.indicators.map((indicator) => [indicator.kind, indicator.value, indicator.tlp, indicator.path]),
    ).toEqual([
      ['phone', '+44 20 7946 0958', 'amber', 'Attribute[0]'],
      ['email', 'ops@front-co.com', 'green', 'Object[0].Attribute[0]'],
    ])
    expect(result.indicators[0]?.source).toBe('Partner Bank')
    expect(result.issues.map((issue) => issue.path)).toEqual(['Attribute[1].value', 'Attribute[4].value'])
    expect(result.unsupported.map((item) => [item.path, item.type])).toEqual([
      ['Attribute[2]', 'url'],
      ['Attribute[3]', 'text'],
    ])
  })

  it('lists an attribute typed after an Object property as unsupported (constructor threw)', () => {
    const result = importMispEvent({
      Event: {
        Attribute: ['constructor', '__proto__', 'toString'].map((type) => ({ type, value: 'jdoe.dev@gmail.com' })),
      },
    })
    if (result.status !== 'ok') throw new Error('expected ok')
    expect(result.indicators).toEqual([])
    expect(result.unsupported.map((item) => item.type)).toEqual(['constructor', '__proto__', 'toString'])
  })

  it('refuses a document that is not an event', () => {
    expect(importMispEvent({ Event: { info: 'x' } })).toMatchObject({
      status: 'invalid',
      issues: [{ path: 'Event.Attribute' }],
    })
  })
})
