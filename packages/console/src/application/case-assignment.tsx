import { useState } from 'react'
import type { CaseView } from '../api/api-types'
import { asFailure } from '../api/use-api'
import { formatDateTime } from '../ui/format'
import { assignCase } from './application-api'
import { FormError } from '../ui/form-error'

/** Who works an open case, and taking it (or giving it back) so two analysts do not review the same one. */
export function CaseAssignment(props: {
  readonly reviewCase: CaseView
  readonly currentUserId: string
  readonly onChanged: () => void
}) {
  const [message, setMessage] = useState<string | null>(null)
  const [isBusy, setBusy] = useState(false)
  const { assignedTo, assignedAt } = props.reviewCase
  const isMine = assignedTo === props.currentUserId
  const change = (assignee: string | null) => {
    setBusy(true)
    setMessage(null)
    assignCase(props.reviewCase.id, assignee).then(
      () => {
        setBusy(false)
        props.onChanged()
      },
      (error: unknown) => {
        setBusy(false)
        setMessage(asFailure(error).message)
      },
    )
  }
  return (
    <div className="assignment">
      <p>
        {assignedTo === null
          ? 'Nobody is working on this case.'
          : isMine
            ? `You took this case ${formatDateTime(assignedAt)}.`
            : `Someone else took this case ${formatDateTime(assignedAt)}.`}
      </p>
      {isMine ? (
        <button type="button" disabled={isBusy} onClick={() => change(null)}>
          Give back
        </button>
      ) : (
        <button type="button" disabled={isBusy} onClick={() => change(props.currentUserId)}>
          Assign to me
        </button>
      )}
      <FormError message={message} />
    </div>
  )
}
