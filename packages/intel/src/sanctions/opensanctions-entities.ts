import type { IntelFile, IntelFileIssue, IntelParseResult } from '../source/intel-source.js'
import { findListFile } from './find-list-file.js'
import type { SanctionedEntity, SanctionedGender, SanctionedName, SanctionedSchema } from './sanctioned-entity.js'

/** The file name OpenSanctions publishes a dataset's entities under, one FollowTheMoney entity per line. */
export const openSanctionsFileName = 'entities.ftm.json'

// FollowTheMoney schemata that can be a sanctioned party; the rest (Sanction, Address, Ownership...) describe them.
const schemaOf: Readonly<Record<string, SanctionedSchema>> = {
  Person: 'Person',
  Organization: 'Organization',
  Company: 'Organization',
  PublicBody: 'Organization',
  LegalEntity: 'LegalEntity',
  Vessel: 'Vessel',
  Airplane: 'Airplane',
}

const nameKinds: readonly (readonly [string, SanctionedName['kind']])[] = [
  ['name', 'primary'],
  ['alias', 'alias'],
  ['previousName', 'alias'],
  ['weakAlias', 'weak-alias'],
  ['abbreviation', 'weak-alias'],
]

type Properties = Readonly<Record<string, unknown>>
type Line = { readonly number: number; readonly value: unknown }

/**
 * Parses OpenSanctions' FollowTheMoney entities (`entities.ftm.json`, one JSON entity per line) into sanctioned
 * entities with ids `opensanctions:<id>`. Keeps the parties a list can sanction (Person, Organization, Company and
 * PublicBody as Organization, LegalEntity, Vessel, Airplane) that OpenSanctions marks as targets, and skips the
 * others silently; Sanction entities add their `programId` to the entity they name. Names are `name` (primary),
 * `alias` and `previousName` (aliases), `weakAlias` and `abbreviation` (weak aliases). The version is the latest
 * `last_seen`. Never throws: a file that is not JSON lines, or is cut short, is `invalid`; bad lines are skipped.
 */
export function parseOpenSanctionsEntities(files: readonly IntelFile[]): IntelParseResult {
  const file = findListFile(files, openSanctionsFileName)
  if (!file) {
    const message = `${openSanctionsFileName} is missing: pass an OpenSanctions dataset's FollowTheMoney entities`
    return { status: 'invalid', issues: [{ file: openSanctionsFileName, message }] }
  }
  const invalid = (message: string, line?: number): IntelParseResult => ({
    status: 'invalid',
    issues: [line === undefined ? { file: file.name, message } : { file: file.name, line, message }],
  })
  const start = file.text.slice(0, 1_000).trimStart()
  if (start !== '' && !start.startsWith('{'))
    return invalid('not FollowTheMoney JSON lines: each line must be one JSON entity')
  const skipped: IntelFileIssue[] = []
  const parties: { readonly line: number; readonly entity: Properties }[] = []
  const programsOf = new Map<string, string[]>()
  let lastSeen = ''
  let lines = 0
  let lastLine = 0
  let lastProblem: number | undefined
  for (const { number, value } of jsonLines(file.text)) {
    lines++
    lastLine = number
    const entity = objectOrUndefined(value)
    const properties = objectOrUndefined(entity?.properties)
    if (!entity || typeof entity.id !== 'string' || typeof entity.schema !== 'string' || !properties) {
      lastProblem = number
      const message = entity ? 'an entity needs an id, a schema and properties' : 'not a JSON object'
      skipped.push({ file: file.name, line: number, message: `${message}; line skipped` })
      continue
    }
    if (typeof entity.last_seen === 'string' && entity.last_seen > lastSeen) lastSeen = entity.last_seen
    if (entity.schema === 'Sanction') {
      for (const target of strings(properties.entity)) {
        programsOf.set(target, [...(programsOf.get(target) ?? []), ...strings(properties.programId)])
      }
    } else if (entity.schema in schemaOf && entity.target !== false) parties.push({ line: number, entity })
  }
  if (lines === 0) return invalid('the file is empty')
  if (lastProblem !== undefined && lastProblem === lastLine) {
    return invalid('the last line is not a complete JSON entity, so the file looks cut short', lastProblem)
  }
  if (skipped.length > lines - skipped.length) return invalid('most lines are not FollowTheMoney entities')
  const entities: SanctionedEntity[] = []
  for (const { line, entity } of parties) {
    const party = partyOf(entity, programsOf)
    if (party) entities.push(party)
    else skipped.push({ file: file.name, line, message: `entity ${String(entity.id)} has no name; line skipped` })
  }
  return {
    status: 'ok',
    data: { area: 'sanctions', entities },
    entries: entities.length,
    ...(lastSeen ? { version: lastSeen } : {}),
    skipped,
  }
}

function partyOf(entity: Properties, programsOf: ReadonlyMap<string, readonly string[]>): SanctionedEntity | undefined {
  const id = String(entity.id)
  const properties = objectOrUndefined(entity.properties) ?? {}
  const names: SanctionedName[] = []
  for (const [property, kind] of nameKinds) {
    for (const value of strings(properties[property])) {
      if (!names.some((name) => name.value === value)) names.push({ value, kind })
    }
  }
  const caption = typeof entity.caption === 'string' && entity.caption.trim() ? entity.caption.trim() : names[0]?.value
  if (!caption) return undefined
  if (!names.some((name) => name.value === caption)) names.unshift({ value: caption, kind: 'primary' })
  const schema = schemaOf[String(entity.schema)] ?? 'Organization'
  const gender = strings(properties.gender).find(isGender)
  return {
    id: `opensanctions:${id}`,
    schema,
    caption,
    names,
    birthDates: unique(
      strings(properties.birthDate)
        .map((date) => date.slice(0, 10))
        .filter(isListedDate),
    ),
    nationalities: countryCodes([...strings(properties.nationality), ...strings(properties.citizenship)]),
    countries: countryCodes(['country', 'jurisdiction', 'flag'].flatMap((property) => strings(properties[property]))),
    programs: unique([...strings(properties.programId), ...(programsOf.get(id) ?? [])]),
    list: 'opensanctions',
    ...(gender && schema === 'Person' ? { gender } : {}),
  }
}

// Walks the lines without splitting the whole text: OpenSanctions collections run to hundreds of megabytes.
function* jsonLines(text: string): Generator<Line> {
  let number = 0
  for (let from = 0; from < text.length;) {
    const end = text.indexOf('\n', from)
    const stop = end === -1 ? text.length : end
    number++
    const line = text.slice(from, stop).trim()
    from = stop + 1
    if (line === '') continue
    yield { number, value: parseJson(line) }
  }
}

// JSON.parse throws on bad input; a parser of list files must return values instead.
function parseJson(line: string): unknown {
  try {
    return JSON.parse(line) as unknown
  } catch {
    return undefined
  }
}

function objectOrUndefined(value: unknown): Properties | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Properties) : undefined
}

// FollowTheMoney property values are lists of strings; anything else (nested entities) is not read.
function strings(value: unknown): string[] {
  if (!Array.isArray(value)) return []
  return value
    .filter((item): item is string => typeof item === 'string' && item.trim() !== '')
    .map((item) => item.trim())
}

function countryCodes(codes: readonly string[]): string[] {
  return unique(codes.map((code) => code.toLowerCase()).filter((code) => /^[a-z]{2}$/.test(code)))
}

function isListedDate(date: string): boolean {
  return /^\d{4}(-\d{2}(-\d{2})?)?$/.test(date)
}

function isGender(value: string): value is SanctionedGender {
  return value === 'male' || value === 'female' || value === 'other'
}

function unique(values: readonly string[]): string[] {
  return [...new Set(values)]
}
