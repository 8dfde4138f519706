import { describe, expect, it } from 'vitest'
import { findListFile } from './find-list-file.js'

describe('findListFile', () => {
  const files = [
    { name: 'downloads/SDN.CSV', text: 'sdn' },
    { name: 'C:\\lists\\alt.csv', text: 'alt' },
    { name: 'sdn.csv.bak', text: 'backup' },
  ]

  it.each([
    ['sdn.csv', 'sdn'],
    ['ALT.CSV', 'alt'],
    ['add.csv', undefined],
  ])('%s', (name, text) => {
    expect(findListFile(files, name)?.text).toBe(text)
  })
})
