/**
 * The origins a browser may send cookie-authenticated writes from: the configured public URL(s), or for a server on a
 * loopback address both spellings a developer types (`localhost` and `127.0.0.1`).
 */
export function publicOrigins(given: readonly string[], host: string, port: number): readonly string[] {
  if (given.length > 0) return given.map((origin) => new URL(origin).origin)
  const loopback = host === '127.0.0.1' || host === 'localhost' || host === '::1'
  const names = loopback ? ['localhost', '127.0.0.1'] : [host === '0.0.0.0' || host === '::' ? 'localhost' : host]
  return names.map((name) => `http://${name}:${port}`)
}
