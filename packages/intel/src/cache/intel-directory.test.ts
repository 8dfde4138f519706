import { join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { resolveIntelDirectory } from './intel-directory.js'

describe('resolveIntelDirectory', () => {
  const home = resolve('/home/ana')
  it.each([
    [
      'the flag wins over everything',
      { flag: 'here', env: { HIREWALL_INTEL_DIR: '/a', HIREWALL_HOME: '/b' } },
      resolve('here'),
    ],
    ['then HIREWALL_INTEL_DIR', { env: { HIREWALL_INTEL_DIR: '/a', HIREWALL_HOME: '/b' } }, resolve('/a')],
    ['then HIREWALL_HOME/intel', { env: { HIREWALL_HOME: '/b' } }, resolve('/b', 'intel')],
    ['then ~/.hirewall/intel', { env: {} }, join(home, '.hirewall', 'intel')],
    [
      'empty values count as unset',
      { flag: '', env: { HIREWALL_INTEL_DIR: ' ', HIREWALL_HOME: '' } },
      join(home, '.hirewall', 'intel'),
    ],
  ])('%s', (_case, inputs, expected) => {
    expect(resolveIntelDirectory({ ...inputs, homeDirectory: home })).toBe(expected)
  })
})
