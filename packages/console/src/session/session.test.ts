import { describe, expect, it } from 'vitest'
import { abilitiesOf } from './session'

// The permissions GET /v1/me reports for each role (the server's permission table).
const viewer = ['applications.read']
const analyst = [...viewer, 'applications.submit', 'cases.decide']
const admin = [...analyst, 'audit.read', 'users.manage', 'api-keys.manage', 'webhooks.manage', 'policy.manage']

describe('abilitiesOf', () => {
  it('lets viewers only read', () => {
    expect(abilitiesOf({ permissions: viewer })).toEqual({
      canDecide: false,
      canManageUsers: false,
      canManageKeys: false,
      canReadAudit: false,
      canManageWebhooks: false,
    })
  })
  it('lets analysts decide but not administer', () => {
    expect(abilitiesOf({ permissions: analyst })).toMatchObject({ canDecide: true, canManageUsers: false })
  })
  it('lets admins do everything', () => {
    expect(abilitiesOf({ permissions: admin })).toEqual({
      canDecide: true,
      canManageUsers: true,
      canManageKeys: true,
      canReadAudit: true,
      canManageWebhooks: true,
    })
  })
})
