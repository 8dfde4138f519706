/**
 * Where `intel update` fetches an official file when a mirror is set: the mirror's base URL, then the official
 * URL's host and path (`https://www.treasury.gov/ofac/downloads/sdn.csv` → `<mirror>/www.treasury.gov/ofac/downloads/sdn.csv`).
 * That is the layout `wget --force-directories` writes, so an air-gapped site can fill a static web server from a
 * machine that is online, and hosts never collide. The query string is dropped: static servers ignore it.
 */
export function mirrorUrl(officialUrl: string, mirror: string): string {
  const official = new URL(officialUrl)
  const base = mirror.endsWith('/') ? mirror : `${mirror}/`
  return new URL(`./${official.host}${official.pathname}`, base).toString()
}

export type MirrorSetting =
  | { readonly status: 'none' }
  | { readonly status: 'ok'; readonly mirror: string }
  | { readonly status: 'invalid'; readonly message: string }

/** The mirror from `--mirror`, else `$HIREWALL_INTEL_MIRROR`; it must be an http(s) URL. */
export function resolveIntelMirror(
  flag: string | undefined,
  env: Readonly<Record<string, string | undefined>> = process.env,
): MirrorSetting {
  const value = flag?.trim() || env.HIREWALL_INTEL_MIRROR?.trim()
  if (!value) return { status: 'none' }
  const source = flag?.trim() ? '--mirror' : 'HIREWALL_INTEL_MIRROR'
  let url: URL
  try {
    url = new URL(value)
  } catch {
    return { status: 'invalid', message: `${source} "${value}" is not a URL (e.g. http://mirror.internal/intel/)` }
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    return { status: 'invalid', message: `${source} "${value}" must be an http:// or https:// URL` }
  return { status: 'ok', mirror: url.toString() }
}
