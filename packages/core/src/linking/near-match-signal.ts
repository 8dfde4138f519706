import type { Severity } from '../signals/severity.js'
import type { Signal } from '../signals/signal.js'
import type { Identifier } from './identifier-kind.js'
import { sharedIdentifierCodes, type IdentitySignalCode } from './identity-signals.js'

/** A near match found by the text or photo index: the matched entry and how close it is (1 is identical). */
export type NearMatch = { readonly entry: number; readonly similarity: number }

const kindNames: Readonly<Record<Identifier['kind'], string>> = {
  phone: 'phone',
  email: 'email address',
  address: 'postal address',
  device: 'device',
  ip: 'IP address',
  'ip-prefix': 'network',
  profile: 'profile',
  'cv-file': 'CV file',
  'cv-text': 'CV text',
  photo: 'photo',
  referrer: 'referrer',
  payee: 'payee',
}

/** The sentence of a shared exact identifier: what was shared, as typed, and with whom. */
export function describeSharing(
  identifier: Identifier,
  otherPeople: number,
  sameSurname: number,
  otherApplicationIds: readonly string[],
): string {
  const typed =
    identifier.display === identifier.value ? identifier.value : `${identifier.display} (${identifier.value})`
  const people = otherPeople === 1 ? '1 other claimed person' : `${otherPeople} other claimed people`
  const family = sameSurname === 0 ? '' : `, ${sameSurname} of them with the same surname`
  return `The ${kindNames[identifier.kind]} ${typed} was already used by ${people}${family}: ${otherApplicationIds.join(', ')}.`
}

export function nearMatchSignal(
  kind: 'cv-text' | 'photo',
  severity: Severity,
  otherPeople: number,
  matches: readonly { readonly applicationId: string; readonly similarity: number }[],
  passages: readonly string[],
): Signal<IdentitySignalCode> {
  const people = otherPeople === 1 ? '1 other claimed person' : `${otherPeople} other claimed people`
  const ids = matches.map((match) => match.applicationId).join(', ')
  const best = matches[0]?.similarity ?? 0
  if (kind === 'photo') {
    const distance = Math.round((1 - best) * 64)
    return {
      code: sharedIdentifierCodes.photo,
      severity,
      message: `The photo matches the photo of ${people} (${distance} of 64 hash bits differ): ${ids}.`,
      evidence: {
        otherPeople,
        matches: matches.map((match) => ({
          applicationId: match.applicationId,
          distance: Math.round((1 - match.similarity) * 64),
        })),
      },
    }
  }
  return {
    code: sharedIdentifierCodes['cv-text'],
    severity,
    message: `The CV text is a near-duplicate (similarity ${best.toFixed(2)}) of the CVs of ${people}: ${ids}.`,
    evidence: { otherPeople, similarity: best, matches, sharedPassages: passages },
  }
}
