import { describe, expect, it } from 'vitest'
import { readListedIndicator, type ListedIndicator } from './listed-indicator.js'
import type { WatchlistIndicatorKind } from './watchlist-entry.js'

const keyOf = (kind: WatchlistIndicatorKind, value: string): string | undefined => {
  const listed: ListedIndicator = readListedIndicator(kind, value)
  return listed.status === 'ok' ? listed.key : undefined
}

describe('readListedIndicator: the comparison key of each kind', () => {
  it.each<[WatchlistIndicatorKind, string, string]>([
    ['phone', '+1 (415) 555-0100', '+14155550100'],
    // Spreadsheets drop the `+`: digits alone are an international number when valid as one.
    ['phone', '14155550100', '+14155550100'],
    ['phone', '1-415-555-0100', '+14155550100'],
    ['phone', '0044 20 7946 0000', '+442079460000'],
    ['phone', '011 44 20 7946 0000', '+442079460000'],
    ['phone', 'tel:+442079460000', '+442079460000'],
    ['email', 'J.Doe+jobs@GMail.com', 'jdoe@gmail.com'],
    ['email', 'jdoe@googlemail.com', 'jdoe@gmail.com'],
    ['email', 'J.Doe@Front-Co.com', 'j.doe@front-co.com'],
    ['email', 'mailto:hr@front-co.com', 'hr@front-co.com'],
    ['domain', 'https://www.Front-Co.com/careers', 'front-co.com'],
    ['address', '123 Main Street, Apt 4B, Springfield, IL 62701-1234', '123 main st #4b springfield il 62701'],
    ['address', '123 MAIN ST. #4B SPRINGFIELD IL 62701 USA', '123 main st #4b springfield il 62701'],
    ['handle', 'github:jdoe', 'github:jdoe'],
    ['handle', 'GitHub: @JDoe', 'github:jdoe'],
    ['handle', 'https://github.com/JDoe/', 'github:jdoe'],
    ['handle', 'linkedin.com/in/jordan-miller-42', 'linkedin:jordan-miller-42'],
    ['handle', 'x:jdoe_dev', 'twitter:jdoe_dev'],
    ['handle', 'https://x.com/jdoe_dev', 'twitter:jdoe_dev'],
    ['handle', 'telegram:jdoe', 'telegram:jdoe'],
    ['ip', '203.0.113.7', '4:cb007107/32'],
    ['ip', '203.0.113.0/24', '4:cb007100/24'],
    ['ip', '2001:db8::/32', '6:20010db8000000000000000000000000/32'],
    [
      'cv-sha256',
      'E3B0C44298FC1C149AFBF4C8996FB92427AE41E4649B934CA495991B7852B855',
      'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
    ],
    [
      'cv-sha256',
      'sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
      'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
    ],
  ])('%s %j → %s', (kind, value, key) => {
    expect(keyOf(kind, value)).toBe(key)
  })
})

describe('readListedIndicator: values that cannot be matched say why', () => {
  it.each<[WatchlistIndicatorKind, string, string]>([
    ['phone', '   ', 'is empty'],
    ['phone', 'call me', 'is not a phone number in international form'],
    ['phone', '+1 415 555 010', 'too short'],
    // A national number would be read in some other country: refused, with how to fix it.
    ['phone', '(415) 555-0100', 'has no country code'],
    ['phone', '415 555 0100', 'has no country code'],
    ['email', 'jdoe.front-co.com', 'is not an email address: it has no @'],
    ['email', 'jdoe@front-co', 'has a domain without a dot'],
    ['domain', 'front co', 'is not a domain name'],
    ['domain', '203.0.113.7', 'is not a domain name'],
    ['address', '--- ,', 'has no letters or digits'],
    ['handle', 'jdoe', 'is neither network:username'],
    ['handle', 'https://front-co.com/team/jdoe', 'is neither network:username'],
    ['ip', '203.0.113.300', 'is not an IP address or CIDR range'],
    ['ip', '203.0.113.0/40', 'is not a prefix length of an IPv4 address'],
    // A /0 is a valid block but would match everyone: a list entry that is surely a slip.
    ['ip', '0.0.0.0/0', 'would match every address'],
    ['ip', '::/0', '/0 would match every address'],
    ['ip', '::ffff:0.0.0.0/96', '/96 would match every address'],
    ['cv-sha256', 'e3b0c442', 'is not a SHA-256 (64 hexadecimal digits)'],
    ['cv-sha256', 'z'.repeat(64), 'is not a SHA-256'],
  ])('%s %j', (kind, value, message) => {
    const listed = readListedIndicator(kind, value)
    expect(listed.status).toBe('invalid')
    expect(listed.status === 'invalid' && listed.message).toContain(message)
  })
})
