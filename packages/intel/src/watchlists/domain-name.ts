import { parseEmail } from '@hirewall/core'

const schemePattern = /^[a-z][a-z0-9+.-]*:\/\//i

/**
 * The host name a domain, URL or email address names, lower case, internationalised names in their `xn--` form and
 * without `www.`: `https://www.Front-Co.com/jobs` → `front-co.com`. Undefined for IP addresses and text that is not
 * a host name.
 */
export function normaliseDomain(text: string): string | undefined {
  let candidate = text.trim().replace(/^mailto:/i, '')
  if (!schemePattern.test(candidate)) {
    const authority = candidate.split(/[/?#]/, 1)[0] ?? ''
    // `@front-co.com` and `*.front-co.com` are how people write "anything at this domain".
    candidate = authority.slice(authority.lastIndexOf('@') + 1).replace(/^\*?\./, '')
  }
  let host: string
  try {
    host = new URL(schemePattern.test(candidate) ? candidate : `https://${candidate}`).hostname
  } catch {
    return undefined
  }
  host = host.replace(/\.$/, '').replace(/^www\./, '')
  // A mail domain's rules (labels, a letter top-level domain) are exactly a host name's; reuse them.
  return parseEmail(`x@${host}`).isValid ? host : undefined
}

const urlHostPattern = /^(?:[^@/?#\s]*@)?([^/?#:\s]+)/
const asciiPattern = /^[\x21-\x7e]*$/

/**
 * The host of a URL as an application records it (`https://www.Front-Co.com/jobs`, `front-co.com/about`), in the
 * form `normaliseDomain` gives, but without validating it: a malformed host simply matches no listed domain. The
 * URL parser, which costs more than the rest of a lookup, runs only for internationalised names.
 */
export function hostOfUrl(url: string): string | undefined {
  const host = urlHostPattern.exec(url.trim().replace(schemePattern, ''))?.[1]
  if (host === undefined) return undefined
  if (!asciiPattern.test(host)) return normaliseDomain(url)
  return host
    .toLowerCase()
    .replace(/\.$/, '')
    .replace(/^www\./, '')
}

/** The host and every parent domain of it that still has a dot: `mail.front-co.com`, `front-co.com`. */
export function domainAndParents(host: string): readonly string[] {
  const found = [host]
  for (let dot = host.indexOf('.'); dot !== -1; dot = host.indexOf('.', dot + 1)) {
    const parent = host.slice(dot + 1)
    if (parent.includes('.')) found.push(parent)
  }
  return found
}
