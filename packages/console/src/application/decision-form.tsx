import { useState, type FormEvent } from 'react'
import { verdicts, type Subject, type Verdict } from '../api/api-types'
import { asFailure } from '../api/use-api'
import { decide } from './application-api'
import { verdictLabel } from './audit-trail'

const verdictHelp: Record<Verdict, string> = {
  'confirmed-fraud': 'The evidence shows a fake, stolen or rented identity. Stops the process.',
  cleared: 'The signals have an innocent explanation. The application goes on.',
  'needs-verification': 'Ask for more: a live video call, documents, a reference check.',
}

/** Reasons analysts give often; any other reason can be typed. */
const commonReasons = [
  'Identity reused across applications',
  'Sanctions list match confirmed',
  'Contact details contradict the claimed location',
  'Interview observations confirm the signals',
  'Signals explained by the candidate',
  'Verified identity in a live call',
]

/** The decision form: a verdict, a reason (required) and a note. Only people who may decide see it. */
export function DecisionForm(props: { readonly subject: Subject; readonly onDecided: () => void }) {
  const [verdict, setVerdict] = useState<Verdict | null>(null)
  const [reason, setReason] = useState('')
  const [note, setNote] = useState('')
  const [problem, setProblem] = useState<{ field: 'verdict' | 'reason' | 'form'; message: string } | null>(null)
  const [isBusy, setBusy] = useState(false)

  const submit = (event: FormEvent) => {
    event.preventDefault()
    if (verdict === null) return setProblem({ field: 'verdict', message: 'Choose a verdict.' })
    if (reason.trim() === '') return setProblem({ field: 'reason', message: 'Give the reason for this decision.' })
    setBusy(true)
    setProblem(null)
    const trimmedNote = note.trim()
    decide(props.subject, {
      verdict,
      reason: reason.trim(),
      ...(trimmedNote === '' ? {} : { note: trimmedNote }),
    }).then(
      () => {
        setBusy(false)
        setVerdict(null)
        setReason('')
        setNote('')
        props.onDecided()
      },
      (error: unknown) => {
        setBusy(false)
        const failure = asFailure(error)
        const field = failure.fieldPaths.some((path) => path.endsWith('reason')) ? 'reason' : 'form'
        setProblem({ field, message: failure.message })
      },
    )
  }

  return (
    <form className="decision-form" onSubmit={submit} aria-labelledby="decision-title" noValidate>
      <h2 id="decision-title">
        {props.subject.kind === 'cluster'
          ? 'Decision on the whole cluster'
          : props.subject.kind === 'employee'
            ? 'Decision on the employee'
            : 'Decision'}
      </h2>
      <fieldset aria-invalid={problem?.field === 'verdict'} aria-describedby="decision-verdict-error">
        <legend>Verdict</legend>
        {verdicts.map((option) => (
          <label key={option} className="radio">
            <input
              type="radio"
              name="verdict"
              value={option}
              checked={verdict === option}
              onChange={() => setVerdict(option)}
            />
            <span>
              <strong>{verdictLabel(option)}</strong>
              <span className="muted"> {verdictHelp[option]}</span>
            </span>
          </label>
        ))}
        {problem?.field === 'verdict' ? (
          <span id="decision-verdict-error" className="field-error" role="alert">
            {problem.message}
          </span>
        ) : null}
      </fieldset>
      <label htmlFor="decision-reason">Reason</label>
      <input
        id="decision-reason"
        list="decision-reasons"
        required
        maxLength={500}
        value={reason}
        aria-invalid={problem?.field === 'reason'}
        aria-describedby={problem?.field === 'reason' ? 'decision-reason-error' : undefined}
        onChange={(event) => setReason(event.target.value)}
      />
      <datalist id="decision-reasons">
        {commonReasons.map((common) => (
          <option key={common} value={common} />
        ))}
      </datalist>
      {problem?.field === 'reason' ? (
        <span id="decision-reason-error" className="field-error" role="alert">
          {problem.message}
        </span>
      ) : null}
      <label htmlFor="decision-note">Note (optional)</label>
      <textarea
        id="decision-note"
        rows={3}
        maxLength={4000}
        value={note}
        onChange={(event) => setNote(event.target.value)}
      />
      {problem?.field === 'form' ? (
        <p className="form-error" role="alert">
          {problem.message}
        </p>
      ) : null}
      <button type="submit" className="primary" disabled={isBusy}>
        {isBusy ? 'Recording…' : 'Record decision'}
      </button>
    </form>
  )
}
