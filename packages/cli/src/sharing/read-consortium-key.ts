import { readFile } from 'node:fs/promises'
import { UsageError } from '../usage-error.js'

/** The shortest consortium key accepted: an HMAC key shorter than this is guessable. */
export const minimumKeyBytes = 16

/** The environment variable naming the consortium key file that screening uses for hashed watchlist entries. */
export const consortiumKeyFileVariable = 'HIREWALL_CONSORTIUM_KEY_FILE'

/** A consortium key file's bytes, surrounding white space trimmed (a key written by `echo` keeps its meaning). */
export async function readConsortiumKey(file: string): Promise<Uint8Array> {
  let bytes: Buffer
  try {
    bytes = await readFile(file)
  } catch (error) {
    throw new UsageError(`cannot read the key file ${file}: ${error instanceof Error ? error.message : String(error)}`)
  }
  const key = Buffer.from(bytes.toString('latin1').trim(), 'latin1')
  if (key.length < minimumKeyBytes) {
    throw new UsageError(
      `the key in ${file} has ${key.length} bytes: a consortium key needs ${minimumKeyBytes} at least`,
    )
  }
  return key
}
