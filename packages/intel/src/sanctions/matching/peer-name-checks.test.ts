import { existsSync, readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { aLoadedList, aSanctionedEntity } from '../testing/a-sanctioned-entity.js'
import type { MatchSchema } from './match-types.js'
import { createSanctionsMatcher, defaultMatchOptions } from './sanctions-matcher.js'

// Peers' name-matching cases, read from the shared reference data (never copied into the repository).
const nameMatching = fileURLToPath(new URL('../../../../../../shared/data/name-matching/', import.meta.url))
const crossScriptPairs = `${nameMatching}watchman_cross_script_pairs.csv`
const nomenklaturaChecks = `${nameMatching}nomenklatura_entity_bench_checks.yml`

/** The score of `query` against a list holding only `listed`. */
function scoreAgainst(query: readonly string[], listed: readonly string[], schema: MatchSchema): number {
  const entity = aSanctionedEntity('listed:1', listed[0] ?? '', {
    schema: schema === 'Person' ? 'Person' : 'Organization',
    also: listed.slice(1).map((name) => [name, 'primary'] as const),
  })
  const matcher = createSanctionsMatcher([aLoadedList([entity])])
  return matcher.match({ schema, properties: { name: query } }, { cutoff: 0 }).results[0]?.score ?? 0
}

describe.runIf(existsSync(crossScriptPairs))('watchman cross-script pairs', () => {
  const pairs = readFileSync(crossScriptPairs, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '' && !line.startsWith('#'))
    .map((line) => line.split(','))
  // Scripts the matcher reads: Arabic, Cyrillic, Hangul, and Han for Chinese names (Han for a Korean or Japanese
  // name reads as Mandarin, and Greek, Hebrew and Thai single names are outside its scope).
  const supported =
    /^(Common Arabic|Arabic name|Single Arabic|Russian|Common Russian|Common Chinese|Chinese political|Korean name$)/

  it.each(pairs.filter(([, , , description]) => supported.test(description ?? '')))('%s matches %s', (query, latin) => {
    expect(scoreAgainst([query ?? ''], [latin ?? ''], 'Person')).toBeGreaterThanOrEqual(defaultMatchOptions.threshold)
  })
})

type Check = { match: boolean; schema: string; query: Record<string, string[]>; candidate: Record<string, string[]> }

/** The checks of nomenklatura's YAML (a flat list of `match`, `schema`, `query`, `candidate` with properties). */
function readChecks(text: string): Check[] {
  const checks: Check[] = []
  let side: 'query' | 'candidate' | undefined
  for (const line of text.split('\n')) {
    const start = /^\s*- match: (true|false)/.exec(line)
    const current = checks.at(-1)
    if (start) checks.push({ match: start[1] === 'true', schema: '', query: {}, candidate: {} })
    else if (current && /^\s+schema: /.test(line)) current.schema = line.split(':')[1]?.trim() ?? ''
    else if (/^\s+(query|candidate):\s*$/.test(line)) side = line.trim().startsWith('query') ? 'query' : 'candidate'
    else {
      const property = /^\s+(\w+): (.*)$/.exec(line)
      if (current && side && property?.[1] && property[2] !== undefined) {
        const values = (current[side][property[1]] ??= [])
        values.push(property[2].replace(/^["']|["']$/g, ''))
      }
    }
  }
  return checks
}

describe.runIf(existsSync(nomenklaturaChecks))('nomenklatura entity checks (name-only ones)', () => {
  it('agrees with most of their verdicts at the default threshold', () => {
    const checks = readChecks(readFileSync(nomenklaturaChecks, 'utf8')).filter(
      (check) => Object.keys(check.query).join() === 'name' && Object.keys(check.candidate).join() === 'name',
    )
    expect(checks.length).toBeGreaterThan(150)
    const agreeing = checks.filter((check) => {
      const schema: MatchSchema = check.schema === 'Person' ? 'Person' : 'Organization'
      const isMatch =
        scoreAgainst(check.query.name ?? [], check.candidate.name ?? [], schema) >= defaultMatchOptions.threshold
      return isMatch === check.match
    })
    // Measured 0.79: their "true" includes partial names (Boris Johnson for Alexandre Boris de Pfeffel Johnson) that
    // HireWall deliberately scores as possible matches for review, not strong ones.
    expect(agreeing.length / checks.length).toBeGreaterThan(0.75)
  })
})
