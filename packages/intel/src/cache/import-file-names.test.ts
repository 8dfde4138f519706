import { describe, expect, it } from 'vitest'
import { assignImportFileNames } from './import-file-names.js'
import { lineListDefinition } from './testing/line-list-definition.js'

const ofacLike = lineListDefinition('ofac-consolidated', {
  downloads: ['cons_prim.csv', 'cons_alt.csv', 'cons_add.csv'].map((name) => ({ name, url: `https://x.test/${name}` })),
})
const sdnLike = lineListDefinition('ofac-sdn', {
  downloads: ['sdn.csv', 'alt.csv', 'add.csv'].map((name) => ({ name, url: `https://x.test/${name}` })),
})
const single = lineListDefinition('un-consolidated', {
  downloads: [{ name: 'consolidated.xml', url: 'https://x.test/consolidated.xml' }],
})
const named = lineListDefinition('watchlist', { isNamedList: true })

describe('assignImportFileNames', () => {
  it.each([
    ['exact names in any case', sdnLike, ['in/SDN.CSV', 'in/alt.csv'], ['sdn.csv', 'alt.csv']],
    [
      'dated copies',
      sdnLike,
      ['d/sdn_2024-05-03.csv', 'd/alt_2025-12.csv', 'd/add_2025-12.csv'],
      ['sdn.csv', 'alt.csv', 'add.csv'],
    ],
    [
      'the longer expected name wins',
      ofacLike,
      ['cons_prim.csv', 'x/cons_alt-2025.csv'],
      ['cons_prim.csv', 'cons_alt.csv'],
    ],
    ['explicit NAME=PATH', sdnLike, ['sdn.csv=a.csv', 'ALT.csv=b.csv'], ['sdn.csv', 'alt.csv']],
    ['a single-file copy holding the expected name', single, ['data/UN_consolidated.xml'], ['consolidated.xml']],
    ['a single-file copy named otherwise', single, ['data/un-2026-02.xml'], ['un-2026-02.xml']],
    ['a named list keeps its own names', named, ['a/bad.csv', 'b/worse.csv'], ['bad.csv', 'worse.csv']],
  ])('%s', (_case, definition, args, names) => {
    const result = assignImportFileNames(definition, args)
    expect(result.status === 'ok' && result.files.map((file) => file.name)).toEqual(names)
  })

  it('keeps the path of an explicit NAME=PATH', () => {
    expect(assignImportFileNames(sdnLike, ['sdn.csv=dir/a=b.csv'])).toEqual({
      status: 'ok',
      files: [{ path: 'dir/a=b.csv', name: 'sdn.csv' }],
    })
  })

  it.each([
    [
      'an unrecognised file',
      sdnLike,
      ['list.csv'],
      /cannot tell which ofac-sdn file list\.csv is \(expected sdn\.csv, alt\.csv, add\.csv\): rename it or pass it as sdn\.csv=list\.csv/,
    ],
    ['cons_alt.csv for the SDN list', sdnLike, ['cons_alt.csv'], /cannot tell which ofac-sdn file cons_alt\.csv is/],
    [
      'two files for one name',
      sdnLike,
      ['a/sdn.csv', 'b/sdn_2.csv'],
      /a\/sdn\.csv and b\/sdn_2\.csv are both sdn\.csv of ofac-sdn/,
    ],
    ['no file', named, [], /no file given for watchlist/],
  ])('refuses %s', (_case, definition, args, message) => {
    expect(assignImportFileNames(definition, args)).toEqual({
      status: 'invalid',
      message: expect.stringMatching(message) as string,
    })
  })
})
