import { describe, expect, it } from 'vitest'
import { mirrorUrl, resolveIntelMirror } from './mirror-url.js'

describe('mirrorUrl', () => {
  it.each([
    [
      'https://sanctionslistservice.ofac.treas.gov/api/PublicationPreview/exports/SDN.CSV',
      'http://127.0.0.1:8080/',
      'http://127.0.0.1:8080/sanctionslistservice.ofac.treas.gov/api/PublicationPreview/exports/SDN.CSV',
    ],
    [
      'https://scsanctions.un.org/resources/xml/en/consolidated.xml',
      'https://mirror.internal/intel',
      'https://mirror.internal/intel/scsanctions.un.org/resources/xml/en/consolidated.xml',
    ],
    ['https://example.org:8443/a/b.csv?format=csv', 'http://m/', 'http://m/example.org:8443/a/b.csv'],
  ])('%s via %s', (official, mirror, expected) => {
    expect(mirrorUrl(official, mirror)).toBe(expected)
  })
})

describe('resolveIntelMirror', () => {
  it.each([
    ['no setting', undefined, {}, { status: 'none' }],
    [
      'the flag',
      'http://m.internal/',
      { HIREWALL_INTEL_MIRROR: 'http://other/' },
      { status: 'ok', mirror: 'http://m.internal/' },
    ],
    [
      'the environment',
      undefined,
      { HIREWALL_INTEL_MIRROR: 'https://m.internal/x/' },
      { status: 'ok', mirror: 'https://m.internal/x/' },
    ],
    [
      'not a URL',
      'mirror.internal',
      {},
      { status: 'invalid', message: expect.stringMatching(/--mirror "mirror\.internal" is not a URL/) as string },
    ],
    [
      'not http',
      undefined,
      { HIREWALL_INTEL_MIRROR: 'ftp://m/' },
      { status: 'invalid', message: expect.stringMatching(/HIREWALL_INTEL_MIRROR .* must be an http/) as string },
    ],
  ])('%s', (_case, flag, env, expected) => {
    expect(resolveIntelMirror(flag, env)).toEqual(expected)
  })
})
