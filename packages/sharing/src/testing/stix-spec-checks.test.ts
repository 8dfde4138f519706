import { describe, expect, it } from 'vitest'
import { exportStixBundle } from '../stix/export-stix-bundle.js'
import { anIndicator } from './an-indicator.js'
import { stixSpecViolations } from './stix-spec-checks.js'

const { bundle } = exportStixBundle([anIndicator({ kind: 'phone', value: '+14155550100', confidence: 50 })], {
  producer: { name: 'Example Corp' },
  createdAt: '2026-11-23T12:00:00.000Z',
})

/** The bundle with one object changed by `edit`. */
function edited(type: string, edit: (object: Record<string, unknown>) => void): unknown {
  const copy = structuredClone(bundle) as unknown as { objects: Record<string, unknown>[] }
  const object = copy.objects.find((candidate) => candidate['type'] === type)
  if (object === undefined) throw new Error(`no ${type} in the fixture`)
  edit(object)
  return copy
}

describe('stixSpecViolations finds what the specification forbids', () => {
  it.each<[string, unknown, RegExp]>([
    [
      'an observable id not derived from its value',
      edited('x-hirewall-phone-number', (o) => (o['value'] = '+14155550199')),
      /UUIDv5/,
    ],
    [
      'a reference to an object not in the bundle',
      edited('indicator', (o) => (o['created_by_ref'] = 'identity--00000000-0000-4000-8000-000000000000')),
      /created_by_ref/,
    ],
    [
      'a timestamp with an offset',
      edited('indicator', (o) => (o['valid_from'] = '2026-01-01T00:00:00+01:00')),
      /UTC timestamp/,
    ],
    ['a confidence over 100', edited('indicator', (o) => (o['confidence'] = 101)), /confidence/],
    [
      'a custom observable without its extension',
      edited('x-hirewall-phone-number', (o) => delete o['extensions']),
      /new-sco/,
    ],
    [
      'last seen before first seen',
      edited('observed-data', (o) => (o['first_observed'] = '2027-01-01T00:00:00Z')),
      /before first_observed/,
    ],
    ['an indicator without a pattern', edited('indicator', (o) => delete o['pattern']), /pattern: is required/],
    ['a bad id', edited('indicator', (o) => (o['id'] = 'indicator--1234')), /RFC 4122/],
  ])('%s', (_, document, expected) => {
    expect(stixSpecViolations(bundle)).toEqual([])
    expect(stixSpecViolations(document).join('\n')).toMatch(expected)
  })
})
