import { describe, expect, it } from 'vitest'
import type { Institution } from './institution.js'
import { parseWorldUniversities } from './parse-world-universities.js'
import { readSharedFile } from './testing/real-institution-lists.js'

const fileName = 'world_universities_and_domains.json'

function institutionsOf(result: ReturnType<typeof parseWorldUniversities>): readonly Institution[] {
  if (result.status !== 'ok' || result.data.area !== 'institutions') throw new Error(JSON.stringify(result))
  return result.data.institutions
}

describe('parseWorldUniversities', () => {
  it('reads every university of the real list with its country, region and domains', () => {
    const result = parseWorldUniversities([{ name: fileName, text: readSharedFile(fileName) }])
    expect(result.status).toBe('ok')
    if (result.status !== 'ok') return
    expect(result.entries).toBe(10251)
    expect(result.skipped).toEqual([])
    const institutions = institutionsOf(result)
    expect(new Set(institutions.map((institution) => institution.id)).size).toBe(10251)
    expect(institutions.find((institution) => institution.id === 'world-universities:mit.edu')).toEqual({
      id: 'world-universities:mit.edu',
      name: 'Massachusetts Institute of Technology',
      alternateNames: [],
      countryCode: 'US',
      domains: ['mit.edu', 'web.mit.edu'],
      list: 'world-universities',
    })
    const brazilian = institutions.find((institution) => institution.name === 'Fundação Hermínio Ometto')
    expect(brazilian).toMatchObject({ countryCode: 'BR', region: 'São Paulo', domains: ['fho.edu.br'] })
  })

  it('skips an item without a name or country and says which', () => {
    const text = JSON.stringify([
      {
        name: 'Good University',
        alpha_two_code: 'gb',
        domains: ['good.ac.uk'],
        web_pages: ['https://www.good.ac.uk/'],
      },
      { name: '', alpha_two_code: 'GB', domains: [] },
      { name: 'No Country College', alpha_two_code: 'United Kingdom', domains: [] },
      'not an object',
    ])
    const result = parseWorldUniversities([{ name: fileName, text }])
    if (result.status !== 'ok') throw new Error(JSON.stringify(result))
    expect(institutionsOf(result)).toEqual([
      {
        id: 'world-universities:good.ac.uk',
        name: 'Good University',
        alternateNames: [],
        countryCode: 'GB',
        domains: ['good.ac.uk'],
        list: 'world-universities',
      },
    ])
    expect(result.skipped).toEqual([
      { file: fileName, field: '[1]', message: 'has no name' },
      {
        file: fileName,
        field: '[2]',
        message: 'No Country College: alpha_two_code is not a two-letter country code',
      },
      { file: fileName, field: '[3]', message: 'is not an object' },
    ])
  })

  it('keeps ids unique when two items share a first domain', () => {
    const item = { name: 'Twin College', alpha_two_code: 'US', domains: ['twin.edu'] }
    const result = parseWorldUniversities([{ name: fileName, text: JSON.stringify([item, item]) }])
    expect(institutionsOf(result).map((institution) => institution.id)).toEqual([
      'world-universities:twin.edu',
      'world-universities:twin.edu~2',
    ])
  })

  it.each([
    ['text that is not JSON', '[\n  {"name": "A"},\n  oops\n]', 'is not valid JSON'],
    ['JSON that is not an array', '{"name": "A"}', 'is not a JSON array of universities'],
    ['an array with no usable item', '[{"name": ""}]', 'has no usable university'],
  ])('rejects %s', (_case, text, message) => {
    const result = parseWorldUniversities([{ name: fileName, text }])
    expect(result.status).toBe('invalid')
    if (result.status !== 'invalid') return
    expect(result.issues[0]?.file).toBe(fileName)
    expect(result.issues[0]?.message).toContain(message)
  })
})
