/** Where the console goes after a sign-in when no return path was asked for. */
export const defaultReturnPath = '/'

/** Path prefixes that belong to the server, not the console: a sign-in never returns to them. */
const serverPrefixes = ['/v1/', '/docs', '/webhooks/', '/taxii', '/healthz', '/readyz', '/metrics']
const maxLength = 512
// Path and query of a console page: printable ASCII without backslash, quote marks, angle brackets or spaces.
const allowed = /^\/[A-Za-z0-9\-._~!$&'()*+,;=:@%/?]*$/

/**
 * The console path `value` names, or `null` when it is anything else: another origin (`https://evil.example`,
 * `//evil.example`, `/\evil.example`), a scheme (`javascript:`), a server route, a fragment, or more than 512
 * characters. Only a path on the console's own origin is ever redirected to (no open redirect).
 */
export function checkReturnPath(value: string): string | null {
  if (value.length === 0 || value.length > maxLength || !allowed.test(value)) return null
  if (value.startsWith('//')) return null
  // Resolved against a placeholder origin, a console path keeps that origin and its exact spelling.
  const base = 'https://console.invalid'
  let resolved: URL
  try {
    resolved = new URL(value, base)
  } catch {
    return null
  }
  if (resolved.origin !== base || `${resolved.pathname}${resolved.search}` !== value) return null
  const path = resolved.pathname
  if (serverPrefixes.some((prefix) => path === prefix.replace(/\/$/, '') || path.startsWith(prefix))) return null
  return value
}
