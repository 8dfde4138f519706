import type { SharedIndicator, SharedIndicatorKind, TlpLevel } from '@hirewall/sharing'
import { recordIndicators } from '@hirewall/intel'
import type { ConfirmedFraudSelection, Repositories } from '@hirewall/store'
import type { SharingSettings } from './sharing-settings.js'

/** What an export is made of: the indicators, and how many decisions and applications they come from. */
export type ConfirmedIndicators = {
  readonly indicators: readonly SharedIndicator[]
  readonly applicationCount: number
  readonly decisionCount: number
  readonly byKind: Readonly<Partial<Record<SharedIndicatorKind, number>>>
}

/** How the indicators are labelled: the export's TLP, confidence and attribution. */
export type IndicatorLabels = {
  readonly tlp: TlpLevel
  readonly confidence: number
  readonly attributedTo?: string | undefined
}

/** Where the shared indicators say they come from (STIX `external_references`, the MISP `hirewall:source` tag). */
export const confirmedFraudSource = 'confirmed identity fraud'

/**
 * The identifiers of every application confirmed as fraud (its own current verdict, or its cluster's), one indicator
 * per kind and comparison key, first and last seen when applications carrying it were submitted: phones, emails, the
 * mailbox domain when it is neither free nor disposable mail, profile handles, addresses, the submitting IP and the
 * CV file's hash. Domains of URLs (a CV's employer, github.com) are never shared: they name other organisations.
 */
export async function gatherConfirmedIndicators(
  repositories: Pick<Repositories, 'sharingExports' | 'applications'>,
  selection: ConfirmedFraudSelection,
  labels: IndicatorLabels,
  settings: SharingSettings,
): Promise<ConfirmedIndicators> {
  const confirmed = await repositories.sharingExports.confirmedFraud(selection)
  const found = new Map<string, { indicator: SharedIndicator; first: number; last: number }>()
  const decisions = new Set<number>()
  let applicationCount = 0
  for (const { applicationId, decision } of confirmed) {
    const application = await repositories.applications.find(applicationId)
    if (application === undefined) continue
    applicationCount += 1
    decisions.add(decision.id)
    const seen = application.submittedAt.getTime()
    for (const item of recordIndicators(application.record, application.facts)) {
      if (item.kind === 'domain' && !isSharedMailDomain(item.value, item.key, settings)) continue
      const key = `${item.kind}\u0000${item.key}`
      const existing = found.get(key)
      if (existing !== undefined) {
        existing.first = Math.min(existing.first, seen)
        existing.last = Math.max(existing.last, seen)
        continue
      }
      found.set(key, {
        first: seen,
        last: seen,
        indicator: {
          kind: item.kind,
          // Addresses leave as written; the other kinds as their comparison key (the export writes that form anyway).
          value: item.kind === 'address' ? item.value : item.key,
          source: confirmedFraudSource,
          tlp: labels.tlp,
          confidence: labels.confidence,
          severity: 'high',
          ...(labels.attributedTo === undefined ? {} : { attributedTo: labels.attributedTo }),
        },
      })
    }
  }
  const byKind: Partial<Record<SharedIndicatorKind, number>> = {}
  const indicators = [...found.values()].map(({ indicator, first, last }) => {
    byKind[indicator.kind] = (byKind[indicator.kind] ?? 0) + 1
    return { ...indicator, firstSeen: new Date(first).toISOString(), lastSeen: new Date(last).toISOString() }
  })
  return { indicators, applicationCount, decisionCount: decisions.size, byKind }
}

// A domain is shared only as a mailbox's domain that is not common mail: a URL's host names someone else.
function isSharedMailDomain(written: string, domain: string, settings: SharingSettings): boolean {
  const reference = settings.reference
  if (reference === undefined || !written.includes('@')) return false
  return !reference.isFreeEmailDomain(domain) && !reference.isDisposableEmailDomain(domain)
}
