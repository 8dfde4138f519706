import { tlp2MarkingIds } from '@hirewall/sharing'

/**
 * Test fixture: a small STIX 2.1 bundle as a partner's platform would send it. A producer identity; indicators for a
 * persona's mailbox (TLP:AMBER, confidence 80), a front company's domain (TLP:RED) and a hosting address
 * (TLP:GREEN); one indicator whose pattern names no email address; and a malware object no watchlist holds.
 */
export function partnerStixBundle(email = 'ring.persona@outlook.com'): Readonly<Record<string, unknown>> {
  const producer = 'identity--0c6d1f4e-6a37-4f5e-9d4b-5f9b3a1c2d7e'
  const indicator = (id: string, pattern: string, tlp: keyof typeof tlp2MarkingIds, extra = {}) => ({
    type: 'indicator',
    spec_version: '2.1',
    id: `indicator--${id}`,
    created: '2026-11-01T09:00:00.000Z',
    modified: '2026-11-01T09:00:00.000Z',
    created_by_ref: producer,
    pattern,
    pattern_type: 'stix',
    valid_from: '2026-11-01T09:00:00.000Z',
    object_marking_refs: [tlp2MarkingIds[tlp]],
    ...extra,
  })
  return {
    type: 'bundle',
    id: 'bundle--7a1d3e55-2c4b-4d8e-9f10-3b2a6c5d4e8f',
    objects: [
      {
        type: 'identity',
        spec_version: '2.1',
        id: producer,
        created: '2026-11-01T09:00:00.000Z',
        modified: '2026-11-01T09:00:00.000Z',
        name: 'Partner Security Team',
        identity_class: 'organization',
      },
      indicator('5b1f0c2e-8d3a-4e6b-9c7d-1a2b3c4d5e6f', `[email-addr:value = '${email}']`, 'amber', {
        confidence: 80,
        description: 'Persona from the Q3 ring',
      }),
      indicator('6c2a1d3f-9e4b-4f7c-8d6e-2b3c4d5e6f70', "[domain-name:value = 'front-co.example']", 'red'),
      indicator('7d3b2e4a-af5c-4a8d-9e7f-3c4d5e6f7081', "[ipv4-addr:value = '203.0.113.7']", 'green'),
      indicator('8e4c3f5b-b06d-4b9e-af80-4d5e6f708192', "[email-addr:value = 'not an email']", 'amber'),
      {
        type: 'malware',
        spec_version: '2.1',
        id: 'malware--31b940d4-6f7f-459a-80ea-9c1f17b5891b',
        created: '2026-11-01T09:00:00.000Z',
        modified: '2026-11-01T09:00:00.000Z',
        name: 'BeaverTail',
        is_family: true,
      },
    ],
  }
}
