import { createHash, createHmac } from 'node:crypto'

/**
 * The comparison key of a pay destination: routing and account numbers (or an IBAN, or a wallet address) with spaces,
 * dashes and case folded away, hashed. With a key (an organisation secret) it is HMAC-SHA-256, which cannot be reversed
 * by trying every account number; without one it is plain SHA-256, fine for tests and demos only. The account number
 * itself is never kept.
 */
export function hashAccount(routing: string | undefined, account: string, key?: string): string {
  const fold = (text: string): string => text.replace(/[\s-]+/g, '').toUpperCase()
  const text = `${fold(routing ?? '')}|${fold(account)}`
  return key === undefined || key === ''
    ? `sha256:${createHash('sha256').update(text).digest('hex')}`
    : `hmac-sha256:${createHmac('sha256', key).update(text).digest('hex')}`
}

/** An already hashed account as an upstream system may deliver it: `sha256:` or `hmac-sha256:` and 64 hex digits. */
export function isAccountHash(text: string): boolean {
  return /^(sha256|hmac-sha256):[0-9a-f]{64}$/.test(text)
}
