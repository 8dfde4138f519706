import { XMLParser, XMLValidator } from 'fast-xml-parser'
import type { IntelFile, IntelFileIssue, IntelParseResult } from '../source/intel-source.js'
import { findListFile } from './find-list-file.js'
import { listCountryCode } from './list-country.js'
import type { SanctionedEntity, SanctionedGender, SanctionedName } from './sanctioned-entity.js'
import { unBirthDates, type UnBirthDate } from './un-birth-dates.js'

/** The file name the UN Security Council publishes its consolidated list under. */
export const unConsolidatedFileName = 'consolidated.xml'

// The UN reference number's prefix names the sanctions committee, known by the resolution that set it up.
const committeeResolutions: Readonly<Record<string, string>> = {
  QD: '1267',
  TA: '1988',
  KP: '1718',
  IR: '1737',
  IQ: '1518',
  CD: '1533',
  LY: '1970',
  SO: '2713',
  CF: '2127',
  GB: '2048',
  YE: '2140',
  HT: '2653',
  SD: '1591',
  SS: '2206',
}

// Elements that repeat in the list, read as arrays even when an entry has only one.
const repeated = new Set([
  'INDIVIDUAL',
  'ENTITY',
  'INDIVIDUAL_ALIAS',
  'ENTITY_ALIAS',
  'INDIVIDUAL_DATE_OF_BIRTH',
  'INDIVIDUAL_ADDRESS',
  'ENTITY_ADDRESS',
  'NATIONALITY',
  'VALUE',
])

type XmlNode = Readonly<Record<string, unknown>>

/**
 * Parses the UN Security Council consolidated list (`consolidated.xml`) into sanctioned entities with ids
 * `un:<REFERENCE_NUMBER>` (`un:KPi.033`): individuals as Person, entities as Organization. The name is FIRST_NAME to
 * FOURTH_NAME as listed; NAME_ORIGINAL_SCRIPT and the aliases of quality "Good" or "a.k.a." are aliases, those of
 * quality "Low" weak aliases. Programmes are the list type and the committee's resolution (`DPRK`, `1718`). The
 * version is the root's `dateGenerated`. Never throws: a file that is not this XML, or is cut short, is `invalid`.
 */
export function parseUnConsolidatedList(files: readonly IntelFile[]): IntelParseResult {
  const file = findListFile(files, unConsolidatedFileName)
  if (!file) {
    const message = `${unConsolidatedFileName} is missing: pass the UN Security Council consolidated list XML`
    return { status: 'invalid', issues: [{ file: unConsolidatedFileName, message }] }
  }
  const invalid = (message: string, line?: number): IntelParseResult => ({
    status: 'invalid',
    issues: [line === undefined ? { file: file.name, message } : { file: file.name, line, message }],
  })
  if (file.text.trim() === '') return invalid('the file is empty')
  if (!file.text.includes('<CONSOLIDATED_LIST')) {
    return invalid('no CONSOLIDATED_LIST element: this is not the UN Security Council consolidated list XML')
  }
  const validation = XMLValidator.validate(file.text)
  if (validation !== true) return invalid(`not well-formed XML (${validation.err.msg})`, validation.err.line)
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '',
    parseTagValue: false,
    isArray: (name) => repeated.has(name),
  })
  const root = node(node(parser.parse(file.text) as unknown).CONSOLIDATED_LIST)
  const entities: SanctionedEntity[] = []
  const skipped: IntelFileIssue[] = []
  const seen = new Set<string>()
  for (const [group, tag] of [
    ['INDIVIDUALS', 'INDIVIDUAL'],
    ['ENTITIES', 'ENTITY'],
  ] as const) {
    for (const entry of nodes(node(root[group])[tag])) {
      const reference = text(entry.REFERENCE_NUMBER)
      const problem = !reference
        ? `${tag} ${text(entry.DATAID)} has no REFERENCE_NUMBER`
        : seen.has(reference)
          ? `REFERENCE_NUMBER ${reference} is listed twice`
          : undefined
      if (problem) skipped.push({ file: file.name, message: `${problem}; entry skipped` })
      else {
        seen.add(reference)
        entities.push(tag === 'INDIVIDUAL' ? individualOf(entry, reference) : entityOf(entry, reference))
      }
    }
  }
  if (entities.length === 0) return invalid('the list has no INDIVIDUAL or ENTITY entries')
  const version = text(root.dateGenerated)
  return {
    status: 'ok',
    data: { area: 'sanctions', entities },
    entries: entities.length,
    ...(version ? { version } : {}),
    skipped,
  }
}

function individualOf(entry: XmlNode, reference: string): SanctionedEntity {
  const gender = genderOf(entry)
  return {
    ...common(entry, reference, 'INDIVIDUAL'),
    schema: 'Person',
    birthDates: unique(nodes(entry.INDIVIDUAL_DATE_OF_BIRTH).flatMap((date) => unBirthDates(birthDateOf(date)))),
    nationalities: countryCodes(nodes(entry.NATIONALITY).flatMap((nationality) => values(nationality.VALUE))),
    ...(gender ? { gender } : {}),
  }
}

function entityOf(entry: XmlNode, reference: string): SanctionedEntity {
  return { ...common(entry, reference, 'ENTITY'), schema: 'Organization', birthDates: [], nationalities: [] }
}

function common(entry: XmlNode, reference: string, tag: 'INDIVIDUAL' | 'ENTITY') {
  const caption = ['FIRST_NAME', 'SECOND_NAME', 'THIRD_NAME', 'FOURTH_NAME']
    .map((part) => text(entry[part]))
    .filter((part) => part !== '')
    .join(' ')
  const names: SanctionedName[] = [{ value: caption, kind: 'primary' }]
  const add = (value: string, kind: SanctionedName['kind']): void => {
    if (value && !names.some((name) => name.value === value)) names.push({ value, kind })
  }
  add(text(entry.NAME_ORIGINAL_SCRIPT), 'alias')
  for (const alias of nodes(entry[`${tag}_ALIAS`])) {
    // The UN quotes some aliases ("KOMID"); the quotes are not part of the name.
    add(text(alias.ALIAS_NAME).replace(/^"(.*)"$/, '$1'), text(alias.QUALITY) === 'Low' ? 'weak-alias' : 'alias')
  }
  const listType = text(entry.UN_LIST_TYPE)
  const resolution = committeeResolutions[reference.slice(0, 2).toUpperCase()]
  const remarks = text(entry.COMMENTS1)
  const listedOn = text(entry.LISTED_ON).slice(0, 10)
  return {
    id: `un:${reference}`,
    caption,
    names,
    countries: countryCodes(nodes(entry[`${tag}_ADDRESS`]).map((address) => text(address.COUNTRY))),
    programs: unique([listType, resolution ?? ''].filter((program) => program !== '')),
    list: 'un-consolidated',
    ...(remarks ? { remarks } : {}),
    ...(/^\d{4}-\d{2}-\d{2}$/.test(listedOn) ? { listedOn } : {}),
  } as const
}

function birthDateOf(date: XmlNode): UnBirthDate {
  return {
    type: text(date.TYPE_OF_DATE),
    date: text(date.DATE),
    year: text(date.YEAR),
    fromYear: text(date.FROM_YEAR),
    toYear: text(date.TO_YEAR),
    note: text(date.NOTE),
  }
}

// GENDER is rare in the list; some entries state it in the comments instead ("Gender: male").
function genderOf(entry: XmlNode): SanctionedGender | undefined {
  const stated = text(entry.GENDER) || /\bgender:\s*(male|female)\b/i.exec(text(entry.COMMENTS1))?.[1] || ''
  const lower = stated.toLowerCase()
  return lower === 'male' || lower === 'female' ? lower : undefined
}

function countryCodes(names: readonly string[]): string[] {
  return unique(names.map((name) => (name ? (listCountryCode(name) ?? '') : '')).filter((code) => code !== ''))
}

function unique(values: readonly string[]): string[] {
  return [...new Set(values)]
}

function node(value: unknown): XmlNode {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as XmlNode) : {}
}

function nodes(value: unknown): XmlNode[] {
  return Array.isArray(value) ? value.map(node) : value === undefined ? [] : [node(value)]
}

function values(value: unknown): string[] {
  return (Array.isArray(value) ? value : [value]).map(text).filter((item) => item !== '')
}

// Element text with its whitespace collapsed: the UN wraps long values over several lines.
function text(value: unknown): string {
  const raw = typeof value === 'string' || typeof value === 'number' ? String(value) : node(value)['#text']
  return typeof raw === 'string' ? raw.replace(/\s+/g, ' ').trim() : ''
}
