import type { CsvRecord } from '../csv/read-csv.js'

/** A cell of an OFAC CSV row: trimmed, with OFAC's `-0-` (no value) as the empty string. */
export function ofacCell(row: CsvRecord, index: number): string {
  const raw = row.fields[index] ?? ''
  // Most cells are exactly OFAC's "-0- "; answering them first saves trimming (and allocating) each one.
  if (raw === '-0- ' || raw === '-0-') return ''
  const value = raw.trim()
  return value === '-0-' ? '' : value
}
