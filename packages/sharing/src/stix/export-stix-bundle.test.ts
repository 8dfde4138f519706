import { generateDeterministicId } from '@security-alliance/stix/2.1'
import { describe, expect, it } from 'vitest'
import { anIndicator, cvHash, everyKind } from '../testing/an-indicator.js'
import { stixSpecViolations } from '../testing/stix-spec-checks.js'
import { exportStixBundle, type StixObject } from './export-stix-bundle.js'
import { tlp2MarkingIds } from './tlp-markings.js'

const createdAt = '2026-11-23T12:00:00.000Z'
const producer = { name: 'Example Corp Trust & Safety' }
const consortiumKey = new TextEncoder().encode('consortium key 2026-Q4, 32 bytes!')

const ofType = (objects: readonly StixObject[], type: string) => objects.filter((object) => object.type === type)

describe('exportStixBundle', () => {
  const result = exportStixBundle(everyKind, { producer, createdAt })
  const { objects } = result.bundle

  it('writes a bundle that meets the specification, with an indicator per identifier', () => {
    expect(stixSpecViolations(result.bundle)).toEqual([])
    expect(result.exported).toHaveLength(everyKind.length)
    expect(result.withheld).toEqual([])
    expect(ofType(objects, 'indicator').map((indicator) => indicator['pattern'])).toEqual([
      "[x-hirewall-phone-number:value = '+14155550100']",
      "[email-addr:value = 'jdoe.dev@gmail.com']",
      "[domain-name:value = 'front-co.com']",
      "[x-hirewall-postal-address:value = '9 Elm Road, Apt 2, Dover, DE 19901']",
      "[user-account:account_type = 'github' AND user-account:account_login = 'jdoe-dev']",
      "[user-account:account_type = 'linkedin' AND user-account:account_login = 'jordan-doe-42']",
      "[ipv4-addr:value = '203.0.113.7']",
      "[ipv6-addr:value = '2001:db8:5::/48']",
      `[file:hashes.'SHA-256' = '${cvHash}']`,
    ])
  })

  it('gives observables the ids the specification derives from their values, whoever exports them', () => {
    const email = ofType(objects, 'email-addr')[0]
    // An independent implementation (RFC 8785 canonical JSON, UUIDv5 in the OASIS namespace) gives the same id.
    expect(email?.id).toBe(generateDeterministicId('email-addr', { value: 'jdoe.dev@gmail.com' }))
    expect(ofType(objects, 'file')[0]?.id).toBe(generateDeterministicId('file', { hashes: { 'SHA-256': cvHash } }))
    const again = exportStixBundle([anIndicator()], { producer: { name: 'another producer' }, createdAt })
    expect(ofType(again.bundle.objects, 'email-addr')[0]?.id).toBe(email?.id)
  })

  it('marks each object with its OASIS TLP 2.0 marking and ships those definitions', () => {
    const markings = ofType(objects, 'marking-definition')
    expect(markings.map((marking) => marking.id).sort()).toEqual(
      [tlp2MarkingIds.clear, tlp2MarkingIds.green, tlp2MarkingIds.amber, tlp2MarkingIds['amber+strict']].sort(),
    )
    const phone = ofType(objects, 'indicator')[0]
    expect(phone?.['object_marking_refs']).toEqual([tlp2MarkingIds.green])
    expect(markings.find((marking) => marking.id === tlp2MarkingIds.green)).toMatchObject({
      name: 'TLP:GREEN',
      extensions: { 'extension-definition--60a3c5c5-0d10-413e-aab3-9e08dde9e88d': { tlp_2_0: 'green' } },
    })
  })

  it('keeps confidence, source and first and last seen, and links an attributed indicator to its intrusion set', () => {
    const phone = ofType(objects, 'indicator')[0]
    expect(phone).toMatchObject({
      confidence: 90,
      valid_from: '2026-01-10T00:00:00.000Z',
      description: 'Ring A burner phone',
      external_references: [{ source_name: 'ring-a-2026' }],
    })
    const observed = ofType(objects, 'observed-data')[0]
    expect(observed).toMatchObject({
      first_observed: '2026-01-10T00:00:00.000Z',
      last_observed: '2026-02-01T00:00:00.000Z',
    })
    const [intrusionSet] = ofType(objects, 'intrusion-set')
    expect(intrusionSet?.['name']).toBe('Famous Chollima')
    const relationships = ofType(objects, 'relationship').map((r) => [
      r['source_ref'],
      r['relationship_type'],
      r['target_ref'],
    ])
    expect(relationships).toContainEqual([phone?.id, 'indicates', intrusionSet?.id])
    expect(relationships).toContainEqual([phone?.id, 'based-on', observed?.id])
  })

  it('is the same document for the same indicators and time', () => {
    expect(exportStixBundle(everyKind, { producer, createdAt })).toEqual(result)
  })

  it('never exports TLP:RED, and says what it withheld', () => {
    const mixed = exportStixBundle(
      [anIndicator({ tlp: 'red' }), anIndicator({ kind: 'domain', value: 'front-co.com' })],
      {
        producer,
        createdAt,
      },
    )
    expect(mixed.withheld).toEqual([expect.objectContaining({ reason: 'tlp-red' })])
    expect(mixed.exported.map((exported) => exported.sharedValue)).toEqual(['front-co.com'])
    expect(JSON.stringify(mixed.bundle)).not.toContain('jdoe.dev@gmail.com')
    expect(JSON.stringify(mixed.bundle)).not.toContain(tlp2MarkingIds.red)
  })

  it('writes keyed hashes and no value, note or key in privacy-preserving mode', () => {
    const hashed = exportStixBundle(everyKind, { producer, createdAt, hashing: { consortiumKey } })
    expect(stixSpecViolations(hashed.bundle)).toEqual([])
    const text = JSON.stringify(hashed.bundle)
    for (const value of ['4155550100', 'jdoe', 'front-co.com', 'Elm Road', '203.0.113.7', cvHash, 'burner'])
      expect(text).not.toContain(value)
    expect(hashed.withheld).toEqual([expect.objectContaining({ reason: 'range-not-hashable' })])
    const patterns = ofType(hashed.bundle.objects, 'indicator').map((indicator) => String(indicator['pattern']))
    expect(patterns[0]).toMatch(
      /^\[x-hirewall-keyed-hash:indicator_kind = 'phone' AND x-hirewall-keyed-hash:value = 'hmac-sha256:[0-9a-f]{64}'\]$/,
    )
    expect(ofType(hashed.bundle.objects, 'x-hirewall-keyed-hash')[0]?.['key_fingerprint']).toBe(hashed.keyFingerprint)
  })
})
