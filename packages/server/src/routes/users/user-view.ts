import type { User } from '@hirewall/store'
import { z } from 'zod'
import { roles } from '../../auth/role.js'

/** A user as the API shows them: never a password hash, dates as ISO 8601 strings. */
export const userViewSchema = z
  .object({
    id: z.string(),
    email: z.string(),
    displayName: z.string().nullable(),
    role: z.enum(roles),
    mustChangePassword: z.boolean().describe('Signed in with a one-time password that must be replaced.'),
    hasPassword: z.boolean(),
    createdAt: z.iso.datetime(),
    lastSignInAt: z.iso.datetime().nullable(),
    disabledAt: z.iso.datetime().nullable(),
  })
  .meta({ id: 'User' })

/** One of {@link userViewSchema}. */
export type UserView = z.infer<typeof userViewSchema>

/** The API's view of a stored user. */
export function toUserView(user: User): UserView {
  return {
    id: user.id,
    email: user.email,
    displayName: user.displayName,
    role: user.role,
    mustChangePassword: user.mustChangePassword,
    hasPassword: user.hasPassword,
    createdAt: user.createdAt.toISOString(),
    lastSignInAt: user.lastLoginAt?.toISOString() ?? null,
    disabledAt: user.disabledAt?.toISOString() ?? null,
  }
}
