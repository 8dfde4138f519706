import { useState } from 'react'
import { asFailure } from '../api/use-api'
import { formatDateTime } from '../ui/format'
import { publishVersion, type PolicyVersion, type Published } from './policy-api'
import { FormError } from '../ui/form-error'

/** Every saved version; admins may publish an earlier one again (a rollback). */
export function VersionHistory(props: {
  readonly versions: readonly PolicyVersion[]
  readonly canManage: boolean
  readonly onPublished: (outcome: Published) => void
}) {
  const [message, setMessage] = useState<string | null>(null)
  return (
    <>
      <FormError message={message} />
      <table className="list" aria-label="Policy versions">
        <thead>
          <tr>
            <th scope="col">Version</th>
            <th scope="col">Name</th>
            <th scope="col">Status</th>
            <th scope="col">Review / hold</th>
            <th scope="col">Saved by</th>
            <th scope="col">Published</th>
            <th scope="col">Note</th>
            {props.canManage ? <th scope="col">Actions</th> : null}
          </tr>
        </thead>
        <tbody>
          {props.versions.map((item) => (
            <tr key={item.version}>
              <td>{item.version}</td>
              <td>{item.policyVersion}</td>
              <td>{item.status}</td>
              <td>
                {item.policy.thresholds.review} / {item.policy.thresholds.hold}
              </td>
              <td>{item.author}</td>
              <td>{formatDateTime(item.publishedAt)}</td>
              <td>{item.note ?? '–'}</td>
              {props.canManage ? (
                <td className="actions">
                  {item.status === 'published' ? null : (
                    <button
                      type="button"
                      aria-label={`Publish version ${item.version}`}
                      onClick={() => {
                        if (!window.confirm(`Publish version ${item.version} and re-screen every application?`)) return
                        publishVersion(item.version, undefined).then(props.onPublished, (error: unknown) =>
                          setMessage(asFailure(error).message),
                        )
                      }}
                    >
                      Publish
                    </button>
                  )}
                </td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>
    </>
  )
}
