/** A CSV upload for tests, with what its import must report. */
export type TestCsv = {
  readonly bytes: Buffer
  /** Data rows in the file (each one application, valid or not). */
  readonly rows: number
  /** Applications it creates on a fresh store. */
  readonly created: number
  /** Rows naming an application an earlier row of the file already named. */
  readonly existing: number
  /** Invalid rows by row number: where each starts in the file and the path of its issue. */
  readonly invalid: ReadonlyMap<number, { readonly line: number; readonly path: string }>
}

const header = 'application_id,submitted_at,name,emails,phones,home_address,country,utc_offset_minutes'

/**
 * `count` data rows, application ids `<prefix>-<n>`. Every 97th row has a bad `utc_offset_minutes`, every 151st a
 * `submitted_at` without a time zone, every 50th a home address over two lines (so rows and lines part ways), and
 * every 200th repeats the application id of the row before it.
 */
export function testCsv(count: number, prefix: string): TestCsv {
  const lines = [header]
  const invalid = new Map<number, { line: number; path: string }>()
  const ids = new Set<string>()
  let line = 2
  let existing = 0
  for (let row = 1; row <= count; row += 1) {
    const isRepeat = row % 200 === 0
    const id = `${prefix}-${isRepeat ? row - 1 : row}`
    const badOffset = row % 97 === 0
    const badTime = !badOffset && row % 151 === 0
    const twoLineAddress = row % 50 === 0
    const number = String(1000 + (row % 9000)).padStart(4, '0')
    const cells = [
      id,
      badTime
        ? '2026-03-02 15:04'
        : `2026-03-${String(1 + (row % 28)).padStart(2, '0')}T09:${String(row % 60).padStart(2, '0')}:00Z`,
      `Tester ${prefix} ${row}`,
      `tester.${prefix}.${row}@example.com`,
      `+1 415 555 ${number}`,
      twoLineAddress ? `"${row} Elm Street\nOakland, CA"` : '',
      'US',
      badOffset ? 'minus eight hours' : '-480',
    ]
    lines.push(cells.join(','))
    if (badOffset) invalid.set(row, { line, path: 'utc_offset_minutes' })
    else if (badTime) invalid.set(row, { line, path: 'submitted_at' })
    else if (ids.has(id)) existing += 1
    else ids.add(id)
    line += twoLineAddress ? 2 : 1
  }
  return { bytes: Buffer.from(`${lines.join('\n')}\n`), rows: count, created: ids.size, existing, invalid }
}
