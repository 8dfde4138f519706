/** People's roles, least to most powerful: each role may do everything the one before it may. */
export const roles = ['viewer', 'analyst', 'admin'] as const
/** One of {@link roles}. */
export type Role = (typeof roles)[number]

/** True when `role` is `minimum` or above it. */
export function hasRoleAtLeast(role: Role, minimum: Role): boolean {
  return roles.indexOf(role) >= roles.indexOf(minimum)
}

/** True when `value` is one of the {@link roles} (for values read from the database or a request). */
export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (roles as readonly string[]).includes(value)
}
