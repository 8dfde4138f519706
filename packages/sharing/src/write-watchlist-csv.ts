import { tlpLabel } from './shared-indicator.js'
import type { ImportedIndicator } from './imported-indicator.js'

/**
 * Imported indicators as a watchlist CSV the intel cache loads (`hirewall intel import watchlist`): the four watchlist
 * columns, the note saying who shared it at which TLP and confidence, and the sharing columns (source, tlp,
 * confidence, first_seen, last_seen), which the watchlist loader ignores and a later export reads back.
 */
export function writeWatchlistCsv(indicators: readonly ImportedIndicator[]): string {
  const lines = ['kind,value,severity,note,source,tlp,confidence,first_seen,last_seen']
  for (const indicator of indicators) {
    const context = [
      `shared by ${indicator.source}`,
      indicator.tlp === undefined ? undefined : tlpLabel(indicator.tlp),
      indicator.confidence === undefined ? undefined : `confidence ${indicator.confidence}`,
    ]
      .filter((part) => part !== undefined)
      .join(', ')
    const note = indicator.note === undefined ? context : `${indicator.note} (${context})`
    lines.push(
      [
        indicator.kind,
        indicator.value,
        '',
        note,
        indicator.source,
        indicator.tlp ?? '',
        indicator.confidence === undefined ? '' : String(indicator.confidence),
        indicator.firstSeen ?? '',
        indicator.lastSeen ?? '',
      ]
        .map(csvField)
        .join(','),
    )
  }
  return `${lines.join('\n')}\n`
}

// A partner's text opens in spreadsheets: a leading = + - @ would run as a formula, so it is quoted as text.
function csvField(value: string): string {
  const safe = /^[=+\-@]/.test(value) && !/^\+?\d[\d\s]*$/.test(value) ? `'${value}` : value
  return /[",\n\r]|^\s|\s$/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe
}
