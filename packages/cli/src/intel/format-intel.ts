import { describeIssue, type IntelFileIssue, type IntelSourceStatus, type SourceManifest } from '@hirewall/intel'

/** `3.9 MB`, `812 kB`, `96 B`: sizes as people read them (decimal units, like `ls -h --si`). */
export function formatBytes(bytes: number): string {
  if (bytes < 1000) return `${bytes} B`
  const units = ['kB', 'MB', 'GB'] as const
  let value = bytes / 1000
  let unit = 0
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000
    unit += 1
  }
  return `${value >= 100 ? value.toFixed(0) : value.toFixed(1)} ${units[unit]}`
}

/** `2026-11-23 09:00Z`: minutes are enough to tell downloads apart. */
export function formatInstant(iso: string): string {
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)}Z`
}

/** `version 2024-05-03, 14,965 entries (12 rows skipped), 3.9 MB` */
export function describeVersion(manifest: SourceManifest): string {
  const skipped = manifest.skipped > 0 ? ` (${manifest.skipped.toLocaleString('en-US')} rows skipped)` : ''
  return `version ${manifest.version}, ${manifest.entries.toLocaleString('en-US')} entries${skipped}, ${formatBytes(manifest.bytes)}`
}

/** `; keeping version 2026-02-27 (downloaded 2026-11-20 06:00Z)`, or a note that nothing is in use. */
export function describeKept(current: SourceManifest | undefined): string {
  if (!current) return '; nothing cached for it yet'
  const how = current.origin === 'download' ? 'downloaded' : 'imported'
  return `; keeping version ${current.version} (${how} ${formatInstant(current.fetchedAt)})`
}

/** Up to `limit` issues, one indented line each, and how many more there are. */
export function formatIssues(issues: readonly IntelFileIssue[], limit = 5): string {
  const lines = issues.slice(0, limit).map((issue) => `  ${describeIssue(issue)}\n`)
  if (issues.length > limit) lines.push(`  ... and ${issues.length - limit} more\n`)
  return lines.join('')
}

const statusColumns = ['SOURCE', 'VERSION', 'DATE', 'ORIGIN', 'ENTRIES', 'SIZE'] as const

/** The `intel status` table: one row per source, aligned columns, numbers right-aligned. */
export function formatStatusTable(statuses: readonly IntelSourceStatus[]): string {
  const rows = statuses.map((status) => [
    status.name,
    status.version,
    formatInstant(status.fetchedAt),
    status.origin,
    status.entries.toLocaleString('en-US'),
    formatBytes(status.bytes),
  ])
  const widths = statusColumns.map((title, column) =>
    Math.max(title.length, ...rows.map((row) => row[column]?.length ?? 0)),
  )
  const isNumeric = (column: number): boolean => column >= 4
  const line = (cells: readonly string[]): string =>
    `${cells
      .map((cell, column) =>
        isNumeric(column) ? cell.padStart(widths[column] ?? 0) : cell.padEnd(widths[column] ?? 0),
      )
      .join('  ')
      .trimEnd()}\n`
  return [line(statusColumns), ...rows.map(line)].join('')
}
