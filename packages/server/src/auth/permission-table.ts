import { assertNever } from '@hirewall/core'
import type { ApiKeyScope } from './api-key-scope.js'
import type { Principal } from './principal.js'
import { hasRoleAtLeast, type Role } from './role.js'

/** Everything an endpoint can require. Each endpoint checks exactly one. */
export const permissions = [
  'applications.read',
  'applications.submit',
  'cases.decide',
  'audit.read',
  'users.manage',
  'api-keys.manage',
  'webhooks.manage',
  'policy.manage',
  'account.own',
  'intel.read',
  'intel.manage',
  'sharing.export',
  'sharing.read',
  'privacy.manage',
] as const
/** One of {@link permissions}. */
export type Permission = (typeof permissions)[number]

/** Who may exercise one permission: people from `minimumRole` up, and API keys holding one of `scopes`. */
export type PermissionRule = {
  readonly minimumRole: Role
  readonly scopes: readonly ApiKeyScope[]
  readonly description: string
}

/**
 * The one permission table. No API key may decide a case: HireWall recommends and a person decides every adverse
 * action. No API key may manage users: a leaked key must not be able to mint a person who can decide.
 */
export const permissionTable = {
  'applications.read': {
    minimumRole: 'viewer',
    scopes: ['read', 'admin'],
    description: 'read applications, screening results, clusters and their evidence',
  },
  'applications.submit': {
    minimumRole: 'analyst',
    scopes: ['submit', 'admin'],
    description: 'submit applications one by one or in bulk',
  },
  'cases.decide': {
    minimumRole: 'analyst',
    scopes: [],
    description: 'record a decision (confirmed fraud, cleared, needs verification) on an application or cluster',
  },
  'audit.read': { minimumRole: 'admin', scopes: ['admin'], description: 'read the audit log' },
  'users.manage': { minimumRole: 'admin', scopes: [], description: 'create, disable and change the role of users' },
  'api-keys.manage': { minimumRole: 'admin', scopes: ['admin'], description: 'create and revoke API keys' },
  'webhooks.manage': {
    minimumRole: 'admin',
    scopes: ['admin'],
    description: 'manage webhook subscriptions, inbound ATS secrets and retry deliveries',
  },
  'policy.manage': {
    minimumRole: 'admin',
    scopes: ['admin'],
    description: 'change the scoring policy and re-screen stored applications',
  },
  'account.own': {
    minimumRole: 'viewer',
    scopes: [],
    description: "see one's own account, change one's own password and sign out (people only)",
  },
  'sharing.export': {
    minimumRole: 'admin',
    scopes: [],
    description: 'export confirmed-fraud indicators (STIX, MISP) for partners and download past exports (people only)',
  },
  'sharing.read': {
    minimumRole: 'admin',
    scopes: ['read', 'admin'],
    description: 'read the exported indicators through the TAXII 2.1 server',
  },
  'intel.read': {
    minimumRole: 'viewer',
    scopes: ['read', 'admin'],
    description: 'see the reference sources in use and the watchlists with their entries',
  },
  'intel.manage': {
    minimumRole: 'admin',
    scopes: ['admin'],
    description: 'create watchlists, add, import and remove their entries',
  },
  'privacy.manage': {
    minimumRole: 'admin',
    scopes: [],
    description: 'set retention policies and run them; export or erase what is held about a person (people only)',
  },
} as const satisfies Record<Permission, PermissionRule>

/** True when `principal` may exercise `permission` according to the {@link permissionTable}. */
export function isPermitted(principal: Principal, permission: Permission): boolean {
  const rule: PermissionRule = permissionTable[permission]
  switch (principal.kind) {
    case 'user':
      return hasRoleAtLeast(principal.role, rule.minimumRole)
    case 'api-key':
      return principal.scopes.some((scope) => rule.scopes.includes(scope))
    default:
      return assertNever(principal)
  }
}
