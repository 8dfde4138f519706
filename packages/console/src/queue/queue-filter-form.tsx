import { useEffect, useState, type FormEvent, type RefObject } from 'react'
import { outcomes, sourceSystems, type Outcome } from '../api/api-types'
import { outcomeLabels } from '../ui/format'
import {
  assigneeChoices,
  defaultFilters,
  filterProblems,
  type AssigneeChoice,
  type QueueFilters,
} from './queue-filters'

const assigneeLabels: Record<AssigneeChoice, string> = { '': 'Anyone', me: 'Me', none: 'Nobody yet' }

type TextKey = 'signalCode' | 'clusterId' | 'requisitionId' | 'staffingVendor' | 'minScore'

/**
 * The queue's filters: edited here, applied on submit so typing does not query the server on every key. Open cases
 * filter by outcome and assignee; all applications by outcome, signal, cluster, requisition, source, vendor, dates
 * and score.
 */
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
      outcomes.filter((candidate) => (candidate === outcome ? isOn : draft.outcomes.includes(candidate))),
    )

  const submit = (event: FormEvent) => {
    event.preventDefault()
    if (problems.length === 0) props.onApply(draft)
  }

  const problemText = (field: keyof QueueFilters) => {
    const message = problemOf(field)
    return message === undefined ? null : (
      <span id={`filter-${field}-error`} className="field-error">
        {message}
      </span>
    )
  }
  const describedBy = (field: keyof QueueFilters) =>
    problemOf(field) === undefined ? {} : { 'aria-invalid': true, 'aria-describedby': `filter-${field}-error` }

  const textField = (key: TextKey, label: string, hint: string, isNarrow = false) => (
    <div className={isNarrow ? 'field narrow' : 'field'}>
      <label htmlFor={`filter-${key}`}>{label}</label>
      <input
        id={`filter-${key}`}
        value={draft[key]}
        placeholder={hint}
        onChange={(event) => set(key, event.target.value)}
        {...describedBy(key)}
      />
      {problemText(key)}
    </div>
  )

  return (
    <form className="filters" onSubmit={submit} aria-label="Queue filters">
      <fieldset className="field outcomes" {...describedBy('outcomes')}>
        <legend>Outcome</legend>
        {outcomes.map((outcome) => (
          <label key={outcome} className="checkbox">
            <input
              type="checkbox"
              ref={outcome === outcomes[0] ? props.firstFieldRef : undefined}
              checked={draft.outcomes.includes(outcome)}
              onChange={(event) => toggleOutcome(outcome, event.target.checked)}
            />
            {outcomeLabels[outcome]}
          </label>
        ))}
        {problemText('outcomes')}
      </fieldset>
      {draft.view === 'open' ? (
        <div className="field">
          <label htmlFor="filter-assignee">Assigned to</label>
          <select
            id="filter-assignee"
            value={draft.assignee}
            onChange={(event) => set('assignee', assigneeChoices.find((choice) => choice === event.target.value) ?? '')}
          >
            {assigneeChoices.map((choice) => (
              <option key={choice} value={choice}>
                {assigneeLabels[choice]}
              </option>
            ))}
          </select>
        </div>
      ) : (
        <>
          {textField('signalCode', 'Signal code', 'phone.voip')}
          {textField('clusterId', 'Cluster', 'cluster:…')}
          {textField('requisitionId', 'Requisition', 'requisition id')}
          <div className="field">
            <label htmlFor="filter-sourceSystem">Source</label>
            <select
              id="filter-sourceSystem"
              value={draft.sourceSystem}
              onChange={(event) => set('sourceSystem', event.target.value)}
            >
              <option value="">Any</option>
              {sourceSystems.map((source) => (
                <option key={source} value={source}>
                  {source}
                </option>
              ))}
            </select>
          </div>
          {textField('staffingVendor', 'Staffing vendor', 'vendor name')}
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
              onChange={(event) => set('submittedTo', event.target.value)}
              {...describedBy('submittedTo')}
            />
            {problemText('submittedTo')}
          </div>
          {textField('minScore', 'Score from', '0', true)}
        </>
      )}
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
