import type { FastifyInstance } from 'fastify'

/** Where shutdown signals come from: the process by default, an event emitter in tests. */
export type SignalSource = {
  once(signal: NodeJS.Signals, listener: () => void): unknown
  off(signal: NodeJS.Signals, listener: () => void): unknown
}

/** Options of {@link startServer}. */
export type StartServerOptions = {
  readonly port: number
  readonly host: string
  /** How long in-flight requests and shutdown hooks get before connections are cut; 10 s by default. */
  readonly shutdownTimeoutMs?: number | undefined
  /** The signals that start a graceful shutdown; SIGTERM and SIGINT by default. */
  readonly signals?: readonly NodeJS.Signals[] | undefined
  readonly signalSource?: SignalSource | undefined
  /** Called with the exit code once shutdown is over; `process.exit` by default. */
  readonly exit?: ((code: number) => void) | undefined
}

/** How a shutdown ended. `timed-out` means connections were cut or a hook had not finished in time. */
export type ShutdownReport = {
  readonly status: 'clean' | 'timed-out'
  readonly reason: string
  readonly failedHooks: readonly string[]
}

/** A listening server. */
export type RunningServer = {
  /** The URL it listens on, e.g. `http://127.0.0.1:8080`. */
  readonly url: string
  readonly port: number
  /**
   * Registers work to finish after the last in-flight request, e.g. stopping job workers or closing the database
   * pool. Hooks run one at a time, the last registered first, within the shutdown timeout.
   */
  onShutdown(name: string, hook: () => Promise<void> | void): void
  /** Starts the graceful shutdown (as a signal does) and resolves when it is over; calling it again is harmless. */
  shutdown(reason: string): Promise<ShutdownReport>
}

/**
 * Listens on `host:port` and shuts down gracefully on SIGTERM/SIGINT: new requests get 503 and readiness fails, the
 * listener closes, in-flight requests finish, then shutdown hooks run; past the timeout, open connections are cut.
 * Then it calls `exit` with 0 for a clean shutdown and 1 otherwise.
 */
export async function startServer(app: FastifyInstance, options: StartServerOptions): Promise<RunningServer> {
  const timeoutMs = options.shutdownTimeoutMs ?? 10_000
  const signals = options.signals ?? ['SIGTERM', 'SIGINT']
  const signalSource = options.signalSource ?? process
  const exit = options.exit ?? ((code: number) => process.exit(code))
  const hooks: { readonly name: string; readonly hook: () => Promise<void> | void }[] = []
  let shuttingDown: Promise<ShutdownReport> | undefined

  await app.listen({ port: options.port, host: options.host })
  const address = app.server.address()
  const port = typeof address === 'object' && address !== null ? address.port : options.port
  const host = options.host.includes(':') ? `[${options.host}]` : options.host

  const shutdown = (reason: string): Promise<ShutdownReport> => {
    shuttingDown ??= drain(reason).then((report) => {
      app.log.info(report, 'shutdown finished')
      exit(report.status === 'clean' && report.failedHooks.length === 0 ? 0 : 1)
      return report
    })
    return shuttingDown
  }

  const onSignal = new Map(signals.map((signal) => [signal, () => void shutdown(signal)] as const))
  for (const [signal, listener] of onSignal) signalSource.once(signal, listener)

  async function drain(reason: string): Promise<ShutdownReport> {
    app.log.info({ reason, timeoutMs }, 'shutdown started')
    for (const [signal, listener] of onSignal) signalSource.off(signal, listener)
    app.lifecycle.isDraining = true
    const failedHooks: string[] = []
    let timer: NodeJS.Timeout | undefined
    const timedOut = new Promise<'timed-out'>((resolve) => {
      timer = setTimeout(() => resolve('timed-out'), timeoutMs)
    })
    const work = (async () => {
      try {
        await app.close()
      } catch (error) {
        failedHooks.push('http')
        app.log.error({ err: error }, 'closing the HTTP server failed')
      }
      for (const { name, hook } of [...hooks].reverse()) {
        try {
          await hook()
        } catch (error) {
          failedHooks.push(name)
          app.log.error({ err: error, hook: name }, 'shutdown hook failed')
        }
      }
      return 'clean' as const
    })()
    const status = await Promise.race([work, timedOut])
    clearTimeout(timer)
    if (status === 'timed-out') {
      app.log.warn({ timeoutMs }, 'shutdown timed out; closing the remaining connections')
      app.server.closeAllConnections()
    }
    return { status, reason, failedHooks }
  }

  return {
    url: `http://${host}:${port}`,
    port,
    onShutdown: (name, hook) => {
      hooks.push({ name, hook })
    },
    shutdown,
  }
}
