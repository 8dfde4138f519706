/** One INDIVIDUAL_DATE_OF_BIRTH of the UN list, its elements as text (empty when absent). */
export type UnBirthDate = {
  readonly type: string
  readonly date: string
  readonly year: string
  readonly fromYear: string
  readonly toYear: string
  readonly note: string
}

const months = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'] as const

// A span wider than this is a data error, not a birth year range worth listing year by year.
const longestRange = 30

/**
 * The birth dates one UN INDIVIDUAL_DATE_OF_BIRTH gives, as `YYYY`, `YYYY-MM` or `YYYY-MM-DD`: DATE when present, else
 * YEAR (EXACT or APPROXIMATELY alike), else each year FROM_YEAR to TO_YEAR (BETWEEN), else a NOTE that reads "Nov.
 * 1973". Empty when none of these is a date (a NOTE such as "30-35 years old").
 */
export function unBirthDates(birth: UnBirthDate): string[] {
  const date = /^(\d{4})-(\d{2})-(\d{2})/.exec(birth.date)
  if (date) return [`${date[1]}-${date[2]}-${date[3]}`]
  if (/^\d{4}$/.test(birth.year)) return [birth.year]
  const from = Number(birth.fromYear)
  const to = Number(birth.toYear)
  if (/^\d{4}$/.test(birth.fromYear) && /^\d{4}$/.test(birth.toYear)) {
    if (to < from || to - from > longestRange) return [birth.fromYear, birth.toYear]
    return Array.from({ length: to - from + 1 }, (_, index) => String(from + index))
  }
  const noted = /^([a-z]{3})[a-z]*\.?\s+(\d{4})$/i.exec(birth.note)
  const month = months.indexOf((noted?.[1] ?? '').toLowerCase() as (typeof months)[number])
  return noted && month !== -1 ? [`${noted[2]}-${String(month + 1).padStart(2, '0')}`] : []
}
