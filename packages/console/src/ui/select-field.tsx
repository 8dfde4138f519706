/** A labelled choice of one value of a vocabulary; only the vocabulary's values reach `onChange`. */
export function SelectField<Option extends string>(props: {
  readonly id: string
  readonly label: string
  readonly options: readonly Option[]
  readonly value: Option
  readonly onChange: (value: Option) => void
  readonly optionLabel?: (option: Option) => string
}) {
  const { options } = props
  return (
    <div className="field">
      <label htmlFor={props.id}>{props.label}</label>
      <select
        id={props.id}
        value={props.value}
        onChange={(event) => {
          const chosen = options.find((option) => option === event.target.value)
          if (chosen !== undefined) props.onChange(chosen)
        }}
      >
        {options.map((option) => (
          <option key={option} value={option}>
            {props.optionLabel?.(option) ?? option}
          </option>
        ))}
      </select>
    </div>
  )
}
