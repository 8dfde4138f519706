import { describe, expect, it } from 'vitest'
import { checkReturnPath } from './return-path.js'

describe('checkReturnPath', () => {
  it.each(['/', '/applications/7f1c', '/clusters/c-1?tab=graph', '/users', '/audit?actor=user%3A1'])(
    'keeps the console path %s',
    (path) => {
      expect(checkReturnPath(path)).toBe(path)
    },
  )

  it.each([
    ['another origin', 'https://evil.example/'],
    ['a scheme-relative URL', '//evil.example/path'],
    ['a backslash that browsers read as a slash', '/\\evil.example'],
    ['a tab inside', '/\t/evil.example'],
    ['a javascript: URL', 'javascript:alert(1)'],
    ['a relative path', 'applications/1'],
    ['a fragment', '/applications/1#x'],
    ['dot segments that change the path', '/applications/../v1/users'],
    ['an API route', '/v1/users'],
    ['the API docs', '/docs'],
    ['an empty value', ''],
    ['a very long path', `/${'a'.repeat(600)}`],
    ['a space', '/a b'],
    ['an angle bracket', '/<script>'],
  ])('refuses %s', (_case, value) => {
    expect(checkReturnPath(value)).toBeNull()
  })
})
