import type { RefObject } from 'react'
import { Link } from '../routing/link'
import { navigate } from '../routing/use-route'
import { formatDateTime } from '../ui/format'
import { OutcomeBadge, ScoreMeter } from '../ui/outcome-badge'
import type { QueueView } from './queue-filters'
import type { QueueRow } from './queue-row'

const captions: Record<QueueView, string> = {
  open: 'Cases awaiting a decision, riskiest first',
  all: 'Applications, riskiest first',
}

/** The queue's rows; the selected one is marked for the keyboard and for screen readers. */
export function QueueTable(props: {
  readonly rows: readonly QueueRow[]
  readonly view: QueueView
  readonly selectedIndex: number
  readonly bodyRef: RefObject<HTMLTableSectionElement | null>
  readonly currentUserId: string
  readonly onSelect: (index: number) => void
}) {
  const isOpenView = props.view === 'open'
  return (
    <table className="queue-table" aria-label={captions[props.view]}>
      <thead>
        <tr>
          <th scope="col">Score</th>
          <th scope="col">Outcome</th>
          <th scope="col">Candidate</th>
          {isOpenView ? (
            <>
              <th scope="col">Subject</th>
              <th scope="col">Assigned</th>
              <th scope="col">Waiting since</th>
            </>
          ) : (
            <>
              <th scope="col">Signals</th>
              <th scope="col">Requisition</th>
              <th scope="col">Source</th>
              <th scope="col">Submitted</th>
            </>
          )}
        </tr>
      </thead>
      <tbody ref={props.bodyRef}>
        {props.rows.map((row, index) => (
          <tr
            key={row.key}
            tabIndex={index === Math.max(props.selectedIndex, 0) ? 0 : -1}
            aria-selected={index === props.selectedIndex}
            className={index === props.selectedIndex ? 'selected' : undefined}
            onClick={() => props.onSelect(index)}
            onDoubleClick={() => navigate(row.opens)}
          >
            <td>
              <ScoreMeter score={row.score} />
            </td>
            <td>
              <OutcomeBadge outcome={row.outcome} />
            </td>
            <td>
              <Link to={row.opens}>{row.candidateName ?? row.applicationId ?? row.key}</Link>
            </td>
            {row.case !== null ? (
              <>
                <td>
                  {row.case.subjectKind === 'cluster'
                    ? `Cluster of ${row.case.applicationCount}`
                    : row.case.subjectKind === 'employee'
                      ? 'Employee (after the hire)'
                      : 'Application'}
                </td>
                <td>
                  {row.case.assignedTo === null ? (
                    <span className="muted">nobody</span>
                  ) : row.case.assignedTo === props.currentUserId ? (
                    'you'
                  ) : (
                    'someone else'
                  )}
                </td>
                <td>{formatDateTime(row.case.openedAt)}</td>
              </>
            ) : (
              <>
                <td className="signal-codes">
                  {row.signalCodes.slice(0, 3).map((code) => (
                    <code key={code}>{code}</code>
                  ))}
                  {row.signalCodes.length > 3 ? <span className="muted"> +{row.signalCodes.length - 3}</span> : null}
                </td>
                <td>{row.requisitionId ?? '–'}</td>
                <td>{row.sourceSystem ?? '–'}</td>
                <td>{formatDateTime(row.submittedAt)}</td>
              </>
            )}
          </tr>
        ))}
      </tbody>
    </table>
  )
}
