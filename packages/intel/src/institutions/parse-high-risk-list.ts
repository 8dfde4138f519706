import { countryCodeFromName } from '@hirewall/core'
import type { IntelFile, IntelFileIssue, IntelParseResult } from '../source/intel-source.js'
import type { HighRiskInstitution } from './institution.js'
import { hostOf } from './institution-domain.js'
import { readCsvTable } from './read-csv-table.js'

/** The columns of a high-risk institution list; only `name` is required. */
export const highRiskListColumns = ['name', 'country', 'domains', 'reason'] as const

const defaultReason = "on the organisation's high-risk institution list"

/**
 * Parses an organisation's own high-risk or diploma-mill list: CSV with a header `name,country,domains,reason`
 * (`country` an ISO code or an English name, `domains` separated by `;`, extra columns ignored). Several files make
 * one list. The list is the organisation's own, so any bad row rejects it, with every problem named by file, line
 * and column: a list that flags people must not drop rows silently.
 */
export function parseHighRiskList(files: readonly IntelFile[]): IntelParseResult {
  if (files.length === 0) return { status: 'invalid', issues: [{ file: '(none)', message: 'no file given' }] }
  const entries: HighRiskInstitution[] = []
  const issues: IntelFileIssue[] = []
  for (const file of files) {
    const list = (file.name.split(/[\\/]/).at(-1) ?? file.name).replace(/\.[^.]*$/, '')
    const table = readCsvTable(file, ['name'])
    if (table.status === 'invalid') {
      issues.push(table.issue)
      continue
    }
    for (const row of table.rows) {
      const problem = (column: string, message: string): void => {
        issues.push({ file: file.name, line: row.line, column: row.columnNumber(column), field: column, message })
      }
      const name = row.cell('name').replace(/\s+/g, ' ')
      if (name === '') problem('name', 'name is empty')
      const countryText = row.cell('country')
      const countryCode = countryText === '' ? undefined : countryCodeFromName(countryText)
      if (countryText !== '' && !countryCode) problem('country', `country "${countryText}" is not a known country`)
      const domains: string[] = []
      for (const text of row.cell('domains').split(';')) {
        if (text.trim() === '') continue
        const host = hostOf(text)
        if (host) domains.push(host)
        else problem('domains', `domain "${text.trim()}" is not a domain name`)
      }
      const reason = row.cell('reason') || defaultReason
      if (name === '') continue
      entries.push({ name, ...(countryCode ? { countryCode } : {}), domains, reason, list })
    }
  }
  if (issues.length > 0) return { status: 'invalid', issues }
  if (entries.length === 0) {
    return { status: 'invalid', issues: files.map((file) => ({ file: file.name, message: 'has no entries' })) }
  }
  return { status: 'ok', data: { area: 'high-risk-institutions', entries }, entries: entries.length, skipped: [] }
}
