import type { IntelFile, IntelFileIssue, IntelParseResult } from '../source/intel-source.js'
import { findListFile } from './find-list-file.js'
import { listCountryCode } from './list-country.js'
import type { SanctionedEntity, SanctionedGender, SanctionedName } from './sanctioned-entity.js'
import { unBirthDates, type UnBirthDate } from './un-birth-dates.js'
import { childElements, childText, readXmlElements, type XmlElement } from './xml-elements.js'

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
  const read = readXmlElements(file.text)
  if (read.status === 'invalid') return invalid(`not well-formed XML: ${read.message}`, read.line)
  const root = read.root
  if (root.name !== 'CONSOLIDATED_LIST') {
    return invalid(`the root element is <${root.name}>, not the UN list's <CONSOLIDATED_LIST>`)
  }
  const entities: SanctionedEntity[] = []
  const skipped: IntelFileIssue[] = []
  const seen = new Set<string>()
  for (const [group, tag] of [
    ['INDIVIDUALS', 'INDIVIDUAL'],
    ['ENTITIES', 'ENTITY'],
  ] as const) {
    for (const entry of childElements(childElements(root, group)[0], tag)) {
      const reference = childText(entry, 'REFERENCE_NUMBER')
      const problem = !reference
        ? `${tag} ${childText(entry, 'DATAID')} has no REFERENCE_NUMBER`
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
  const version = root.attributes.dateGenerated ?? ''
  return {
    status: 'ok',
    data: { area: 'sanctions', entities },
    entries: entities.length,
    ...(version ? { version } : {}),
    skipped,
  }
}

function individualOf(entry: XmlElement, reference: string): SanctionedEntity {
  const gender = genderOf(entry)
  const nationalities = childElements(entry, 'NATIONALITY').flatMap((nationality) =>
    childElements(nationality, 'VALUE').map((value) => value.text),
  )
  return {
    ...common(entry, reference, 'INDIVIDUAL'),
    schema: 'Person',
    birthDates: unique(childElements(entry, 'INDIVIDUAL_DATE_OF_BIRTH').flatMap((date) => unBirthDates(birthOf(date)))),
    nationalities: countryCodes(nationalities),
    ...(gender ? { gender } : {}),
  }
}

function entityOf(entry: XmlElement, reference: string): SanctionedEntity {
  return { ...common(entry, reference, 'ENTITY'), schema: 'Organization', birthDates: [], nationalities: [] }
}

function common(entry: XmlElement, reference: string, tag: 'INDIVIDUAL' | 'ENTITY') {
  const caption = ['FIRST_NAME', 'SECOND_NAME', 'THIRD_NAME', 'FOURTH_NAME']
    .map((part) => childText(entry, part))
    .filter((part) => part !== '')
    .join(' ')
  const names: SanctionedName[] = [{ value: caption, kind: 'primary' }]
  const add = (value: string, kind: SanctionedName['kind']): void => {
    if (value && !names.some((name) => name.value === value)) names.push({ value, kind })
  }
  add(childText(entry, 'NAME_ORIGINAL_SCRIPT'), 'alias')
  for (const alias of childElements(entry, `${tag}_ALIAS`)) {
    // The UN quotes some aliases ("KOMID"); the quotes are not part of the name.
    const value = childText(alias, 'ALIAS_NAME').replace(/^"(.*)"$/, '$1')
    add(value, childText(alias, 'QUALITY') === 'Low' ? 'weak-alias' : 'alias')
  }
  const listType = childText(entry, 'UN_LIST_TYPE')
  const resolution = committeeResolutions[reference.slice(0, 2).toUpperCase()]
  const remarks = childText(entry, 'COMMENTS1')
  const listedOn = childText(entry, 'LISTED_ON').slice(0, 10)
  const addresses = childElements(entry, `${tag}_ADDRESS`).map((address) => childText(address, 'COUNTRY'))
  return {
    id: `un:${reference}`,
    caption,
    names,
    countries: countryCodes(addresses),
    programs: unique([listType, resolution ?? ''].filter((program) => program !== '')),
    list: 'un-consolidated',
    ...(remarks ? { remarks } : {}),
    ...(/^\d{4}-\d{2}-\d{2}$/.test(listedOn) ? { listedOn } : {}),
  } as const
}

function birthOf(date: XmlElement): UnBirthDate {
  return {
    type: childText(date, 'TYPE_OF_DATE'),
    date: childText(date, 'DATE'),
    year: childText(date, 'YEAR'),
    fromYear: childText(date, 'FROM_YEAR'),
    toYear: childText(date, 'TO_YEAR'),
    note: childText(date, 'NOTE'),
  }
}

// GENDER is rare in the list; some entries state it in the comments instead ("Gender: male").
function genderOf(entry: XmlElement): SanctionedGender | undefined {
  const comments = childText(entry, 'COMMENTS1')
  const stated = childText(entry, 'GENDER') || /\bgender:\s*(male|female)\b/i.exec(comments)?.[1] || ''
  const lower = stated.toLowerCase()
  return lower === 'male' || lower === 'female' ? lower : undefined
}

function countryCodes(names: readonly string[]): string[] {
  const codes = names.map((name) => (name.trim() ? (listCountryCode(name.replace(/\s+/g, ' ').trim()) ?? '') : ''))
  return unique(codes.filter((code) => code !== ''))
}

function unique(values: readonly string[]): string[] {
  return [...new Set(values)]
}
