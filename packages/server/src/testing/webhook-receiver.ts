import { createServer, type IncomingHttpHeaders, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'

/** One request a {@link WebhookReceiver} got. */
export type ReceivedWebhook = {
  readonly method: string
  readonly path: string
  readonly headers: IncomingHttpHeaders
  /** The body exactly as sent: what a receiver verifies the signature over. */
  readonly body: string
}

/** How the receiver answers: a status, or a promise of one (to hold the answer back). */
export type ReceiverResponder = (request: ReceivedWebhook, index: number) => number | Promise<number>

/** A real HTTP server on 127.0.0.1 that records what it is sent; for tests of outbound webhooks. */
export type WebhookReceiver = {
  /** `http://127.0.0.1:<port>/hook`. */
  readonly url: string
  readonly port: number
  /** Every request so far, in arrival order. */
  readonly received: readonly ReceivedWebhook[]
  /** Changes how later requests are answered. */
  respondWith(responder: ReceiverResponder): void
  /** Resolves once `count` requests arrived; rejects after `timeoutMs` (default 20 s) so a test cannot hang. */
  waitForRequests(count: number, timeoutMs?: number): Promise<readonly ReceivedWebhook[]>
  close(): Promise<void>
}

/**
 * Starts a receiver on 127.0.0.1 (a given port, e.g. to bring one back up where it was, or any free port). It
 * answers 204 unless told otherwise, with an empty body and `Connection: close`.
 */
export async function startWebhookReceiver(
  options: { readonly port?: number; readonly respond?: ReceiverResponder } = {},
): Promise<WebhookReceiver> {
  const received: ReceivedWebhook[] = []
  let respond: ReceiverResponder = options.respond ?? (() => 204)
  let waiters: { count: number; resolve: () => void }[] = []
  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = []
    request.on('data', (chunk: Buffer) => chunks.push(chunk))
    request.on('end', () => {
      const entry: ReceivedWebhook = {
        method: request.method ?? '',
        path: request.url ?? '',
        headers: request.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      }
      received.push(entry)
      waiters = waiters.filter((waiter) => {
        if (received.length < waiter.count) return true
        waiter.resolve()
        return false
      })
      void Promise.resolve(respond(entry, received.length - 1)).then(
        (status) => {
          response.writeHead(
            status,
            status >= 300 && status < 400 ? { location: '/moved', connection: 'close' } : { connection: 'close' },
          )
          response.end()
        },
        () => response.destroy(),
      )
    })
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve())
  })
  const port = (server.address() as AddressInfo).port
  return {
    url: `http://127.0.0.1:${port}/hook`,
    port,
    received,
    respondWith: (responder) => {
      respond = responder
    },
    waitForRequests: (count, timeoutMs = 20_000) =>
      new Promise((resolve, reject) => {
        if (received.length >= count) {
          resolve(received)
          return
        }
        const timer = setTimeout(
          () => reject(new Error(`expected ${count} webhook requests, got ${received.length}`)),
          timeoutMs,
        )
        waiters.push({
          count,
          resolve: () => {
            clearTimeout(timer)
            resolve(received)
          },
        })
      }),
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}

/** A port on 127.0.0.1 that nothing listens on (a receiver that is down), until something takes it. */
export async function unusedPort(): Promise<number> {
  const receiver = await startWebhookReceiver()
  await receiver.close()
  return receiver.port
}
