import { hash, parseOptions, verify } from '@node-rs/argon2'

/**
 * Argon2id parameters from the OWASP Password Storage Cheat Sheet's first option: 19 MiB of memory, 2 passes,
 * 1 lane (~20 ms on one core). Raising them later is safe: {@link needsRehash} flags old hashes at the next sign-in.
 */
export const passwordHashParameters = { memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const

/** Length bounds for a new password: 15 when it is the only factor (NIST SP 800-63B), and a cap against abuse. */
export const passwordLength = { minimum: 15, maximum: 256 } as const

// Argon2id in the library's numbering (its `Algorithm` is a const enum, which isolated modules cannot import).
const argon2id = 2

/** Problems with a password someone wants to set, as sentences; empty when it is acceptable. */
export function checkNewPassword(password: string): readonly string[] {
  const length = [...password].length
  if (length < passwordLength.minimum) return [`must be at least ${passwordLength.minimum} characters long`]
  if (length > passwordLength.maximum) return [`must be at most ${passwordLength.maximum} characters long`]
  return []
}

/** Hashes a password with Argon2id into a PHC string (`$argon2id$v=19$m=19456,t=2,p=1$salt$hash`). */
export async function hashPassword(password: string): Promise<string> {
  return hash(password.normalize('NFKC'), { ...passwordHashParameters })
}

let unknownUserHash: Promise<string> | undefined

/**
 * True when `password` matches `storedHash`. Pass `undefined` for an unknown user: the check still costs one Argon2id
 * run and answers false, so response time does not reveal which accounts exist. Runs on the libuv thread pool.
 */
export async function verifyPassword(storedHash: string | undefined, password: string): Promise<boolean> {
  const normalised = password.normalize('NFKC')
  if (storedHash === undefined) {
    unknownUserHash ??= hashPassword('a password no account has; it only spends time')
    await verify(await unknownUserHash, normalised)
    return false
  }
  return verify(storedHash, normalised)
}

/** True when `storedHash` was made with other parameters than today's, so it should be replaced after sign-in. */
export function needsRehash(storedHash: string): boolean {
  const options = parseOptions(storedHash)
  return (
    Number(options.algorithm) !== argon2id ||
    options.memoryCost !== passwordHashParameters.memoryCost ||
    options.timeCost !== passwordHashParameters.timeCost ||
    options.parallelism !== passwordHashParameters.parallelism
  )
}
