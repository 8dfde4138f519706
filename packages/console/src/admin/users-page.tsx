import type { User } from '../api/api-types'
import { formatDateTime } from '../ui/format'
import { ListPage } from './list-page'

/** Admins: the people who may sign in, their roles and state. */
export function UsersPage() {
  return (
    <ListPage<User>
      title="Users"
      path="/v1/users"
      rowKey={(user) => user.id}
      empty="No users."
      columns={[
        { header: 'Email', cell: (user) => user.email },
        { header: 'Name', cell: (user) => user.displayName ?? '–' },
        { header: 'Role', cell: (user) => user.role },
        { header: 'Last sign-in', cell: (user) => formatDateTime(user.lastSignInAt) },
        {
          header: 'State',
          cell: (user) => (user.disabledAt === null || user.disabledAt === undefined ? 'active' : 'disabled'),
        },
      ]}
    />
  )
}
