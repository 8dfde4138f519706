const months: Readonly<Record<string, string>> = {
  jan: '01',
  feb: '02',
  mar: '03',
  apr: '04',
  may: '05',
  jun: '06',
  jul: '07',
  aug: '08',
  sep: '09',
  oct: '10',
  nov: '11',
  dec: '12',
}

// A range wider than this is a data error, not a birth year span worth listing year by year.
const longestRange = 30

type ListedDate = { readonly year: number; readonly month?: string; readonly day?: string }

/**
 * The birth dates an OFAC `DOB` remark gives, as `YYYY`, `YYYY-MM` or `YYYY-MM-DD`: `21 Apr 1975`, `Apr 1975`, `1962`,
 * `circa 1960` (the year), `1960 to 1962` and `01 Jan 1960 to 31 Dec 1962` (each year; a range within one year or
 * one month narrows to it). Empty when the text is not a date OFAC writes.
 */
export function ofacBirthDates(text: string): string[] {
  const value = text
    .trim()
    .replace(/^circa\s+/i, '')
    .replace(/\.$/, '')
  const range = /^(.+?)\s*(?:\bto\b|(?<=^\d{4})-(?=\d{4}$))\s*(.+)$/i.exec(value)
  if (!range) {
    const date = readDate(value)
    return date ? [format(date)] : []
  }
  const from = readDate(range[1] ?? '')
  const to = readDate(range[2] ?? '')
  if (!from || !to) return []
  if (from.year === to.year) {
    if (format(from) === format(to)) return [format(from)]
    return from.month !== undefined && from.month === to.month ? [`${from.year}-${from.month}`] : [String(from.year)]
  }
  if (to.year < from.year || to.year - from.year > longestRange) return [format(from), format(to)]
  return Array.from({ length: to.year - from.year + 1 }, (_, index) => String(from.year + index))
}

function readDate(text: string): ListedDate | undefined {
  const parts = text.trim().split(/\s+/)
  const year = Number(parts.at(-1))
  if (!Number.isInteger(year) || year < 1000 || year > 9999) return undefined
  if (parts.length === 1) return { year }
  const month = months[(parts.at(-2) ?? '').slice(0, 3).toLowerCase()]
  if (!month) return undefined
  if (parts.length === 2) return { year, month }
  const day = Number(parts[0])
  if (parts.length !== 3 || !Number.isInteger(day) || day < 1 || day > 31) return undefined
  return { year, month, day: String(day).padStart(2, '0') }
}

function format(date: ListedDate): string {
  if (date.month === undefined) return String(date.year)
  return date.day === undefined ? `${date.year}-${date.month}` : `${date.year}-${date.month}-${date.day}`
}
