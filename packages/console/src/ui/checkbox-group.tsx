/** A set of checkboxes under one legend, for choosing several values of a vocabulary (scopes, event types). */
export function CheckboxGroup<Option extends string>(props: {
  readonly legend: string
  readonly options: readonly Option[]
  readonly checked: readonly Option[]
  /** The checked options, in the vocabulary's order. */
  readonly onChange: (checked: readonly Option[]) => void
  readonly optionLabel?: (option: Option) => string
}) {
  const { options, checked } = props
  return (
    <fieldset className="field outcomes">
      <legend>{props.legend}</legend>
      {options.map((option) => (
        <label key={option} className="checkbox">
          <input
            type="checkbox"
            checked={checked.includes(option)}
            onChange={(event) =>
              props.onChange(
                options.filter((candidate) =>
                  candidate === option ? event.target.checked : checked.includes(candidate),
                ),
              )
            }
          />
          {props.optionLabel?.(option) ?? option}
        </label>
      ))}
    </fieldset>
  )
}
