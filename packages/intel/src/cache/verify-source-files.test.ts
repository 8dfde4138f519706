import { describe, expect, it } from 'vitest'
import { describeIssue } from './verify-source-files.js'

describe('describeIssue', () => {
  it.each([
    [
      { file: 'fronts.csv', line: 4, column: 2, field: 'value', message: 'is not an email' },
      'fronts.csv line 4 column 2 (value): is not an email',
    ],
    [{ file: 'sdn.csv', line: 12, message: 'unclosed quote' }, 'sdn.csv line 12: unclosed quote'],
    [{ file: 'consolidated.xml', message: 'is not XML' }, 'consolidated.xml: is not XML'],
  ])('names the file, line and column it knows: %j', (issue, expected) => {
    expect(describeIssue(issue)).toBe(expected)
  })
})
