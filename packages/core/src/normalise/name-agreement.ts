import { areNicknameEquivalent } from './nicknames.js'
import { isRelatedToName, parsePersonName, type PersonName } from './person-name.js'

/** Whether a name shown elsewhere (a profile's display name) names the applicant, someone else, or cannot be judged. */
export const nameAgreements = ['same', 'different', 'unknown'] as const
export type NameAgreement = (typeof nameAgreements)[number]

/** What follows these in a display name is a headline or credentials, not the name (`Jordan Miller | Backend`). */
const headlineSeparators = /\s*(?:[|,([{•·]|\s[-–—]\s).*$/u

const latinToken = /^[a-z0-9]+$/
const handleLike = /^(?=\S*[-_.\d])[\p{L}\p{N}._-]+$/u

function tokensAgree(shown: string, own: string): boolean {
  if (shown === own) return true
  if (shown.length === 1 || own.length === 1) return shown[0] === own[0]
  if (Math.min(shown.length, own.length) >= 3 && (shown.startsWith(own) || own.startsWith(shown))) return true
  return areNicknameEquivalent(shown, own)
}

/**
 * Compares a display name with the applicant's name, tolerating order (`Miller Jordan`), initials (`J. Miller`),
 * middle names, diacritics, shortened and nick names (`Alex`, `Bob` for Robert) and handle-like forms (`jmiller`).
 * It says `different` only when no word of the display name fits the applicant's name, or when a given or middle name
 * fits but another surname stands beside it (`Jordan Smith`). Names in another script cannot be compared: `unknown`.
 */
export function compareDisplayName(displayName: string, name: PersonName): NameAgreement {
  // A one-word display name with handle punctuation or digits (`aaron-dev`, `cloud_coder1019`) is a handle, not a
  // person's name: it names nobody else. Whether it fits the applicant is the handle check's question.
  const trimmed = displayName.trim()
  if (handleLike.test(trimmed)) return isRelatedToName(trimmed, name) ? 'same' : 'unknown'
  const shown = parsePersonName(displayName.replace(headlineSeparators, '')).tokens
  const own = name.tokens
  if (shown.length === 0 || own.length === 0) return 'unknown'
  if (!shown.every((token) => latinToken.test(token)) || !own.every((token) => latinToken.test(token))) return 'unknown'

  const matchedOwn = new Set<number>()
  let foreignWords = 0
  let unmatchedInitials = 0
  for (const token of shown) {
    if (/^\d+$/.test(token)) continue
    const index = own.findIndex((candidate) => tokensAgree(token, candidate))
    if (token.length === 1) {
      if (index === -1) unmatchedInitials++
      continue
    }
    if (index !== -1) matchedOwn.add(index)
    // A handle-like word (`jmiller`, `jordanm`) built from the name counts as agreeing with more than the given name.
    else if (token.length >= 5 && isRelatedToName(token, name)) matchedOwn.add(-1)
    else foreignWords++
  }
  if (matchedOwn.size === 0) return foreignWords > 0 || unmatchedInitials > 0 ? 'different' : 'same'
  // Another word beside a given or middle name is another surname; beside the applicant's surname it is a credential.
  const hasSurname = matchedOwn.has(own.length - 1) || matchedOwn.has(-1)
  return foreignWords > 0 && !hasSurname ? 'different' : 'same'
}
