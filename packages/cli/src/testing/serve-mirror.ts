import { readFile } from 'node:fs/promises'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'

/** What the mirror answers for one official URL: a file from disk, or an HTTP error status. */
export type MirrorEntry = { readonly file: string } | { readonly status: number }

export type Mirror = {
  /** `http://127.0.0.1:PORT/`, for `--mirror`. */
  readonly url: string
  /** Replaces what the mirror serves for an official URL. */
  set(officialUrl: string, entry: MirrorEntry): void
  close(): Promise<void>
}

/**
 * An internal mirror for CLI tests, on 127.0.0.1: it serves each official URL under its host and path, as
 * `hirewall intel update --mirror` expects; anything else is 404.
 */
export async function serveMirror(entries: Readonly<Record<string, MirrorEntry>>): Promise<Mirror> {
  const byPath = new Map<string, MirrorEntry>()
  const pathOf = (officialUrl: string): string => {
    const url = new URL(officialUrl)
    return `/${url.host}${url.pathname}`
  }
  for (const [officialUrl, entry] of Object.entries(entries)) byPath.set(pathOf(officialUrl), entry)
  const server = createServer((request, response) => {
    const entry = byPath.get(new URL(request.url ?? '/', 'http://localhost').pathname)
    if (!entry || 'status' in entry) {
      response.writeHead(entry && 'status' in entry ? entry.status : 404).end()
      return
    }
    readFile(entry.file).then(
      (body) => response.writeHead(200, { 'content-length': String(body.byteLength) }).end(body),
      () => response.writeHead(500).end(),
    )
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`,
    set: (officialUrl, entry) => byPath.set(pathOf(officialUrl), entry),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}
