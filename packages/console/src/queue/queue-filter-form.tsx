import { useEffect, useState, type FormEvent, type RefObject } from 'react'
import { outcomes, type Outcome } from '../api/api-types'
import { outcomeLabels } from '../ui/format'
import { defaultFilters, filterProblems, type QueueFilters } from './queue-filters'

/** The queue's filters: edited here, applied on submit so typing does not query the server on every key. */
export function QueueFilterForm(props: {
  readonly filters: QueueFilters
  readonly onApply: (filters: QueueFilters) => void
  readonly firstFieldRef: RefObject<HTMLInputElement | null>
}) {
  const [draft, setDraft] = useState(props.filters)
  useEffect(() => setDraft(props.filters), [props.filters])
  const problems = filterProblems(draft)
  const problemOf = (field: keyof QueueFilters) => problems.find((problem) => problem.field === field)?.message

  const set = <Key extends keyof QueueFilters>(key: Key, value: QueueFilters[Key]) =>
    setDraft((current) => ({ ...current, [key]: value }))
  const toggleOutcome = (outcome: Outcome, isOn: boolean) =>
    set(
      'outcomes',
      isOn
        ? outcomes.filter((o) => o === outcome || draft.outcomes.includes(o))
        : draft.outcomes.filter((o) => o !== outcome),
    )

  const submit = (event: FormEvent) => {
    event.preventDefault()
    if (problems.length === 0) props.onApply(draft)
  }

  const textField = (
    key: 'signalCode' | 'clusterId' | 'requisitionId' | 'sourceSystem',
    label: string,
    hint: string,
  ) => (
    <div className="field">
      <label htmlFor={`filter-${key}`}>{label}</label>
      <input
        id={`filter-${key}`}
        ref={key === 'signalCode' ? props.firstFieldRef : undefined}
        value={draft[key]}
        placeholder={hint}
        onChange={(event) => set(key, event.target.value)}
      />
    </div>
  )

  return (
    <form className="filters" onSubmit={submit} aria-label="Queue filters">
      {draft.view === 'all' ? (
        <fieldset className="field outcomes">
          <legend>Outcome</legend>
          {outcomes.map((outcome) => (
            <label key={outcome} className="checkbox">
              <input
                type="checkbox"
                checked={draft.outcomes.includes(outcome)}
                onChange={(event) => toggleOutcome(outcome, event.target.checked)}
              />
              {outcomeLabels[outcome]}
            </label>
          ))}
          {problemOf('outcomes') === undefined ? null : <span className="field-error">{problemOf('outcomes')}</span>}
        </fieldset>
      ) : null}
      {textField('signalCode', 'Signal code', 'phone.voip')}
      {textField('clusterId', 'Cluster', 'cluster id')}
      {textField('requisitionId', 'Requisition', 'requisition id')}
      {textField('sourceSystem', 'Source', 'greenhouse')}
      <div className="field">
        <label htmlFor="filter-submittedFrom">Submitted from</label>
        <input
          id="filter-submittedFrom"
          type="date"
          value={draft.submittedFrom}
          onChange={(event) => set('submittedFrom', event.target.value)}
        />
      </div>
      <div className="field">
        <label htmlFor="filter-submittedTo">Submitted to</label>
        <input
          id="filter-submittedTo"
          type="date"
          value={draft.submittedTo}
          aria-invalid={problemOf('submittedTo') !== undefined}
          aria-describedby={problemOf('submittedTo') === undefined ? undefined : 'filter-submittedTo-error'}
          onChange={(event) => set('submittedTo', event.target.value)}
        />
        {problemOf('submittedTo') === undefined ? null : (
          <span id="filter-submittedTo-error" className="field-error">
            {problemOf('submittedTo')}
          </span>
        )}
      </div>
      <div className="field narrow">
        <label htmlFor="filter-minScore">Score from</label>
        <input
          id="filter-minScore"
          inputMode="numeric"
          value={draft.minScore}
          placeholder="0"
          aria-invalid={problemOf('minScore') !== undefined}
          aria-describedby={problemOf('minScore') === undefined ? undefined : 'filter-minScore-error'}
          onChange={(event) => set('minScore', event.target.value)}
        />
        {problemOf('minScore') === undefined ? null : (
          <span id="filter-minScore-error" className="field-error">
            {problemOf('minScore')}
          </span>
        )}
      </div>
      <div className="filter-actions">
        <button type="submit" className="primary" disabled={problems.length > 0}>
          Apply filters
        </button>
        <button
          type="button"
          onClick={() => {
            const reset = { ...defaultFilters, view: draft.view }
            setDraft(reset)
            props.onApply(reset)
          }}
        >
          Reset
        </button>
      </div>
    </form>
  )
}
