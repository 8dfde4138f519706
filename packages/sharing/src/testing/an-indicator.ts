import type { SharedIndicator } from '../shared-indicator.js'

/** One confirmed-fraud indicator for tests: an email at TLP:AMBER unless the parts say otherwise. */
export function anIndicator(parts: Partial<SharedIndicator> = {}): SharedIndicator {
  return { kind: 'email', value: 'jdoe.dev@gmail.com', source: 'ring-a-2026', tlp: 'amber', ...parts }
}

export const cvHash = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855'

/** One indicator of every kind, as an analyst writes them. */
export const everyKind: readonly SharedIndicator[] = [
  anIndicator({
    kind: 'phone',
    value: '+1 (415) 555-0100',
    tlp: 'green',
    confidence: 90,
    firstSeen: '2026-01-10T00:00:00.000Z',
    lastSeen: '2026-02-01T00:00:00.000Z',
    note: 'Ring A burner phone',
    attributedTo: 'Famous Chollima',
  }),
  anIndicator({ confidence: 85, severity: 'critical', note: 'Persona caught 2026-01' }),
  anIndicator({ kind: 'domain', value: 'https://www.Front-Co.com/jobs', tlp: 'clear' }),
  anIndicator({ kind: 'address', value: '9 Elm Road, Apt 2, Dover, DE 19901', tlp: 'amber+strict' }),
  anIndicator({ kind: 'handle', value: 'https://github.com/JDoe-Dev' }),
  anIndicator({ kind: 'handle', value: 'linkedin:jordan-doe-42' }),
  anIndicator({ kind: 'ip', value: '203.0.113.7' }),
  anIndicator({ kind: 'ip', value: '2001:db8:5::/48' }),
  anIndicator({ kind: 'cv-sha256', value: cvHash.toUpperCase() }),
]
