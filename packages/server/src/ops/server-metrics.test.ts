import { describe, expect, it } from 'vitest'
import { buildApp } from '../app/build-app.js'

describe('/metrics', () => {
  it('exposes request latency by route and status, screenings, webhook failures and queue depth', async () => {
    let depth = 3
    const app = await buildApp({
      logLevel: 'silent',
      processMetrics: false,
      queueDepth: () => Promise.resolve({ 'bulk-import': depth, rescreen: 0 }),
    })
    await app.inject({ method: 'GET', url: '/healthz' })
    await app.inject({ method: 'GET', url: '/healthz' })
    await app.inject({ method: 'GET', url: '/no/such/route?email=jane@example.com' })
    app.metrics.countScreening('hold')
    app.metrics.countScreening('hold')
    app.metrics.countWebhookFailure('timeout')
    depth = 5
    const response = await app.inject({ method: 'GET', url: '/metrics' })
    await app.close()
    expect(response.statusCode).toBe(200)
    expect(response.headers['content-type']).toContain('text/plain')
    const text = response.body
    expect(text).toContain('hirewall_http_request_duration_seconds_count{method="GET",route="/healthz",status="200"} 2')
    expect(text).toContain(
      'hirewall_http_request_duration_seconds_count{method="GET",route="unmatched",status="404"} 1',
    )
    expect(text).not.toContain('jane@example.com')
    expect(text).toContain('hirewall_screenings_total{outcome="hold"} 2')
    expect(text).toContain('hirewall_screenings_total{outcome="clear"} 0')
    expect(text).toContain('hirewall_webhook_delivery_failures_total{reason="timeout"} 1')
    expect(text).toContain('hirewall_webhook_delivery_failures_total{reason="network"} 0')
    expect(text).toContain('hirewall_queue_depth{queue="bulk-import"} 5')
    expect(text).toContain('hirewall_queue_depth{queue="rescreen"} 0')
  })

  it('includes process metrics unless turned off', async () => {
    const app = await buildApp({ logLevel: 'silent' })
    const response = await app.inject({ method: 'GET', url: '/metrics' })
    await app.close()
    expect(response.body).toContain('hirewall_process_resident_memory_bytes')
    expect(response.body).not.toContain('hirewall_queue_depth')
  })
})
