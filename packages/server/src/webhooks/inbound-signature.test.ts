import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { verifyInboundSignature, type InboundSignatureCheck } from './inbound-signature.js'

// RFC 4231 test case 2: HMAC-SHA256 with key "Jefe", an independent check of the digest and its encoding.
const rfcBody = Buffer.from('what do ya want for nothing?')
const rfcDigest = '5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843'

// Signed beforehand (outside Node) with the signature token below, over `token + triggeredAt` as Lever documents.
const leverBody = readFileSync(new URL('./fixtures/lever-candidate-stage-change.json', import.meta.url))
const leverSecret = 'lever-signature-token-for-tests'
const leverTriggeredAt = 1431454330072

function check(overrides: Partial<InboundSignatureCheck>): InboundSignatureCheck {
  return { vendor: 'greenhouse', secrets: ['Jefe'], headers: {}, rawBody: rfcBody, ...overrides }
}

function leverWith(fields: Record<string, unknown>): Buffer {
  return Buffer.from(JSON.stringify({ ...(JSON.parse(leverBody.toString('utf8')) as object), ...fields }))
}

describe('verifyInboundSignature', () => {
  it.each([
    ['Greenhouse, valid', check({ headers: { signature: `sha256 ${rfcDigest}` } }), 'valid'],
    ['Greenhouse, upper-case hex', check({ headers: { signature: `sha256 ${rfcDigest.toUpperCase()}` } }), 'valid'],
    [
      'Greenhouse, second secret during rotation',
      check({ secrets: ['new', 'Jefe'], headers: { signature: `sha256 ${rfcDigest}` } }),
      'valid',
    ],
    ['Greenhouse, no header', check({}), 'missing'],
    ['Greenhouse, Ashby-style header', check({ headers: { signature: `sha256=${rfcDigest}` } }), 'malformed'],
    ['Greenhouse, sha1', check({ headers: { signature: `sha1 ${rfcDigest.slice(0, 40)}` } }), 'malformed'],
    [
      'Greenhouse, wrong secret',
      check({ secrets: ['jefe'], headers: { signature: `sha256 ${rfcDigest}` } }),
      'mismatch',
    ],
    [
      'Greenhouse, body changed by one byte',
      check({ rawBody: Buffer.from('what do ya want for nothing!'), headers: { signature: `sha256 ${rfcDigest}` } }),
      'mismatch',
    ],
    [
      'Greenhouse, no secret configured',
      check({ secrets: [], headers: { signature: `sha256 ${rfcDigest}` } }),
      'mismatch',
    ],
    ['Ashby, valid', check({ vendor: 'ashby', headers: { 'ashby-signature': `sha256=${rfcDigest}` } }), 'valid'],
    [
      'Ashby, Greenhouse-style header',
      check({ vendor: 'ashby', headers: { signature: `sha256 ${rfcDigest}` } }),
      'missing',
    ],
    ['Ashby, no prefix', check({ vendor: 'ashby', headers: { 'ashby-signature': rfcDigest } }), 'malformed'],
    [
      'Ashby, wrong digest',
      check({ vendor: 'ashby', headers: { 'ashby-signature': `sha256=${'0'.repeat(64)}` } }),
      'mismatch',
    ],
    ['Lever, valid', check({ vendor: 'lever', secrets: [leverSecret], rawBody: leverBody }), 'valid'],
    ['Lever, wrong secret', check({ vendor: 'lever', secrets: ['other'], rawBody: leverBody }), 'mismatch'],
    [
      'Lever, triggeredAt changed',
      check({ vendor: 'lever', secrets: [leverSecret], rawBody: leverWith({ triggeredAt: leverTriggeredAt + 1 }) }),
      'mismatch',
    ],
    [
      'Lever, triggeredAt as a string',
      check({ vendor: 'lever', secrets: [leverSecret], rawBody: leverWith({ triggeredAt: String(leverTriggeredAt) }) }),
      'valid',
    ],
    [
      'Lever, no signature fields',
      check({ vendor: 'lever', secrets: [leverSecret], rawBody: Buffer.from('{"event":"candidateHired","data":{}}') }),
      'missing',
    ],
    [
      'Lever, signature not hex',
      check({ vendor: 'lever', secrets: [leverSecret], rawBody: leverWith({ signature: 'z'.repeat(64) }) }),
      'malformed',
    ],
    [
      'Lever, body not JSON',
      check({ vendor: 'lever', secrets: [leverSecret], rawBody: Buffer.from('token=x') }),
      'malformed',
    ],
    [
      'Lever, within the maximum age',
      check({
        vendor: 'lever',
        secrets: [leverSecret],
        rawBody: leverBody,
        maxAgeMs: 60_000,
        now: new Date(leverTriggeredAt + 59_000),
      }),
      'valid',
    ],
    [
      'Lever, older than the maximum age',
      check({
        vendor: 'lever',
        secrets: [leverSecret],
        rawBody: leverBody,
        maxAgeMs: 60_000,
        now: new Date(leverTriggeredAt + 61_000),
      }),
      'stale',
    ],
  ])('%s', (_name, input, expected) => {
    const verification = verifyInboundSignature(input)
    expect(verification.status === 'valid' ? 'valid' : verification.reason).toBe(expected)
  })
})
