import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'

/**
 * A canned response: a body (200 unless `status` says otherwise) sent with its Content-Length, or chunked without
 * one (`isChunked`), or `hang` to never answer.
 */
export type CannedResponse = {
  readonly status?: number
  readonly body?: Uint8Array | string
  readonly isChunked?: boolean
  readonly hang?: boolean
}

export type FileServer = {
  /** `http://127.0.0.1:PORT/`: use it as the mirror. */
  readonly baseUrl: string
  /** Paths requested so far, in order. */
  readonly requests: string[]
  close(): Promise<void>
}

/** Serves canned responses by path on 127.0.0.1 (an ephemeral port) for network-free tests of downloads. */
export async function serveFiles(responses: Readonly<Record<string, CannedResponse>>): Promise<FileServer> {
  const requests: string[] = []
  const server: Server = createServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname)
    requests.push(path)
    const canned = responses[path]
    if (canned?.hang) return
    if (!canned) {
      response.writeHead(404, { 'content-type': 'text/plain' }).end('not found')
      return
    }
    const body = canned.body ?? ''
    const length = canned.isChunked ? {} : { 'content-length': String(Buffer.byteLength(body)) }
    response.writeHead(canned.status ?? 200, { 'content-type': 'application/octet-stream', ...length })
    if (canned.isChunked) response.write(body)
    response.end(canned.isChunked ? undefined : body)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    baseUrl: `http://127.0.0.1:${port}/`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}
