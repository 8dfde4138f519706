import { randomInt } from 'node:crypto'
import { checkNewPassword } from './password-hash.js'

// No 0/O, 1/l/I: an admin may read the password out or copy it by hand.
const alphabet = '23456789ABCDEFGHJKMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz'
const groups = 5
const groupLength = 5

/**
 * A random one-time password for a new user, a reset or the first admin: five groups of five characters from a
 * 56-character alphabet without look-alikes (145 bits), e.g. `k7Qm2-…`. It satisfies {@link checkNewPassword}; the
 * user must replace it at the first sign-in.
 */
export function generateOneTimePassword(): string {
  const parts: string[] = []
  for (let group = 0; group < groups; group += 1) {
    let part = ''
    for (let index = 0; index < groupLength; index += 1) part += alphabet.charAt(randomInt(alphabet.length))
    parts.push(part)
  }
  const password = parts.join('-')
  // A programmer error if the policy ever grows past what this generates.
  if (checkNewPassword(password).length > 0) throw new Error('one-time passwords no longer meet the password policy')
  return password
}
