import type { InputHTMLAttributes } from 'react'

/** A labelled input in a form's row of fields; `id` ties the label to it. */
export function TextField(
  props: {
    readonly id: string
    readonly label: string
    readonly value: string
    readonly onChange: (value: string) => void
  } & Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'value' | 'onChange'>,
) {
  const { id, label, value, onChange, ...input } = props
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input id={id} value={value} onChange={(event) => onChange(event.target.value)} {...input} />
    </div>
  )
}
