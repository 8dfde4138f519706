import type { IntelFile, IntelFileIssue, IntelParseResult } from '../source/intel-source.js'
import type { CsvRecord } from '../csv/read-csv.js'
import { findListFile } from './find-list-file.js'
import { listCountryCode } from './list-country.js'
import { ofacCell } from './ofac-cell.js'
import { readOfacCsvTable } from './ofac-csv-table.js'
import { readOfacRemarks } from './ofac-remarks.js'
import type { SanctionedEntity, SanctionedName, SanctionedSchema } from './sanctioned-entity.js'

/** OFAC's two lists in its legacy CSV format: the SDN list and the consolidated non-SDN list. */
export const ofacCsvLists = ['ofac-sdn', 'ofac-consolidated'] as const
export type OfacCsvList = (typeof ofacCsvLists)[number]

/** The file names of each list, as OFAC publishes them; aliases are required, addresses and comments optional. */
export const ofacCsvFileNames = {
  'ofac-sdn': { primary: 'sdn.csv', aliases: 'alt.csv', addresses: 'add.csv', comments: 'sdn_comments.csv' },
  'ofac-consolidated': {
    primary: 'cons_prim.csv',
    aliases: 'cons_alt.csv',
    addresses: 'cons_add.csv',
    comments: 'cons_comments.csv',
  },
} as const satisfies Record<OfacCsvList, Readonly<Record<'primary' | 'aliases' | 'addresses' | 'comments', string>>>

// The columns of OFAC's data specification (dat_spec.txt); the files themselves have no header.
const primaryColumns = [
  'ent_num',
  'sdn_name',
  'sdn_type',
  'program',
  'title',
  'call_sign',
  'vess_type',
  'tonnage',
  'grt',
  'vess_flag',
  'vess_owner',
  'remarks',
] as const
const aliasColumns = ['ent_num', 'alt_num', 'alt_type', 'alt_name', 'alt_remarks'] as const
const addressColumns = ['ent_num', 'add_num', 'address', 'city_state_postal', 'country', 'add_remarks'] as const
const commentColumns = ['ent_num', 'remarks_extended'] as const

const schemaOfType: Readonly<Record<string, SanctionedSchema>> = {
  individual: 'Person',
  vessel: 'Vessel',
  aircraft: 'Airplane',
}

// An entity while its alias and address rows are still being added.
type EntityDraft = SanctionedEntity & { readonly names: SanctionedName[]; readonly countries: string[] }

/**
 * Parses one of OFAC's lists from its legacy CSV files (`sdn.csv` + `alt.csv` [+ `add.csv`, `sdn_comments.csv`], or
 * `cons_prim.csv` + `cons_alt.csv` [+ `cons_add.csv`, `cons_comments.csv`]) into sanctioned entities with ids
 * `<list>:<ent_num>`. Names as listed ("KIM, Jong Un"), strong aliases from the alias file and weak ones from the
 * remarks; birth dates, nationalities and gender from the remarks; countries from addresses and vessel flags.
 * Never throws: missing or malformed files give `invalid`; rows that refer to an entry the primary file lacks (an
 * alias file newer than the primary file) are skipped with the reason.
 */
export function parseOfacCsvList(files: readonly IntelFile[], list: OfacCsvList): IntelParseResult {
  const names = ofacCsvFileNames[list]
  const issues: IntelFileIssue[] = []
  const skipped: IntelFileIssue[] = []
  const read = (name: string, columns: readonly string[], isRequired: boolean, onRow: (row: CsvRecord) => void) => {
    const file = findListFile(files, name)
    if (!file) {
      if (isRequired) issues.push({ file: name, message: `${name} is missing: OFAC's ${list} list needs it` })
      return
    }
    const table = readOfacCsvTable(file, columns, { onRow, onSkip: (issue) => skipped.push(issue) })
    if (table.status === 'invalid') issues.push(...table.issues)
  }
  const unknown = (file: string, row: CsvRecord): IntelFileIssue => ({
    file,
    line: row.line,
    message: `ent_num ${ofacCell(row, 0)} is not in ${names.primary} (is ${file} newer?); row skipped`,
  })

  // OFAC cuts remarks at 1,000 characters and carries the rest, mid-word, in the comments file: read it first.
  const extraRemarks = new Map<string, string>()
  read(names.comments, commentColumns, false, (row) => {
    const entNum = ofacCell(row, 0)
    extraRemarks.set(entNum, (extraRemarks.get(entNum) ?? '') + (row.fields[1] ?? ''))
  })
  const drafts = new Map<string, EntityDraft>()
  read(names.primary, primaryColumns, true, (row) => {
    const entNum = ofacCell(row, 0)
    const problem = drafts.has(entNum) ? `ent_num ${entNum} is listed twice` : ofacCell(row, 1) ? undefined : 'no name'
    if (problem) skipped.push({ file: names.primary, line: row.line, message: `${problem}; row skipped` })
    else drafts.set(entNum, draftOf(row, list, extraRemarks.get(entNum)))
  })
  read(names.aliases, aliasColumns, true, (row) => {
    const draft = drafts.get(ofacCell(row, 0))
    const value = ofacCell(row, 3)
    if (!draft) skipped.push(unknown(names.aliases, row))
    else if (value) addName(draft.names, { value, kind: 'alias' })
  })
  read(names.addresses, addressColumns, false, (row) => {
    const draft = drafts.get(ofacCell(row, 0))
    if (!draft) skipped.push(unknown(names.addresses, row))
    else addCountry(draft.countries, ofacCell(row, 4))
  })
  if (issues.length > 0) return { status: 'invalid', issues }
  const entities: SanctionedEntity[] = [...drafts.values()]
  return { status: 'ok', data: { area: 'sanctions', entities }, entries: entities.length, skipped }
}

function draftOf(row: CsvRecord, list: OfacCsvList, extraRemarks = ''): EntityDraft {
  const caption = ofacCell(row, 1)
  const remarks = (ofacCell(row, 11) + extraRemarks).trim()
  const read = readOfacRemarks(remarks)
  const names: SanctionedName[] = [{ value: caption, kind: 'primary' }]
  for (const value of read.weakAliases) addName(names, { value, kind: 'weak-alias' })
  const countries: string[] = []
  addCountry(countries, ofacCell(row, 9))
  const schema = schemaOfType[ofacCell(row, 2).toLowerCase()] ?? 'Organization'
  const draft: EntityDraft = {
    id: `${list}:${ofacCell(row, 0)}`,
    schema,
    caption,
    names,
    birthDates: read.birthDates,
    nationalities: read.nationalities,
    countries,
    programs: programsOf(ofacCell(row, 3)),
    list,
    ...(remarks ? { remarks } : {}),
    ...(read.gender && schema === 'Person' ? { gender: read.gender } : {}),
  }
  return draft
}

// Several programmes are written "SDGT] [IFSR": OFAC's bracketed list with the outer brackets dropped.
function programsOf(cell: string): string[] {
  return cell
    .split(/\]\s*\[/)
    .map((program) => program.replace(/^\[|\]$/g, '').trim())
    .filter((program) => program !== '')
}

// A name listed again (an alias equal to a weak alias, say) keeps its strongest kind.
function addName(names: SanctionedName[], name: SanctionedName): void {
  const index = names.findIndex((known) => known.value === name.value)
  if (index === -1) names.push(name)
  else if (name.kind === 'alias' && names[index]?.kind === 'weak-alias') names[index] = name
}

function addCountry(countries: string[], name: string): void {
  const code = name ? listCountryCode(name) : undefined
  if (code && !countries.includes(code)) countries.push(code)
}
