import { foldToAscii } from '../normalise/person-name.js'
import type { Resume } from '../record/application-record.js'

export const historySections = ['education', 'work'] as const
export type HistorySection = (typeof historySections)[number]

const sectionFields = {
  education: ['institution', 'studyType', 'area', 'startDate', 'endDate'],
  work: ['name', 'position', 'startDate', 'endDate'],
} as const satisfies Record<HistorySection, readonly string[]>

export type FieldChange = { readonly field: string; readonly before: string; readonly after: string }

/** One difference between two submissions' histories: an entry added, removed, or changed field by field. */
export type HistoryChange =
  | { readonly section: HistorySection; readonly change: 'added' | 'removed'; readonly entry: string }
  | {
      readonly section: HistorySection
      readonly change: 'changed'
      readonly entry: string
      readonly fields: readonly FieldChange[]
    }

// Control characters never typed in a CV separate sections, entries and fields.
const sectionSeparator = '\u001d'
const entrySeparator = '\u001e'
const fieldSeparator = '\u001f'

/**
 * The education and work history of a CV as one compact string: the index keeps only this for each claimed person's
 * latest submission, not the record.
 */
export function historySnapshot(cv: Resume): string {
  return historySections
    .map((section) => {
      const entries: readonly Readonly<Record<string, unknown>>[] =
        (section === 'education' ? cv.education : cv.work) ?? []
      return entries
        .map((entry) => sectionFields[section].map((field) => clean(entry[field])).join(fieldSeparator))
        .join(entrySeparator)
    })
    .join(sectionSeparator)
}

function clean(value: unknown): string {
  if (typeof value !== 'string') return ''
  return value.split(sectionSeparator).join(' ').split(entrySeparator).join(' ').split(fieldSeparator).join(' ').trim()
}

/**
 * What changed from the earlier history to the later one. Entries are matched by school or employer (folded case and
 * punctuation); a section missing or empty on either side is not compared, since a short form is not a new history.
 */
export function diffHistory(earlier: string, later: string): readonly HistoryChange[] {
  if (earlier === later) return []
  const before = earlier.split(sectionSeparator)
  const after = later.split(sectionSeparator)
  const changes: HistoryChange[] = []
  historySections.forEach((section, index) => {
    const old = parseEntries(before[index] ?? '')
    const now = parseEntries(after[index] ?? '')
    if (old.size === 0 || now.size === 0) return
    for (const [key, entry] of old) {
      const current = now.get(key)
      if (!current) {
        changes.push({ section, change: 'removed', entry: describe(entry, section) })
        continue
      }
      const fields: FieldChange[] = []
      sectionFields[section].forEach((field, position) => {
        const was = entry[position] ?? ''
        const is = current[position] ?? ''
        if (was !== is) fields.push({ field, before: was, after: is })
      })
      if (fields.length > 0) changes.push({ section, change: 'changed', entry: describe(current, section), fields })
    }
    for (const [key, entry] of now)
      if (!old.has(key)) changes.push({ section, change: 'added', entry: describe(entry, section) })
  })
  return changes
}

function parseEntries(text: string): Map<string, readonly string[]> {
  const entries = new Map<string, readonly string[]>()
  if (text === '') return entries
  for (const raw of text.split(entrySeparator)) {
    const fields = raw.split(fieldSeparator)
    // School or employer; without one, the degree or position stands in.
    const name = foldToAscii(fields[0] || fields[1] || '')
      .replace(/[^a-z0-9]+/g, ' ')
      .trim()
    let key = `${name}#1`
    for (let occurrence = 2; entries.has(key); occurrence++) key = `${name}#${occurrence}`
    if (name !== '' || fields.some((field) => field !== '')) entries.set(key, fields)
  }
  return entries
}

function describe(fields: readonly string[], section: HistorySection): string {
  const [name = '', detail = ''] = fields
  const dates = section === 'education' ? [fields[3], fields[4]] : [fields[2], fields[3]]
  const period = dates[0] || dates[1] ? ` (${dates[0] || '?'} to ${dates[1] || 'now'})` : ''
  const what = section === 'education' ? [detail, fields[2]].filter(Boolean).join(' in ') : detail
  return `${name || 'unnamed'}${what ? `, ${what}` : ''}${period}`
}
