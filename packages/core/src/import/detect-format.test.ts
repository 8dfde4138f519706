import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { anApplication } from '../testing/an-application.js'
import { detectFormat } from './detect-format.js'

const fixture = (name: string): unknown =>
  JSON.parse(readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8'))
const lever = fixture('lever-opportunity-with-resume.json') as { opportunity: unknown }
const ashby = fixture('ashby-candidate-info.json') as { results: unknown }
const harvest = fixture('greenhouse-harvest-candidate.json') as { applications: Record<string, unknown>[] }

describe('detectFormat', () => {
  it.each([
    ['a canonical record', anApplication(), 'canonical'],
    ['a record of another schema version', { schemaVersion: 2, basics: {} }, 'canonical'],
    [
      'the JSON Resume sample',
      JSON.parse(
        readFileSync(
          new URL('../../../../../shared/data/resumes/jsonresume_sample.resume.json', import.meta.url),
          'utf8',
        ),
      ),
      'json-resume',
    ],
    ['a JSON Resume with work only', { work: [] }, 'json-resume'],
    ['a Greenhouse webhook', fixture('greenhouse-webhook-new-candidate-application.json'), 'greenhouse'],
    ['a Greenhouse webhook of another action', { action: 'delete_candidate', payload: {} }, 'greenhouse'],
    ['a Harvest candidate', harvest, 'greenhouse'],
    [
      'a Harvest application with its candidate',
      { ...harvest.applications[0], candidate: { first_name: 'J' } },
      'greenhouse',
    ],
    ['a Lever opportunity with resumes', lever, 'lever'],
    ['a bare Lever opportunity', lever.opportunity, 'lever'],
    ['an Ashby candidate.info response', ashby, 'ashby'],
    ['a bare Ashby candidate', ashby.results, 'ashby'],
    ['an array', [anApplication()], undefined],
    ['a string', 'hello', undefined],
    ['null', null, undefined],
    ['an unrelated object', { hello: 'world' }, undefined],
  ])('reads %s as %s', (_, value, format) => {
    expect(detectFormat(value)).toBe(format)
  })
})
