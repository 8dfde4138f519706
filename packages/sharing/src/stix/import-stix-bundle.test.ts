import { describe, expect, it } from 'vitest'
import { everyKind } from '../testing/an-indicator.js'
import { exportStixBundle } from './export-stix-bundle.js'
import { importStixBundle } from './import-stix-bundle.js'
import { tlp1MarkingIds } from './tlp-markings.js'

const createdAt = '2026-11-23T12:00:00.000Z'
const producer = { name: 'Example Corp' }

describe('importStixBundle', () => {
  it('reads back every kind HireWall exports, with producer, TLP, confidence and first and last seen', () => {
    const { bundle } = exportStixBundle(everyKind, { producer, createdAt })
    const result = importStixBundle(JSON.parse(JSON.stringify(bundle)))
    if (result.status !== 'ok') throw new Error('expected ok')
    expect(result.issues).toEqual([])
    expect(result.unsupported).toEqual([])
    expect(result.indicators.map((indicator) => [indicator.kind, indicator.value, indicator.tlp])).toEqual([
      ['phone', '+14155550100', 'green'],
      ['email', 'jdoe.dev@gmail.com', 'amber'],
      ['domain', 'front-co.com', 'clear'],
      ['address', '9 Elm Road, Apt 2, Dover, DE 19901', 'amber+strict'],
      ['handle', 'github:jdoe-dev', 'amber'],
      ['handle', 'linkedin:jordan-doe-42', 'amber'],
      ['ip', '203.0.113.7', 'amber'],
      ['ip', '2001:db8:5::/48', 'amber'],
      ['cv-sha256', everyKind[8]?.value.toLowerCase(), 'amber'],
    ])
    expect(result.indicators[0]).toMatchObject({
      source: 'Example Corp',
      confidence: 90,
      firstSeen: '2026-01-10T00:00:00.000Z',
      lastSeen: '2026-02-01T00:00:00.000Z',
      note: 'Ring A burner phone',
      isHashed: false,
    })
  })

  it('reads keyed hashes as hashed indicators', () => {
    const consortiumKey = new TextEncoder().encode('consortium key 2026-Q4, 32 bytes!')
    const { bundle, exported } = exportStixBundle(everyKind, { producer, createdAt, hashing: { consortiumKey } })
    const result = importStixBundle(bundle)
    if (result.status !== 'ok') throw new Error('expected ok')
    expect(result.indicators.map((indicator) => [indicator.kind, indicator.value, indicator.isHashed])).toEqual(
      exported.map((item) => [item.kind, item.sharedValue, true]),
    )
  })

  it('reports bad indicators by JSON path and unsupported objects, and reads the rest', () => {
    const bundle = {
      type: 'bundle',
      id: 'bundle--5d0092c5-5f74-4287-9642-33f4c354e56d',
      objects: [
        { type: 'malware', id: 'malware--31b940d4-6f7f-459a-80ea-9c1f17b5891b', name: 'BeaverTail' },
        {
          type: 'indicator',
          id: 'indicator--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f',
          pattern: "[email-addr:value = 'not an email']",
          pattern_type: 'stix',
          valid_from: '2026-01-01T00:00:00Z',
        },
        {
          type: 'indicator',
          id: 'indicator--1f0d8c3a-8a6d-4d53-9b3e-4a6e2c1f8b7a',
          pattern: "[url:value = 'https://front-co.com/apply']",
          pattern_type: 'stix',
          valid_from: '2026-01-01T00:00:00Z',
        },
        {
          type: 'indicator',
          id: 'indicator--2a7c7f55-7d5f-4c32-b0e9-3a8c4b1e9d2f',
          pattern: "[domain-name:value = 'a.example' OR domain-name:value = 'b.example']",
          pattern_type: 'stix',
          valid_from: '2026-01-01T00:00:00Z',
        },
        {
          type: 'indicator',
          id: 'indicator--3b8d8a66-8e6a-4d43-a1fa-4b9d5c2fae30',
          pattern: 'x',
          pattern_type: 'sigma',
        },
        {
          type: 'indicator',
          id: 'indicator--4c9e9b77-9f7b-4e54-b20b-5cae6d3a0f41',
          pattern: "[ipv4-addr:value = '198.51.100.9']",
          pattern_type: 'stix',
          valid_from: '2026-01-01T00:00:00Z',
          confidence: 'high',
          object_marking_refs: [Object.keys(tlp1MarkingIds)[2]],
        },
        'not an object',
      ],
    }
    const result = importStixBundle(bundle)
    if (result.status !== 'ok') throw new Error('expected ok')
    expect(result.indicators).toEqual([
      expect.objectContaining({ kind: 'ip', value: '198.51.100.9', tlp: 'amber', path: 'objects[5]' }),
    ])
    expect(result.issues.map((issue) => issue.path)).toEqual([
      'objects[1].pattern',
      'objects[5].confidence',
      'objects[6].type',
    ])
    expect(result.issues[0]?.message).toMatch(/not an email/)
    expect(result.unsupported.map((item) => [item.path, item.type])).toEqual([
      ['objects[0]', 'malware'],
      ['objects[2].pattern', 'indicator'],
      ['objects[3].pattern', 'indicator'],
      ['objects[4].pattern_type', 'indicator'],
    ])
  })

  it('refuses a document that is not a bundle', () => {
    expect(importStixBundle({ type: 'indicator' })).toMatchObject({ status: 'invalid', issues: [{ path: 'type' }] })
    expect(importStixBundle({ type: 'bundle' })).toMatchObject({ status: 'invalid', issues: [{ path: 'objects' }] })
  })
})
