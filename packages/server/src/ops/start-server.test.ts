import { EventEmitter } from 'node:events'
import { describe, expect, it } from 'vitest'
import { buildApp } from '../app/build-app.js'
import { startServer } from './start-server.js'

function deferred(): { promise: Promise<void>; resolve: () => void } {
  let resolve = (): void => undefined
  const promise = new Promise<void>((done) => {
    resolve = done
  })
  return { promise, resolve }
}

// A request sent while draining must not be served: the connection is refused or it gets the house 503.
async function tryRequest(url: string): Promise<number | 'refused'> {
  try {
    const response = await fetch(url)
    return response.status
  } catch {
    return 'refused'
  }
}

async function slowServer(options: { shutdownTimeoutMs?: number } = {}) {
  const events: string[] = []
  const handlerStarted = deferred()
  const release = deferred()
  const app = await buildApp({ logLevel: 'silent', processMetrics: false })
  app.get('/slow', async () => {
    events.push('request started')
    handlerStarted.resolve()
    await release.promise
    events.push('request finished')
    return { done: true }
  })
  const signals = new EventEmitter()
  const server = await startServer(app, {
    port: 0,
    host: '127.0.0.1',
    signalSource: signals,
    exit: (code) => events.push(`exit ${code}`),
    ...options,
  })
  return { events, handlerStarted, release, signals, server }
}

describe('startServer', () => {
  it('on SIGTERM finishes the in-flight request, refuses new ones, runs the shutdown hooks, then exits 0', async () => {
    const { events, handlerStarted, release, signals, server } = await slowServer()
    server.onShutdown('database', () => {
      events.push('database closed')
    })
    server.onShutdown('job workers', () => {
      events.push('workers stopped')
    })
    const inFlight = fetch(`${server.url}/slow`)
    await handlerStarted.promise
    signals.emit('SIGTERM')
    expect(await tryRequest(`${server.url}/healthz`)).toSatisfy((outcome) => outcome === 'refused' || outcome === 503)
    release.resolve()
    const response = await inFlight
    expect(response.status).toBe(200)
    expect(await response.json()).toEqual({ done: true })
    const report = await server.shutdown('again')
    expect(report).toEqual({ status: 'clean', reason: 'SIGTERM', failedHooks: [] })
    expect(events).toEqual(['request started', 'request finished', 'workers stopped', 'database closed', 'exit 0'])
    expect(await tryRequest(`${server.url}/healthz`)).toBe('refused')
  })

  it('cuts connections and exits 1 when requests outlast the timeout', async () => {
    const { events, handlerStarted, release, server } = await slowServer({ shutdownTimeoutMs: 100 })
    const inFlight = tryRequest(`${server.url}/slow`)
    await handlerStarted.promise
    const report = await server.shutdown('test')
    expect(report.status).toBe('timed-out')
    expect(await inFlight).toBe('refused')
    expect(events).toEqual(['request started', 'exit 1'])
    release.resolve()
  })

  it('exits 1 and names the hook when a shutdown hook fails', async () => {
    const { events, server } = await slowServer()
    server.onShutdown('job workers', () => {
      throw new Error('worker stuck')
    })
    const report = await server.shutdown('test')
    expect(report).toEqual({ status: 'clean', reason: 'test', failedHooks: ['job workers'] })
    expect(events).toEqual(['exit 1'])
  })
})
