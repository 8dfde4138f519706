import { Webhook } from 'standardwebhooks'
import { describe, expect, it } from 'vitest'
import { generateWebhookSecret, signStandardWebhook, webhookSecretKey } from './standard-webhook-signer.js'
import { verifyStandardWebhook } from './standard-webhook-verifier.js'

// The example published with the Standard Webhooks libraries.
const example = {
  secret: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw',
  id: 'msg_p5jXN8AQM9LWM0D4loKWxJek',
  timestamp: new Date(1614265330 * 1000),
  body: '{"test": 2432232314}',
  signature: 'v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=',
}

const body = JSON.stringify({
  type: 'screening.completed',
  data: { applicationId: 'app-1', outcome: 'hold', score: 91.5 },
})

describe('signStandardWebhook', () => {
  it('reproduces the published example', () => {
    expect(signStandardWebhook(example.secret, example)).toEqual({
      'webhook-id': example.id,
      'webhook-timestamp': '1614265330',
      'webhook-signature': example.signature,
    })
  })

  it('is verified by the standardwebhooks package', () => {
    const secret = generateWebhookSecret()
    const headers = signStandardWebhook(secret, { id: 'msg_1', timestamp: new Date(), body })
    expect(new Webhook(secret).verify(body, { ...headers })).toEqual(JSON.parse(body))
  })

  it('signs with every secret during a rotation, and the package accepts either', () => {
    const [old, next] = [generateWebhookSecret(), generateWebhookSecret()]
    const headers = signStandardWebhook([old, next], { id: 'msg_2', timestamp: new Date(), body })
    expect(headers['webhook-signature'].split(' ')).toHaveLength(2)
    expect(() => new Webhook(old).verify(body, { ...headers })).not.toThrow()
    expect(() => new Webhook(next).verify(body, { ...headers })).not.toThrow()
    expect(() => new Webhook(generateWebhookSecret()).verify(body, { ...headers })).toThrow()
  })

  it('signs a Buffer body exactly like the same text', () => {
    const message = { id: 'msg_3', timestamp: example.timestamp }
    expect(signStandardWebhook(example.secret, { ...message, body: Buffer.from(body) })).toEqual(
      signStandardWebhook(example.secret, { ...message, body }),
    )
  })
})

describe('generateWebhookSecret', () => {
  it('makes whsec_ secrets of 32 random bytes', () => {
    const secret = generateWebhookSecret()
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/)
    expect(webhookSecretKey(secret)).toHaveLength(32)
    expect(generateWebhookSecret()).not.toBe(secret)
  })

  it.each([['whsec_'], ['whsec_c2hvcnQ='], ['whsec_not*base64*at*all*here*no']])(
    'refuses the malformed secret %s',
    (secret) => {
      expect(() => webhookSecretKey(secret)).toThrow(/webhook secret/)
    },
  )
})

describe('verifyStandardWebhook', () => {
  const now = new Date()
  const secret = generateWebhookSecret()
  const signed = signStandardWebhook(secret, { id: 'msg_4', timestamp: now, body })
  const verify = (headers: Record<string, string>, options: { body?: string; now?: Date; secret?: string } = {}) =>
    verifyStandardWebhook({
      secret: options.secret ?? secret,
      headers,
      body: options.body ?? body,
      now: options.now ?? now,
    })

  it('verifies what the standardwebhooks package signs', () => {
    const packageSignature = new Webhook(secret).sign('msg_5', now, body)
    const headers = {
      'webhook-id': 'msg_5',
      'webhook-timestamp': String(Math.floor(now.getTime() / 1000)),
      'webhook-signature': packageSignature,
    }
    expect(verify(headers)).toMatchObject({ status: 'valid', id: 'msg_5' })
  })

  it('verifies the published example at its own time', () => {
    const headers = signStandardWebhook(example.secret, example)
    expect(
      verifyStandardWebhook({ secret: example.secret, headers, body: example.body, now: example.timestamp }),
    ).toMatchObject({ status: 'valid' })
  })

  it.each([
    ['a valid delivery', signed, {}, 'valid'],
    [
      'one good signature among others',
      { ...signed, 'webhook-signature': `v1,AAAA v2,xyz ${signed['webhook-signature']}` },
      {},
      'valid',
    ],
    ['a tampered body', signed, { body: body.replace('hold', 'clear') }, 'mismatch'],
    ['another secret', signed, { secret: generateWebhookSecret() }, 'mismatch'],
    ['a changed id', { ...signed, 'webhook-id': 'msg_other' }, {}, 'mismatch'],
    [
      'only a v2 signature',
      { ...signed, 'webhook-signature': signed['webhook-signature'].replace('v1,', 'v2,') },
      {},
      'mismatch',
    ],
    ['a timestamp 6 minutes old', signed, { now: new Date(now.getTime() + 360_000) }, 'stale'],
    ['a timestamp 6 minutes ahead', signed, { now: new Date(now.getTime() - 360_000) }, 'stale'],
    ['a timestamp 4 minutes old', signed, { now: new Date(now.getTime() + 240_000) }, 'valid'],
    ['a timestamp in milliseconds', { ...signed, 'webhook-timestamp': String(now.getTime()) }, {}, 'malformed'],
    ['a timestamp that is not a number', { ...signed, 'webhook-timestamp': '12e9' }, {}, 'malformed'],
    ['no signature header', { 'webhook-id': 'msg_4', 'webhook-timestamp': signed['webhook-timestamp'] }, {}, 'missing'],
  ])('judges %s', (_name, headers, options, expected) => {
    const verification = verify(headers, options)
    expect(verification.status === 'valid' ? 'valid' : verification.reason).toBe(expected)
  })
})
