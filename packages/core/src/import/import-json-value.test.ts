import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { anApplication } from '../testing/an-application.js'
import { importJsonValue } from './import-json-value.js'

const fixture = (name: string): unknown =>
  JSON.parse(readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8'))
const options = { id: 'file.json#1', receivedAt: '2026-03-05T10:00:00Z' }

describe('importJsonValue', () => {
  it.each([
    ['greenhouse-webhook-new-candidate-application.json', ['greenhouse:71980812']],
    ['greenhouse-harvest-candidate.json', ['greenhouse:69306314', undefined]],
    ['lever-opportunity-with-resume.json', ['lever:250d8f03-738a-4bba-a671-8a3d73477145']],
    ['ashby-candidate-info.json', ['ashby:2b6a1d5c-0f1e-4c7e-9a55-0d8b3f5d2a11']],
  ])('imports the %s fixture with its own importer', (name, ids) => {
    const results = importJsonValue(fixture(name), options)
    expect(results.map((result) => (result.status === 'valid' ? result.record.id : undefined))).toEqual(ids)
  })

  it('imports a canonical record and a plain JSON Resume', () => {
    const record = anApplication()
    expect(importJsonValue(record, options)).toEqual([{ status: 'valid', record }])
    const [resume] = importJsonValue({ basics: { name: 'A B' } }, options)
    expect(resume?.status === 'valid' && resume.record.id).toBe('file.json#1')
  })

  it('says which formats it reads when the value is none of them', () => {
    expect(importJsonValue({ hello: 'world' }, options)).toEqual([
      { status: 'invalid', issues: [{ path: '(record)', message: expect.stringContaining('JSON Resume') as string }] },
    ])
  })
})
