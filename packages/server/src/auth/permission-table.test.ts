import { describe, expect, it } from 'vitest'
import { apiKeyScopes } from './api-key-scope.js'
import { isPermitted, permissions, permissionTable } from './permission-table.js'
import type { Principal } from './principal.js'
import { hasRoleAtLeast, roles } from './role.js'

const user = (role: (typeof roles)[number]): Principal => ({ kind: 'user', userId: 'u', role, sessionId: 's' })
const key = (...scopes: (typeof apiKeyScopes)[number][]): Principal => ({
  kind: 'api-key',
  keyId: 'k',
  prefix: 'p',
  scopes,
})

describe('roles', () => {
  it.each([
    ['viewer', 'viewer', true],
    ['viewer', 'analyst', false],
    ['analyst', 'viewer', true],
    ['analyst', 'admin', false],
    ['admin', 'analyst', true],
  ] as const)('%s is at least %s: %s', (role, minimum, expected) => {
    expect(hasRoleAtLeast(role, minimum)).toBe(expected)
  })
})

describe('the permission table', () => {
  it('has a rule for every permission', () => {
    expect(Object.keys(permissionTable).sort()).toEqual([...permissions].sort())
  })

  it.each(permissions)('lets every role above one allowed %s do it too', (permission) => {
    const allowed = roles.map((role) => isPermitted(user(role), permission))
    // Once a role is allowed, every later (more powerful) role is.
    expect(allowed.indexOf(true)).toBeGreaterThanOrEqual(0)
    expect(allowed.slice(allowed.indexOf(true)).every(Boolean)).toBe(true)
  })

  it('lets no API key decide a case or manage users, whatever its scopes', () => {
    expect(isPermitted(key(...apiKeyScopes), 'cases.decide')).toBe(false)
    expect(isPermitted(key(...apiKeyScopes), 'users.manage')).toBe(false)
  })

  it('lets a key with no scopes do nothing', () => {
    expect(permissions.filter((permission) => isPermitted(key(), permission))).toEqual([])
  })

  it('adds up the scopes of a key that holds several', () => {
    const both = key('submit', 'read')
    expect(isPermitted(both, 'applications.submit') && isPermitted(both, 'applications.read')).toBe(true)
    expect(isPermitted(both, 'webhooks.manage')).toBe(false)
  })
})
