import { formatDateTime } from '../ui/format'
import { ListPage } from './list-page'

/** An API key as the list shows it: never its secret. */
export type ApiKeyView = {
  readonly id: string
  readonly name: string
  readonly prefix: string
  readonly scopes: readonly string[]
  readonly createdAt: string
  readonly expiresAt?: string | null
  readonly revokedAt?: string | null
  readonly lastUsedAt?: string | null
}

/** Admins: machine clients' keys, their scopes and state. */
export function ApiKeysPage() {
  return (
    <ListPage<ApiKeyView>
      title="API keys"
      path="/v1/api-keys"
      rowKey={(key) => key.id}
      empty="No API keys."
      columns={[
        { header: 'Name', cell: (key) => key.name },
        { header: 'Prefix', cell: (key) => <code>hw_{key.prefix}</code> },
        { header: 'Scopes', cell: (key) => key.scopes.join(', ') },
        { header: 'Created', cell: (key) => formatDateTime(key.createdAt) },
        { header: 'Last used', cell: (key) => formatDateTime(key.lastUsedAt) },
        {
          header: 'State',
          cell: (key) =>
            key.revokedAt !== null && key.revokedAt !== undefined
              ? 'revoked'
              : key.expiresAt !== null && key.expiresAt !== undefined && key.expiresAt < new Date().toISOString()
                ? 'expired'
                : 'active',
        },
      ]}
    />
  )
}
