import type { FormEvent, ReactNode } from 'react'
import { FormError } from './form-error'

/**
 * A form that creates something (a user, an API key, a webhook subscription, an export): its fields in a row, the
 * submit button, and why the last submission failed.
 */
export function CreateForm(props: {
  /** The form's accessible name: "Add a user". */
  readonly label: string
  readonly submitLabel: string
  readonly onSubmit: () => void
  readonly error: string | null
  /** While a submission runs: the button is disabled and says so. */
  readonly busyLabel?: string
  readonly isBusy?: boolean
  readonly children: ReactNode
}) {
  const submit = (event: FormEvent) => {
    event.preventDefault()
    props.onSubmit()
  }
  const isBusy = props.isBusy ?? false
  return (
    <form className="filters" onSubmit={submit} aria-label={props.label}>
      {props.children}
      <div className="filter-actions">
        <button type="submit" className="primary" disabled={isBusy}>
          {isBusy ? (props.busyLabel ?? props.submitLabel) : props.submitLabel}
        </button>
      </div>
      <FormError message={props.error} />
    </form>
  )
}
