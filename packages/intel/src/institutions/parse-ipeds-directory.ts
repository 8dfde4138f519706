import type { DegreeLevel } from '@hirewall/core'
import type { IntelFile, IntelFileIssue, IntelParseResult } from '../source/intel-source.js'
import type { Institution } from './institution.js'
import { hostOf } from './institution-domain.js'
import { pickSourceFile } from './pick-source-file.js'
import { readCsvTable } from './read-csv-table.js'
import { repairWindows1252 } from './repair-windows-1252.js'

const listName = 'ipeds'

/** IPEDS HLOFFER (highest level of offering) codes and the degree level each stands for. */
const highestOffering: ReadonlyMap<string, DegreeLevel> = new Map(
  Object.entries({
    '1': 'certificate', // award of less than one academic year
    '2': 'certificate', // award of at least one but less than two academic years
    '3': 'associate',
    '4': 'certificate', // award of at least two but less than four academic years
    '5': 'bachelor',
    '6': 'bachelor', // postbaccalaureate certificate: the institution awards nothing above a bachelor's
    '7': 'master',
    '8': 'master', // post-master's certificate
    '9': 'doctorate',
  } satisfies Record<string, DegreeLevel>),
)

/** PSET4FLG values of institutions that take part in US federal student aid (Title IV), which needs accreditation. */
const titleFourCodes: ReadonlySet<string> = new Set(['1', '3'])

/** Jurisdictions IPEDS covers that have their own ISO 3166-1 code. */
const territories: ReadonlySet<string> = new Set(['PR', 'GU', 'VI', 'AS', 'MP', 'FM', 'MH', 'PW'])

/**
 * Parses the IPEDS institutional characteristics directory (the HD file, `hdYYYY.csv`, Windows-1252 text as NCES
 * publishes it; see `repairWindows1252` for how either decoding is read). Keeps closed institutions (their degrees
 * stay real) with `closedOn`. A row without UNITID or INSTNM is skipped with its line.
 */
export function parseIpedsDirectory(files: readonly IntelFile[]): IntelParseResult {
  const picked = pickSourceFile(files, /^hd\d{4}[^/]*\.csv$/)
  if (picked.status === 'invalid') return picked
  const file: IntelFile = { name: picked.file.name, text: repairWindows1252(picked.file.text) }
  const table = readCsvTable(file, ['UNITID', 'INSTNM', 'STABBR'], true)
  if (table.status === 'invalid') return { status: 'invalid', issues: [table.issue] }
  const institutions: Institution[] = []
  const skipped: IntelFileIssue[] = []
  for (const row of table.rows) {
    const unitId = row.cell('UNITID')
    const name = row.cell('INSTNM').replace(/\s+/g, ' ')
    const state = row.cell('STABBR').toUpperCase()
    const missing = !/^\d+$/.test(unitId) ? 'UNITID' : name === '' ? 'INSTNM' : undefined
    if (missing) {
      skipped.push({
        file: file.name,
        line: row.line,
        column: row.columnNumber(missing),
        field: missing,
        message: `${missing} is empty or not valid`,
      })
      continue
    }
    const highestDegree = highestOffering.get(row.cell('HLOFFER'))
    const titleFour = row.cell('PSET4FLG')
    const host = hostOf(row.cell('WEBADDR'))
    const city = row.cell('CITY')
    const closedOn = isoDate(row.cell('CLOSEDAT'))
    institutions.push({
      id: `${listName}:${unitId}`,
      name,
      alternateNames: splitAliases(row.cell('IALIAS'), name),
      countryCode: territories.has(state) ? state : 'US',
      ...(state ? { region: state } : {}),
      ...(city ? { city } : {}),
      domains: host ? [host] : [],
      ...(highestDegree ? { highestDegree } : {}),
      ...(titleFour ? { isAccredited: titleFourCodes.has(titleFour) } : {}),
      ...(closedOn ? { closedOn } : {}),
      list: listName,
    })
  }
  if (institutions.length === 0) {
    return { status: 'invalid', issues: [{ file: file.name, message: 'has no institution rows' }, ...skipped] }
  }
  const year = /hd(\d{4})/i.exec(file.name)?.[1]
  return {
    status: 'ok',
    data: { area: 'institutions', institutions },
    entries: institutions.length,
    ...(year ? { version: `HD${year}` } : {}),
    skipped,
  }
}

/**
 * IALIAS is free text: aliases separated by `|`, `;`, runs of spaces or commas (`AUM||Auburn University at
 * Montgomery`, `Jeff State | JSCC`). Commas split only when every piece is itself a name or an acronym, so
 * `Trinity College, Washington, D.C.` stays one alias rather than making `Washington` one.
 */
export function splitAliases(text: string, name: string): string[] {
  const pieces = text.split(/\s*[|;]\s*|\s{2,}/).flatMap((piece) => {
    const parts = piece.split(/\s*,\s*/)
    const isList = parts.length > 1 && parts.every((part) => part.includes(' ') || /^[A-Z][A-Z.&-]+$/.test(part))
    return isList ? parts : [piece]
  })
  const seen = new Set([name.toLowerCase()])
  const aliases: string[] = []
  for (const piece of pieces) {
    const alias = piece.trim()
    if (alias.length < 2 || seen.has(alias.toLowerCase())) continue
    seen.add(alias.toLowerCase())
    aliases.push(alias)
  }
  return aliases
}

// IPEDS writes dates as MM/DD/YYYY and "-2" when not applicable.
function isoDate(text: string): string | undefined {
  const match = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(text)
  if (!match) return /^\d{4}$/.test(text) ? text : undefined
  const [, month, day, year] = match
  return `${year}-${month?.padStart(2, '0')}-${day?.padStart(2, '0')}`
}
