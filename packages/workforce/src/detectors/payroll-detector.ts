import { compareDisplayName, parsePersonName, type Signal, type WorkforceSignalCode } from '@hirewall/core'
import { findPayoutInstitution } from '../lists/payout-institutions.js'
import type { PayrollChangeRecord } from '../records/workforce-record.js'
import { dayMs } from '../evaluate/sign-in-activity.js'
import { plural, workforceSignal, type WorkforceDetector } from './workforce-detector.js'

function changeEvidence(change: PayrollChangeRecord): Record<string, unknown> {
  return {
    changedAt: change.changedAt,
    holderName: change.holderName,
    method: change.method,
    accountHash: change.accountHash,
    ...(change.institution ? { institution: change.institution } : {}),
  }
}

/**
 * Where the pay goes: an account held in another name than the employee's (`payroll.holder.mismatch`; names are
 * compared as the profile-name check does: order, initials, nicknames and accents tolerated, other scripts not judged),
 * an account (by hash) that also pays other employees outside their household, bank details changed three times in
 * 90 days, crypto (by method or institution) and payout services between employer and holder.
 */
export const payrollDetector: WorkforceDetector = {
  name: 'payroll',
  codes: [
    'payroll.holder.mismatch',
    'payroll.account.shared',
    'payroll.changes.frequent',
    'payroll.payout.crypto',
    'payroll.payout.layered',
  ],
  detect({ employeeId, hire, payroll, pool, context }) {
    if (payroll.length === 0) return []
    const signals: Signal<WorkforceSignalCode>[] = []
    const changes = [...payroll].sort((a, b) => a.changedAtMs - b.changedAtMs)
    if (hire) {
      const name = parsePersonName(hire.legalName)
      const others = changes.filter((change) => compareDisplayName(change.holderName, name) === 'different')
      const first = others[0]
      if (first)
        signals.push(
          workforceSignal(
            'payroll.holder.mismatch',
            `The pay goes to an account held by "${first.holderName}" (set ${first.changedAt}), not by the employee, ${hire.legalName}${others.length > 1 ? ` (${others.length} such changes)` : ''}.`,
            { legalName: hire.legalName, changes: others.slice(0, 5).map(changeEvidence) },
          ),
        )
    }
    const household = pool.householdOf(employeeId)
    const accounts = [...new Set(changes.map((change) => change.accountHash))]
    const sharedWith = new Set<string>()
    for (const account of accounts)
      for (const other of pool.employeesPaidTo(account))
        if (other !== employeeId && (household === undefined || pool.householdOf(other) !== household))
          sharedWith.add(other)
    if (sharedWith.size > 0) {
      const others = [...sharedWith].sort()
      signals.push(
        workforceSignal(
          'payroll.account.shared',
          `An account the employee is paid to also receives the pay of ${plural(others.length, 'other employee')} (${others.slice(0, 5).join(', ')}).`,
          { otherEmployees: others.slice(0, 20), otherEmployeeCount: others.length, accounts: accounts.length },
        ),
      )
    }
    const { payrollChanges, payrollChangeWindowDays } = context.thresholds
    for (let index = 0; index + payrollChanges - 1 < changes.length; index++) {
      const first = changes[index] as PayrollChangeRecord
      const last = changes[index + payrollChanges - 1] as PayrollChangeRecord
      if (last.changedAtMs - first.changedAtMs <= payrollChangeWindowDays * dayMs) {
        const window = changes.filter(
          (change) =>
            change.changedAtMs >= first.changedAtMs &&
            change.changedAtMs <= first.changedAtMs + payrollChangeWindowDays * dayMs,
        )
        signals.push(
          workforceSignal(
            'payroll.changes.frequent',
            `The bank details were changed ${window.length} times between ${first.changedAt.slice(0, 10)} and ${(window[window.length - 1] ?? last).changedAt.slice(0, 10)}.`,
            { changes: window.slice(0, 10).map(changeEvidence), windowDays: payrollChangeWindowDays },
          ),
        )
        break
      }
    }
    const crypto: { change: PayrollChangeRecord; listed?: string }[] = []
    const layered: { change: PayrollChangeRecord; listed?: string }[] = []
    for (const change of changes) {
      const institution = change.institution
        ? findPayoutInstitution(context.payoutInstitutions, change.institution)
        : undefined
      if (change.method === 'crypto' || institution?.kind === 'crypto')
        crypto.push({ change, ...(institution ? { listed: institution.name } : {}) })
      else if (change.method === 'payout-service' || institution?.kind === 'payout-service')
        layered.push({ change, ...(institution ? { listed: institution.name } : {}) })
    }
    const source = {
      name: context.sources.payoutInstitutions.name,
      version: context.sources.payoutInstitutions.version,
    }
    const firstCrypto = crypto[0]
    if (firstCrypto)
      signals.push(
        workforceSignal(
          'payroll.payout.crypto',
          `The pay was set to go ${firstCrypto.listed ? `to ${firstCrypto.listed}, a crypto exchange` : 'out in cryptocurrency'} (${firstCrypto.change.changedAt}).`,
          {
            changes: crypto
              .slice(0, 5)
              .map(({ change, listed }) => ({ ...changeEvidence(change), ...(listed ? { listed } : {}) })),
            source,
          },
        ),
      )
    const firstLayered = layered[0]
    if (firstLayered)
      signals.push(
        workforceSignal(
          'payroll.payout.layered',
          `The pay was set to go through ${firstLayered.listed ?? 'a payout service'} (${firstLayered.change.changedAt}), a payment institution between employer and account holder.`,
          {
            changes: layered
              .slice(0, 5)
              .map(({ change, listed }) => ({ ...changeEvidence(change), ...(listed ? { listed } : {}) })),
            source,
          },
        ),
      )
    return signals
  },
}
