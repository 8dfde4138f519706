import type { IntelFile, IntelFileIssue, IntelParseResult } from '../source/intel-source.js'
import type { Institution } from './institution.js'
import { hostOf } from './institution-domain.js'
import { pickSourceFile } from './pick-source-file.js'

/** The file name of the Hipo university-domains-list, as downloaded. */
export const worldUniversitiesFileName = 'world_universities_and_domains.json'

const listName = 'world-universities'

/**
 * Parses the Hipo university-domains-list (`world_universities_and_domains.json`: an array of `{ name, country,
 * alpha_two_code, domains, web_pages, state-province }`). An item without a name or a two-letter country is skipped
 * with its position; a file that is not a JSON array is invalid. Ids are `world-universities:<first domain>`, stable
 * across versions of the list as long as the school keeps its domain.
 */
export function parseWorldUniversities(files: readonly IntelFile[]): IntelParseResult {
  const picked = pickSourceFile(files, worldUniversitiesFileName)
  if (picked.status === 'invalid') return picked
  const { file } = picked
  let document: unknown
  try {
    document = JSON.parse(file.text)
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error)
    return { status: 'invalid', issues: [withLine(file, message, `is not valid JSON: ${message}`)] }
  }
  if (!Array.isArray(document)) {
    return { status: 'invalid', issues: [{ file: file.name, message: 'is not a JSON array of universities' }] }
  }
  const institutions: Institution[] = []
  const skipped: IntelFileIssue[] = []
  const usedIds = new Set<string>()
  document.forEach((item: unknown, position) => {
    const read = readItem(item)
    if (typeof read === 'string') {
      skipped.push({ file: file.name, field: `[${position}]`, message: read })
      return
    }
    const id = uniqueId(`${listName}:${read.domains[0] ?? slug(read.name)}`, usedIds)
    institutions.push({
      id,
      name: read.name,
      alternateNames: [],
      countryCode: read.countryCode,
      ...(read.region ? { region: read.region } : {}),
      domains: read.domains,
      list: listName,
    })
  })
  if (institutions.length === 0) {
    return { status: 'invalid', issues: [{ file: file.name, message: 'has no usable university' }, ...skipped] }
  }
  return {
    status: 'ok',
    data: { area: 'institutions', institutions },
    entries: institutions.length,
    skipped,
  }
}

type WorldUniversity = {
  readonly name: string
  readonly countryCode: string
  readonly region?: string
  readonly domains: readonly string[]
}

/** The item's fields, or why it cannot be used. */
function readItem(item: unknown): WorldUniversity | string {
  if (typeof item !== 'object' || item === null) return 'is not an object'
  const fields = item as Record<string, unknown>
  const name = typeof fields.name === 'string' ? fields.name.replace(/\s+/g, ' ').trim() : ''
  if (name === '') return 'has no name'
  const code = typeof fields.alpha_two_code === 'string' ? fields.alpha_two_code.trim().toUpperCase() : ''
  if (!/^[A-Z]{2}$/.test(code)) return `${name}: alpha_two_code is not a two-letter country code`
  const region = fields['state-province']
  const domains = [...strings(fields.domains), ...strings(fields.web_pages)]
    .map((text) => hostOf(text))
    .filter((host): host is string => host !== undefined)
  return {
    name,
    countryCode: code,
    ...(typeof region === 'string' && region.trim() !== '' ? { region: region.trim() } : {}),
    domains: [...new Set(domains)],
  }
}

function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : []
}

function uniqueId(id: string, used: Set<string>): string {
  let candidate = id
  for (let copy = 2; used.has(candidate); copy += 1) candidate = `${id}~${copy}`
  used.add(candidate)
  return candidate
}

function slug(name: string): string {
  return name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
}

// Some V8 versions name the offending position ("at position 1234", "line 3 column 5"): keep it as the line.
function withLine(file: IntelFile, error: string, message: string): IntelFileIssue {
  const line = /line (\d+)/.exec(error)?.[1]
  if (line !== undefined) return { file: file.name, line: Number(line), message }
  const position = /position (\d+)/.exec(error)?.[1]
  if (position === undefined) return { file: file.name, message }
  return { file: file.name, line: file.text.slice(0, Number(position)).split('\n').length, message }
}
