import { randomBytes } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { StoreError } from '../database/store-error.js'
import {
  formatDataKeyRing,
  generateDataKey,
  generateDataKeyRing,
  readDataKeyRing,
  type DataKeyRing,
} from './data-keys.js'
import { createPersonalDataCipher, isSealed, unencrypted } from './personal-data-cipher.js'
import { mapPersonalFields, openRecord, personalValuesOf, sealDocument, openDocument } from './personal-fields.js'
import { aRecord } from '../testing/store-fixtures.js'

const ring: DataKeyRing = { dataKeys: [generateDataKey('k2')], identifierKey: randomBytes(32) }

describe('the personal-data cipher', () => {
  it('seals any JSON value into an envelope naming its key, and opens it back', () => {
    const cipher = createPersonalDataCipher(ring)
    for (const value of ['Jordan Miller', { emails: [{ value: 'a@b.example' }] }, [1, 2], 42, null, true]) {
      const sealed = cipher.seal(value)
      expect(isSealed(sealed)).toBe(true)
      expect(String(sealed)).toMatch(/^hwenc1:k2:/)
      expect(cipher.keyIdOf(sealed)).toBe('k2')
      expect(cipher.open(sealed)).toEqual(value)
    }
    // A fresh IV each time: equal values do not give equal envelopes.
    expect(cipher.seal('same')).not.toBe(cipher.seal('same'))
  })

  it('gives every envelope its own IV, past the 512 its generator draws at a time, and opens each back', () => {
    const cipher = createPersonalDataCipher(ring)
    const sealed = Array.from({ length: 1_500 }, (_, index) => String(cipher.seal(`value ${index}`)))
    const ivs = sealed.map((envelope) => envelope.split(':')[2])
    expect(new Set(ivs).size).toBe(sealed.length)
    expect(sealed.map((envelope) => cipher.open(envelope))).toEqual(sealed.map((_, index) => `value ${index}`))
  })

  it('opens envelopes of an older key while sealing with the current one, and refuses a key it lacks', () => {
    const old = createPersonalDataCipher(ring)
    const sealedOld = old.seal('+14155550132')
    const rotated = createPersonalDataCipher({ ...ring, dataKeys: [generateDataKey('k3'), ...ring.dataKeys] })
    expect(rotated.open(sealedOld)).toBe('+14155550132')
    expect(rotated.needsResealing(sealedOld)).toBe(true)
    expect(rotated.needsResealing(rotated.seal('x'))).toBe(false)
    expect(rotated.needsResealing('plaintext')).toBe(true)
    const withoutOld = createPersonalDataCipher({ ...ring, dataKeys: [generateDataKey('k3')] })
    expect(() => withoutOld.open(sealedOld)).toThrow(/key k2, which HIREWALL_DATA_KEYS does not hold/)
    expect(() => unencrypted.open(sealedOld)).toThrow(/no HIREWALL_DATA_KEYS/)
  })

  it('refuses a tampered envelope', () => {
    const cipher = createPersonalDataCipher(ring)
    const sealed = String(cipher.seal('Jordan'))
    const body = sealed.slice(sealed.lastIndexOf(':') + 1)
    const flipped = Buffer.from(body, 'base64url')
    flipped[0] = (flipped[0] ?? 0) ^ 1
    const tampered = `${sealed.slice(0, sealed.lastIndexOf(':') + 1)}${flipped.toString('base64url')}`
    expect(() => cipher.open(tampered)).toThrow(StoreError)
  })

  it('hashes identifiers with the identifier key: stable, kind-bound and unreadable', () => {
    const cipher = createPersonalDataCipher(ring)
    const hash = cipher.hashIdentifier('phone', '+14155550132')
    expect(hash).toMatch(/^h1:[A-Za-z0-9_-]{43}$/)
    expect(cipher.hashIdentifier('phone', '+14155550132')).toBe(hash)
    expect(cipher.hashIdentifier('email', '+14155550132')).not.toBe(hash)
    const otherKey = createPersonalDataCipher({ ...ring, identifierKey: randomBytes(32) })
    expect(otherKey.hashIdentifier('phone', '+14155550132')).not.toBe(hash)
    expect(unencrypted.hashIdentifier('phone', '+14155550132')).toBe('+14155550132')
  })

  it('seals the personal fields of a record and leaves what queries read', () => {
    const cipher = createPersonalDataCipher(ring)
    const record = aRecord('app-1', {
      staffingVendor: { name: 'Bright Staffing' },
      contacts: { phones: [{ value: '+1 415 555 0132' }] },
      document: { cvText: 'Jordan Miller, engineer' },
    })
    const sealed = mapPersonalFields(record, (value) => cipher.seal(value)) as Record<string, unknown>
    const text = JSON.stringify(sealed)
    for (const secret of ['Jordan', 'jordan.miller', '555', 'Acme', 'Oakland']) expect(text).not.toContain(secret)
    expect(sealed).toMatchObject({ id: 'app-1', source: record.source, requisition: record.requisition })
    expect(sealed.staffingVendor).toEqual({ name: 'Bright Staffing' })
    expect(personalValuesOf(sealed).every(isSealed)).toBe(true)
    expect(openRecord(sealed, cipher)).toEqual(record)
    expect(openDocument(sealDocument({ a: 1 }, cipher), cipher)).toEqual({ a: 1 })
    expect(sealDocument({ a: 1 }, unencrypted)).toEqual({ a: 1 })
  })
})

describe('the key ring from the environment', () => {
  it('reads what formatDataKeyRing writes, first key current', () => {
    const generated = generateDataKeyRing(new Date('2026-11-23T00:00:00Z'))
    expect(generated.dataKeys[0]?.id).toBe('k20261123')
    const env = formatDataKeyRing({ ...generated, dataKeys: [...generated.dataKeys, generateDataKey('old')] })
    const read = readDataKeyRing(env)
    expect(read?.dataKeys.map((key) => key.id)).toEqual(['k20261123', 'old'])
    expect(read?.identifierKey.equals(generated.identifierKey)).toBe(true)
    expect(readDataKeyRing({})).toBeUndefined()
  })

  it.each([
    [{ HIREWALL_DATA_KEYS: 'a:' + randomBytes(32).toString('base64') }, 'HIREWALL_IDENTIFIER_KEY is required'],
    [{ HIREWALL_IDENTIFIER_KEY: randomBytes(32).toString('base64') }, 'HIREWALL_DATA_KEYS is required'],
    [{ HIREWALL_DATA_KEYS: 'no-colon', HIREWALL_IDENTIFIER_KEY: randomBytes(32).toString('base64') }, 'id:base64-key'],
    [{ HIREWALL_DATA_KEYS: 'a:c2hvcnQ=', HIREWALL_IDENTIFIER_KEY: randomBytes(32).toString('base64') }, '32 bytes'],
    [
      {
        HIREWALL_DATA_KEYS: `a:${randomBytes(32).toString('base64')},a:${randomBytes(32).toString('base64')}`,
        HIREWALL_IDENTIFIER_KEY: randomBytes(32).toString('base64'),
      },
      'names a key id twice',
    ],
  ])('refuses a malformed ring %#, naming the variable', (env, message) => {
    expect(() => readDataKeyRing(env)).toThrow(message)
  })
})

describe('identifier keys with ids', () => {
  const bare = randomBytes(32)
  const dataKeys = 'd1:' + randomBytes(32).toString('base64')

  it('reads a bare key as the key without an id, and a list of named keys with at most one bare entry', () => {
    expect(readDataKeyRing({ HIREWALL_DATA_KEYS: dataKeys, HIREWALL_IDENTIFIER_KEY: bare.toString('base64') })).toEqual(
      expect.objectContaining({ identifierKey: bare }),
    )
    const next = randomBytes(32)
    const read = readDataKeyRing({
      HIREWALL_DATA_KEYS: dataKeys,
      HIREWALL_IDENTIFIER_KEY: `i2:${next.toString('base64')}, ${bare.toString('base64')}`,
    })
    expect(read?.identifierKey.equals(next)).toBe(true)
    expect(read?.identifierKeys?.map((key) => key.id)).toEqual(['i2', undefined])
    expect(readDataKeyRing(formatDataKeyRing(read as DataKeyRing))).toEqual(read)
  })

  it.each([
    [`${randomBytes(32).toString('base64')},${randomBytes(32).toString('base64')}`, 'two keys without an id'],
    [`i:${randomBytes(32).toString('base64')},i:${randomBytes(32).toString('base64')}`, 'names a key id twice'],
    [`bad id:${randomBytes(32).toString('base64')}`, 'entry 1: the id must be'],
    ['i:c2hvcnQ=', 'HIREWALL_IDENTIFIER_KEY entry 1 (i) must be 32 bytes'],
  ])('refuses a malformed identifier ring %#, naming the variable', (value, message) => {
    expect(() => readDataKeyRing({ HIREWALL_DATA_KEYS: dataKeys, HIREWALL_IDENTIFIER_KEY: value })).toThrow(message)
  })

  it('marks each hash with its key, looks up under every key and knows which hashes rotation must redo', () => {
    const named = { id: 'i2', key: randomBytes(32) }
    const legacy = createPersonalDataCipher({ ...ring, identifierKey: bare })
    const rotating = createPersonalDataCipher({
      ...ring,
      identifierKey: named.key,
      identifierKeys: [named, { id: undefined, key: bare }],
    })
    const oldHash = legacy.hashIdentifier('phone', '+14155550132')
    expect(oldHash).toMatch(/^h1:[A-Za-z0-9_-]{43}$/)
    const newHash = rotating.hashIdentifier('phone', '+14155550132')
    expect(newHash).toMatch(/^h1:i2:[A-Za-z0-9_-]{43}$/)
    expect(rotating.identifierHashes('phone', '+14155550132')).toEqual([newHash, oldHash])
    expect(legacy.identifierHashes('phone', '+14155550132')).toEqual([oldHash])
    expect([rotating.identifierKeyCount, legacy.identifierKeyCount, unencrypted.identifierKeyCount]).toEqual([2, 1, 0])
    expect(rotating.needsRehashing(oldHash)).toBe(true)
    expect(rotating.needsRehashing('+14155550132')).toBe(true)
    expect(rotating.needsRehashing(newHash)).toBe(false)
    expect(legacy.needsRehashing(oldHash)).toBe(false)
    expect(legacy.needsRehashing(newHash)).toBe(true)
    expect(unencrypted.needsRehashing('+14155550132')).toBe(false)
  })
})
