/** An email address split and canonicalised for comparison. */
export type ParsedEmail = {
  readonly raw: string
  readonly isValid: boolean
  /** Why it is not a valid address, when it is not. */
  readonly problem?: string
  readonly local: string
  /** Lower-case domain. */
  readonly domain: string
  /** The mailbox as the provider routes it: lower case, no +tag, no dots for providers that ignore them. */
  readonly canonical: string
}

// Providers that deliver `j.o.h.n@` to `john@`; +tags are ignored by nearly all large providers.
const dotInsensitiveDomains = new Set(['gmail.com', 'googlemail.com'])
const domainAliases: Readonly<Record<string, string>> = { 'googlemail.com': 'gmail.com' }

// A pragmatic RFC 5321 subset: what real mail systems accept, not every quoted form RFC 5322 allows.
const localPattern = /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*$/
const labelPattern = /^(?!-)[A-Za-z0-9-]{1,63}(?<!-)$/

export function parseEmail(raw: string): ParsedEmail {
  const value = raw.trim()
  const at = value.lastIndexOf('@')
  const local = at > 0 ? value.slice(0, at) : value
  const domain = at > 0 ? value.slice(at + 1).toLowerCase() : ''
  const problem = emailProblem(value, at, local, domain)
  const canonicalDomain = domainAliases[domain] ?? domain
  let canonicalLocal = local.toLowerCase()
  const plus = canonicalLocal.indexOf('+')
  if (plus > 0) canonicalLocal = canonicalLocal.slice(0, plus)
  if (dotInsensitiveDomains.has(canonicalDomain)) canonicalLocal = canonicalLocal.replaceAll('.', '')
  return {
    raw,
    isValid: problem === undefined,
    ...(problem ? { problem } : {}),
    local,
    domain,
    canonical: `${canonicalLocal}@${canonicalDomain}`,
  }
}

function emailProblem(value: string, at: number, local: string, domain: string): string | undefined {
  if (at <= 0) return 'has no @ or nothing before it'
  if (value.indexOf('@') !== at) return 'has more than one @'
  if (local.length > 64) return 'has a local part longer than 64 characters'
  if (!localPattern.test(local)) return 'has characters or dots not allowed in the local part'
  if (domain.length === 0) return 'has no domain'
  if (domain.length > 253) return 'has a domain longer than 253 characters'
  const labels = domain.split('.')
  if (labels.length < 2) return 'has a domain without a dot'
  if (!labels.every((label) => labelPattern.test(label))) return 'has an invalid domain label'
  if (!/^[a-z]{2,63}$/.test(labels[labels.length - 1] ?? '') && !/^xn--/.test(labels[labels.length - 1] ?? '')) {
    return 'has a top-level domain that is not letters'
  }
  return undefined
}
