import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { renderSignalCatalogue } from './render-signal-catalogue.js'
import { signalDefinitions } from './signal-registry.js'

describe('signal registry', () => {
  it('has unique, dotted, lower-case codes', () => {
    const codes = signalDefinitions.map((definition) => definition.code)
    expect(new Set(codes).size).toBe(codes.length)
    for (const code of codes) expect(code).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*(\.[a-z0-9]+(-[a-z0-9]+)*)+$/)
  })

  it('is documented in docs/signals.md exactly as registered (run `npm run docs:signals` after adding a code)', () => {
    const documented = readFileSync(new URL('../../../../docs/signals.md', import.meta.url), 'utf8')
    expect(documented).toBe(renderSignalCatalogue(signalDefinitions))
  })
})
