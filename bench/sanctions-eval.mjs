// `npm run eval:sanctions`: the sanctions matcher's quality on the real lists of ../shared/data.
// Positives: variants of every listed person and organisation (OFAC SDN with alt/add, OFAC consolidated, UN), built
// with a fixed seed: the primary name as listed, a strong alias, words reordered, case and punctuation, romanisation
// variants (Korean, Arabic, Russian), one typing slip, Korean names in Hangul and Russian names in Cyrillic; plus the
// UN list's own original-script names (matched against the lists with those names removed), yente's treated UN
// positives and watchman's cross-script pairs. Negatives: yente's 50,000 synthetic non-sanctioned US names.
// Reports recall per variant type and overall and false matches per 1,000 negatives at several thresholds.
import { performance } from 'node:perf_hooks'
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { createSanctionsMatcher, defaultMatchOptions } from '@hirewall/intel'
import { loadSanctionsLists, readCsv, sharedData } from './sanctions-lists.mjs'
import {
  inCyrillic,
  inHangul,
  naturalOrder,
  punctuated,
  romanisationFamily,
  romanised,
  reordered,
  seededRandom,
  typo,
} from './sanctions-variants.mjs'

const seed = Number(process.env.EVAL_SEED ?? 2026)
// EVAL_EVERY=n keeps every n-th listed entity and negative, for a quick look while tuning; the report uses all.
const every = Number(process.env.EVAL_EVERY ?? 1)
const thresholds = [0.7, 0.75, 0.8, 0.82, 0.85, 0.88, 0.9]
const reviewThreshold = 0.7
const out = fileURLToPath(new URL('./out/', import.meta.url))
const isLatin = (text) => !/[^\p{Script=Latin}\p{P}\p{Z}\p{N}]/u.test(text)

const lists = loadSanctionsLists()
const started = performance.now()
const matcher = createSanctionsMatcher(lists)
const buildMs = performance.now() - started
const schemaOf = (entity) =>
  entity.schema === 'Person' ? 'Person' : entity.schema === 'Organization' ? 'Organization' : 'LegalEntity'

// ── generated positives ──
const random = seededRandom(seed)
const positives = []
const add = (type, entity, name) => {
  if (name !== undefined && name.trim().length > 0) positives.push({ type, entity, name })
}
for (const { items } of lists) {
  for (const [position, entity] of items.entries()) {
    if (!['Person', 'Organization', 'LegalEntity'].includes(entity.schema) || position % every !== 0) continue
    const primary = entity.caption
    const strongAliases = entity.names.filter((name) => name.kind === 'alias' && isLatin(name.value))
    const weakAliases = entity.names.filter((name) => name.kind === 'weak-alias' && isLatin(name.value))
    add('exact primary name', entity, primary)
    if (strongAliases.length > 0) add('alias', entity, strongAliases[Math.floor(random() * strongAliases.length)].value)
    // Word order is free in people's names; an organisation's words are reordered by nobody.
    if (entity.schema === 'Person') add('reordered words (people)', entity, reordered(naturalOrder(primary), random))
    add('case and punctuation', entity, punctuated(primary, random, entity.schema === 'Person'))
    add('one typing slip', entity, typo(primary, random))
    const family = romanisationFamily(entity)
    if (family !== undefined && entity.schema === 'Person') {
      const source = [primary, ...strongAliases.map((name) => name.value)]
      const respelled = source.map((name) => romanised(name, family, random)).find((name) => name !== undefined)
      add(`romanisation (${family})`, entity, respelled)
      if (family === 'korean') add('Hangul script', entity, inHangul(primary))
      if (family === 'russian') add('Cyrillic script', entity, inCyrillic(primary))
    }
    if (weakAliases.length > 0) {
      add('weak alias (review expected)', entity, weakAliases[Math.floor(random() * weakAliases.length)].value)
    }
  }
}

function targetScore(query, targetId, searcher = matcher) {
  const response = searcher.match(query, { cutoff: 0.3, limit: 100 })
  return response.results.find((result) => result.id === targetId)?.score ?? 0
}

const measured = new Map()
const record = (type, score) => {
  const scores = measured.get(type) ?? []
  scores.push(score)
  measured.set(type, scores)
}
const queryStarted = performance.now()
for (const { type, entity, name } of positives) {
  record(type, targetScore({ schema: schemaOf(entity), properties: { name: [name] } }, entity.id))
}
const positivesMs = performance.now() - queryStarted

// ── the UN list's original-script names, against the lists without any non-Latin name ──
const latinOnly = lists.map((list) => ({
  source: list.source,
  items: list.items.map((entity) => ({ ...entity, names: entity.names.filter((name) => isLatin(name.value)) })),
}))
const latinMatcher = createSanctionsMatcher(latinOnly)
for (const entity of lists.find((list) => list.source.name === 'un-consolidated').items) {
  for (const name of entity.names) {
    // Names wholly in another script; aliases that quote one ("Amir (original script: Амир)") are not transliterations.
    if (isLatin(name.value) || /\p{Script=Latin}/u.test(name.value)) continue
    const script = /[\u0600-\u06ff]/.test(name.value)
      ? 'Arabic'
      : /[\u0400-\u04ff]/.test(name.value)
        ? 'Cyrillic'
        : 'other'
    const query = { schema: schemaOf(entity), properties: { name: [name.value] } }
    record(`UN original script (${script})`, targetScore(query, entity.id, latinMatcher))
  }
}

// ── yente's treated UN positives (no entity ids: a hit is a match on the UN list that agrees on birth year) ──
const unOnly = createSanctionsMatcher(lists.filter((list) => list.source.name === 'un-consolidated'))
for (const row of readCsv(`${sharedData}name-matching/yente_positives_un_treated.csv`)) {
  const properties = { name: [row.full_name] }
  const response = unOnly.match({ schema: 'Person', properties }, { cutoff: 0.3, limit: 10 })
  const year = row.date_of_birth.slice(0, 4)
  const agreeing = response.results.filter(
    (result) => !year || result.properties.birthDate.some((date) => date.startsWith(year)),
  )
  record('yente UN positives (name only)', agreeing[0]?.score ?? 0)
  const withFacts = {
    name: [row.full_name],
    ...(row.date_of_birth ? { birthDate: [row.date_of_birth] } : {}),
    ...(row.nationality ? { nationality: [row.nationality] } : {}),
  }
  record(
    'yente UN positives (with birth date, nationality)',
    unOnly.match({ schema: 'Person', properties: withFacts }).results[0]?.score ?? 0,
  )
}

// ── watchman's cross-script pairs: the Latin name listed, the other script queried ──
const crossScript = []
{
  const rows = readFileSync(`${sharedData}name-matching/watchman_cross_script_pairs.csv`, 'utf8')
    .split('\n')
    .filter((line) => line.trim() && !line.startsWith('#'))
    .map((line) => line.split(','))
  const items = rows.map(([, latin], index) => ({
    id: `pair:${index}`,
    schema: 'Person',
    caption: latin,
    names: [{ value: latin, kind: 'primary' }],
    birthDates: [],
    nationalities: [],
    countries: [],
    programs: [],
    list: 'pairs',
  }))
  const pairMatcher = createSanctionsMatcher([
    { source: { name: 'pairs', version: '1', entries: items.length }, items },
  ])
  rows.forEach(([query, latin, , description], index) => {
    const score = targetScore({ schema: 'Person', properties: { name: [query] } }, `pair:${index}`, pairMatcher)
    crossScript.push({ query, latin, description, score })
    record('watchman cross-script pairs', score)
  })
}

// ── negatives ──
const negatives = readCsv(`${sharedData}name-matching/yente_negatives_us.csv`).filter(
  (_, position) => position % every === 0,
)
const negativeScores = { nameOnly: [], withBirthDate: [] }
const negativeExamples = []
const negativesStarted = performance.now()
for (const row of negatives) {
  const nameOnly = matcher.match({ schema: 'Person', properties: { name: [row.full_name] } }, { cutoff: 0.3, limit: 1 })
  const best = nameOnly.results[0]
  negativeScores.nameOnly.push(best?.score ?? 0)
  if (best !== undefined && best.score >= defaultMatchOptions.threshold) {
    negativeExamples.push({ query: row.full_name, matched: best.matchedName, id: best.id, score: best.score })
  }
  const dated = matcher.match(
    {
      schema: 'Person',
      properties: { name: [row.full_name], ...(row.date_of_birth ? { birthDate: [row.date_of_birth] } : {}) },
    },
    { cutoff: 0.3, limit: 1 },
  )
  negativeScores.withBirthDate.push(dated.results[0]?.score ?? 0)
}
const negativesMs = performance.now() - negativesStarted

// ── report ──
const share = (scores, threshold) => scores.filter((score) => score >= threshold).length / scores.length
const generatedTypes = [...measured.keys()].filter((type) => !/review expected|UN original|yente|watchman/.test(type))
const generated = generatedTypes.flatMap((type) => measured.get(type))
const report = {
  seed,
  lists: lists.map(({ source, parseMs }) => ({ ...source, parseMs: Math.round(parseMs) })),
  matcher: { ...matcher.statistics, buildMs: Math.round(buildMs) },
  defaults: defaultMatchOptions,
  positives: Object.fromEntries(
    [...measured.entries()].map(([type, scores]) => [
      type,
      {
        queries: scores.length,
        recall: Object.fromEntries(thresholds.map((threshold) => [threshold, round(share(scores, threshold))])),
      },
    ]),
  ),
  overallGenerated: {
    queries: generated.length,
    recall: Object.fromEntries(thresholds.map((threshold) => [threshold, round(share(generated, threshold))])),
  },
  negatives: {
    queries: negatives.length,
    falseMatchesPerThousand: {
      nameOnly: Object.fromEntries(thresholds.map((t) => [t, round(share(negativeScores.nameOnly, t) * 1000, 2)])),
      withBirthDate: Object.fromEntries(
        thresholds.map((t) => [t, round(share(negativeScores.withBirthDate, t) * 1000, 2)]),
      ),
    },
    examplesAtThreshold: negativeExamples.slice(0, 25),
  },
  crossScript,
  timing: {
    positiveQueries: positives.length,
    positivesMeanUs: round((positivesMs * 1000) / positives.length, 1),
    negativeQueries: negatives.length * 2,
    negativesMeanUs: round((negativesMs * 1000) / (negatives.length * 2), 1),
  },
}

function round(value, digits = 4) {
  const scale = 10 ** digits
  return Math.round(value * scale) / scale
}

mkdirSync(out, { recursive: true })
writeFileSync(`${out}sanctions-eval.json`, `${JSON.stringify(report, null, 2)}\n`)
const column = (text, width) => String(text).padEnd(width)
console.log(
  `matcher: ${report.matcher.entities} entities, ${report.matcher.names} names, built in ${report.matcher.buildMs} ms`,
)
console.log(
  `\n${column('recall by variant type', 52)}${column('queries', 9)}${thresholds.map((t) => column(t, 7)).join('')}`,
)
for (const [type, { queries, recall }] of Object.entries(report.positives)) {
  console.log(
    `${column(type, 52)}${column(queries, 9)}${thresholds.map((t) => column(recall[t].toFixed(3), 7)).join('')}`,
  )
}
console.log(
  `${column('OVERALL (generated variants)', 52)}${column(generated.length, 9)}${thresholds.map((t) => column(report.overallGenerated.recall[t].toFixed(3), 7)).join('')}`,
)
console.log(`\n${column('false matches per 1,000 negatives', 61)}${thresholds.map((t) => column(t, 7)).join('')}`)
for (const [mode, values] of Object.entries(report.negatives.falseMatchesPerThousand)) {
  console.log(`${column(mode, 61)}${thresholds.map((t) => column(values[t], 7)).join('')}`)
}
console.log(
  `\nreview threshold ${reviewThreshold}; match threshold ${defaultMatchOptions.threshold}; report: bench/out/sanctions-eval.json`,
)
console.log(
  `mean query time: positives ${report.timing.positivesMeanUs} us, negatives ${report.timing.negativesMeanUs} us`,
)
