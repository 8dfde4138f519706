import { describe, expect, it } from 'vitest'
import { ApiError } from '../../errors/api-error.js'
import { defaultTaxiiLimit, maxTaxiiLimit, readTaxiiQuery } from './taxii-query.js'

const id = 'indicator--6f0c8d0e-1c1e-4d8a-9f4e-3d1c2b0a9e8f'

describe('readTaxiiQuery', () => {
  it('reads the filters as comma-separated lists or repeated parameters, lowering a limit above the maximum', () => {
    expect(readTaxiiQuery({})).toEqual({ limit: defaultTaxiiLimit, isSpecVersionServed: true })
    expect(
      readTaxiiQuery({
        limit: '5000',
        added_after: '2026-11-23T10:00:00.123456Z',
        'match[id]': [id, id],
        'match[type]': 'indicator,identity',
        'match[version]': 'first,2026-11-23T10:00:00Z',
        'match[spec_version]': '2.0,2.1',
      }),
    ).toEqual({
      limit: maxTaxiiLimit,
      addedAfter: '2026-11-23T10:00:00.123456Z',
      ids: [id, id],
      types: ['indicator', 'identity'],
      versions: ['first', { at: '2026-11-23T10:00:00Z' }],
      isSpecVersionServed: true,
    })
    expect(readTaxiiQuery({ 'match[spec_version]': '2.0' }).isSpecVersionServed).toBe(false)
  })

  it.each([
    [{ limit: '0' }, 'querystring.limit'],
    [{ limit: 'ten' }, 'querystring.limit'],
    [{ limit: ['1', '2'] }, 'querystring.limit'],
    [{ added_after: '2026-11-23' }, 'querystring.added_after'],
    [{ added_after: '2026-11-23T10:00:00+01:00' }, 'querystring.added_after'],
    [{ 'match[id]': 'not-an-id' }, 'querystring.match[id]'],
    [{ 'match[type]': 'Indicator' }, 'querystring.match[type]'],
    [{ 'match[version]': 'newest' }, 'querystring.match[version]'],
  ])('refuses %o naming %s', (query, path) => {
    try {
      readTaxiiQuery(query)
      expect.unreachable()
    } catch (error) {
      expect(error).toBeInstanceOf(ApiError)
      expect((error as ApiError).code).toBe('VALIDATION_FAILED')
      expect((error as ApiError).details).toMatchObject({ issues: [{ path }] })
    }
  })

  it('refuses match[version] where every version is listed', () => {
    expect(() => readTaxiiQuery({ 'match[version]': 'all' }, { versions: false })).toThrow(ApiError)
  })
})
