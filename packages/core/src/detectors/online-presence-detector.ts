import type { Detector } from '../detect/detector.js'
import { compareDisplayName } from '../normalise/name-agreement.js'
import type { NormalisedApplication } from '../normalise/normalise-application.js'
import { msPerDay, msPerYear, parsePartialDate } from '../normalise/partial-date.js'
import { isRelatedToName } from '../normalise/person-name.js'
import {
  checkProfileUrl,
  identifyNetwork,
  profileNetworkLabels,
  type ProfileNetwork,
  type ProfileUrlProblem,
} from '../normalise/profile-url.js'
import { softwareExperienceYears } from '../normalise/software-experience.js'
import type { ApplicationRecord, ProfileEnrichment } from '../record/application-record.js'
import { defineSignals } from '../signals/signal-definition.js'
import type { Signal } from '../signals/signal.js'

const onlinePresenceSignals = defineSignals([
  {
    code: 'profile.handle.unrelated-to-name',
    category: 'online-presence',
    stage: 'application',
    severity: 'low',
    description:
      "A LinkedIn or GitHub handle that does not derive from the applicant's name (a rented or bought account).",
  },
  {
    code: 'profile.display-name.mismatch',
    category: 'online-presence',
    stage: 'application',
    severity: 'medium',
    description:
      "The profile's display name is someone other than the applicant (a borrowed or hijacked account); a recent " +
      'surname change or an adopted given name can look the same.',
  },
  {
    code: 'profile.account.new',
    category: 'online-presence',
    stage: 'application',
    severity: 'low',
    description: 'The online account was created less than 90 days before the application.',
  },
  {
    code: 'profile.account.dormant-then-active',
    category: 'online-presence',
    stage: 'application',
    severity: 'medium',
    description:
      'The account was inactive for a year or more and became active again shortly before the application, as ' +
      'bought or rented accounts do.',
  },
  {
    code: 'profile.connections.few',
    category: 'online-presence',
    stage: 'application',
    severity: 'low',
    description: 'The LinkedIn profile has fewer than 30 connections.',
  },
  {
    code: 'profile.github.backdated-activity',
    category: 'online-presence',
    stage: 'application',
    severity: 'medium',
    description:
      'The GitHub account shows activity from before it was created: backdated commits or copied repositories ' +
      "(importing one's own older repositories does this too).",
  },
  {
    code: 'profile.github.younger-than-experience',
    category: 'online-presence',
    stage: 'application',
    severity: 'low',
    description:
      'The GitHub account is less than a year old while the CV claims five or more years as a software developer or engineer.',
  },
  {
    code: 'profile.url.invalid',
    category: 'online-presence',
    stage: 'application',
    severity: 'low',
    description:
      'A profile URL that is not an address of the network it claims (a look-alike site, another site, or no URL).',
  },
])

type OnlinePresenceCode = (typeof onlinePresenceSignals)[number]['code']

function signal(
  code: OnlinePresenceCode,
  message: string,
  evidence: Readonly<Record<string, unknown>>,
): Signal<OnlinePresenceCode> {
  const severity = onlinePresenceSignals.find((definition) => definition.code === code)?.severity ?? 'low'
  return { code, severity, message, evidence }
}

export const onlinePresenceThresholds = {
  newAccountDays: 90,
  dormantDays: 365,
  reactivatedWithinDays: 120,
  /** Enrichment often runs after submission: activity resumed this soon after applying counts as well. */
  reactivatedAfterSubmissionDays: 30,
  fewConnections: 30,
  /** Activity must predate creation by more than this to rule out time-zone and date-precision artefacts. */
  backdatedMarginDays: 7,
  youngGithubDays: 365,
  claimedExperienceYears: 5,
} as const

/** One profile as the record lists it: from the CV's JSON Resume profiles or from enrichment. */
type ListedProfile = {
  readonly path: string
  readonly network: ProfileNetwork | undefined
  readonly networkLabel: string
  readonly url?: string
  readonly username?: string
  readonly enrichment?: ProfileEnrichment
}

function listProfiles(record: ApplicationRecord): ListedProfile[] {
  const listed: ListedProfile[] = []
  const add = (
    path: string,
    networkName: string | undefined,
    fields: Omit<ListedProfile, 'path' | 'network' | 'networkLabel'>,
  ) => {
    const network = networkName === undefined ? undefined : identifyNetwork(networkName)
    listed.push({
      path,
      network,
      networkLabel: network ? profileNetworkLabels[network] : (networkName ?? 'profile'),
      ...fields,
    })
  }
  record.cv.basics?.profiles?.forEach((profile, index) =>
    add(`cv.basics.profiles[${index}]`, profile.network, {
      ...(profile.url ? { url: profile.url } : {}),
      ...(profile.username ? { username: profile.username } : {}),
    }),
  )
  record.profiles?.forEach((profile, index) =>
    add(`profiles[${index}]`, profile.network, {
      ...(profile.url ? { url: profile.url } : {}),
      ...(profile.username ? { username: profile.username } : {}),
      enrichment: profile,
    }),
  )
  return listed
}

/**
 * LinkedIn, GitHub and other profiles against the applicant: handles and display names that are not the applicant's,
 * URLs of the wrong site, and what enrichment knows of the account's history (age, dormancy, connections, GitHub
 * activity older than the account or younger than the claimed career). Unknown enrichment raises nothing.
 */
export const onlinePresenceDetector: Detector<OnlinePresenceCode> = {
  name: 'online-presence',
  signals: onlinePresenceSignals,
  detect({ record, facts }) {
    const profiles = listProfiles(record)
    if (profiles.length === 0) return []
    const found: Signal<OnlinePresenceCode>[] = []
    const seenUrls = new Set<string>()
    const seenHandles = new Set<string>()
    let experienceYears: number | undefined
    for (const profile of profiles) {
      found.push(...urlAndHandleSignals(profile, facts, seenUrls, seenHandles))
      const enrichment = profile.enrichment
      if (!enrichment) continue
      const displayName = displayNameSignal(profile, enrichment, facts)
      if (displayName) found.push(displayName)
      found.push(...historySignals(profile, enrichment, facts.submittedAtMs))
      if (profile.network === 'github') {
        experienceYears ??= softwareExperienceYears(facts.work, facts.submittedAtMs)
        found.push(...githubSignals(profile, enrichment, facts.submittedAtMs, experienceYears))
      }
    }
    return found
  },
}

function urlProblemPhrase(problem: ProfileUrlProblem, networkLabel: string): string {
  switch (problem) {
    case 'not-a-url':
      return 'is not a URL'
    case 'other-site':
      return `is not a ${networkLabel} address`
    case 'not-a-profile':
      return `is a ${networkLabel} address but not a profile page`
  }
}

// LinkedIn's internal member ids (`/in/ACoAAB...`) appear in copied Sales Navigator links; nobody chose them.
const linkedinMemberId = /^ACo[A-Za-z0-9_-]{20,}$/

function urlAndHandleSignals(
  profile: ListedProfile,
  facts: NormalisedApplication,
  seenUrls: Set<string>,
  seenHandles: Set<string>,
): Signal<OnlinePresenceCode>[] {
  const network = profile.network
  if (!network) return []
  const found: Signal<OnlinePresenceCode>[] = []
  const handles: { readonly handle: string; readonly source: 'username' | 'url' }[] = []
  if (profile.username?.trim()) handles.push({ handle: profile.username.trim().replace(/^@/, ''), source: 'username' })
  if (profile.url !== undefined) {
    const check = checkProfileUrl(network, profile.url)
    if (check.status === 'invalid') {
      if (!seenUrls.has(`${network} ${profile.url}`)) {
        found.push(
          signal(
            'profile.url.invalid',
            `The ${profile.networkLabel} profile URL "${profile.url}" ${urlProblemPhrase(check.problem, profile.networkLabel)}.`,
            { path: profile.path, network: profile.networkLabel, url: profile.url, problem: check.problem },
          ),
        )
      }
    } else if (check.handle !== undefined) handles.push({ handle: check.handle, source: 'url' })
    seenUrls.add(`${network} ${profile.url}`)
  }
  if (network !== 'linkedin' && network !== 'github') return found
  for (const { handle, source } of handles) {
    const key = `${network} ${handle.toLowerCase()}`
    if (seenHandles.has(key)) continue
    seenHandles.add(key)
    if (network === 'linkedin' && linkedinMemberId.test(handle)) continue
    if (isRelatedToName(handle, facts.name)) continue
    found.push(
      signal(
        'profile.handle.unrelated-to-name',
        `The ${profile.networkLabel} handle "${handle}" does not derive from the applicant's name, ${facts.name.full}.`,
        { path: profile.path, network: profile.networkLabel, handle, source, name: facts.name.full },
      ),
    )
  }
  return found
}

function displayNameSignal(
  profile: ListedProfile,
  enrichment: ProfileEnrichment,
  facts: NormalisedApplication,
): Signal<OnlinePresenceCode> | undefined {
  const displayName = enrichment.displayName?.trim()
  if (!displayName || compareDisplayName(displayName, facts.name) !== 'different') return undefined
  return signal(
    'profile.display-name.mismatch',
    `The ${profile.networkLabel} profile's display name "${displayName}" names someone other than the applicant, ${facts.name.full}.`,
    {
      path: profile.path,
      network: profile.networkLabel,
      displayName,
      name: facts.name.full,
      ...(profile.url ? { url: profile.url } : {}),
    },
  )
}

const days = (ms: number): number => Math.floor(ms / msPerDay)

// A fresh object each call: signals add their own facts with Object.assign (`{ ...x, more }` is slow in V8).
function profileEvidence(profile: ListedProfile): Record<string, unknown> {
  return {
    path: profile.path,
    network: profile.networkLabel,
    ...(profile.url ? { url: profile.url } : {}),
    ...(profile.username ? { username: profile.username } : {}),
  }
}

function historySignals(
  profile: ListedProfile,
  enrichment: ProfileEnrichment,
  submittedAtMs: number,
): Signal<OnlinePresenceCode>[] {
  if (!Number.isFinite(submittedAtMs)) return []
  const found: Signal<OnlinePresenceCode>[] = []
  const created = parsePartialDate(enrichment.createdAt)
  // The earliest instant the date allows: a year-only date never makes an account look newer than it may be.
  if (created && submittedAtMs - created.startMs < onlinePresenceThresholds.newAccountDays * msPerDay) {
    const ageDays = days(submittedAtMs - created.startMs)
    const when = ageDays >= 0 ? `${ageDays} days before` : `${-ageDays} days after`
    found.push(
      signal(
        'profile.account.new',
        `The ${profile.networkLabel} account was created on ${created.text}, ${when} the application.`,
        Object.assign(profileEvidence(profile), {
          createdAt: created.text,
          ageDays,
        }),
      ),
    )
  }

  const inactiveDays = enrichment.longestInactiveDays
  const reactivated = parsePartialDate(enrichment.reactivatedAt)
  if (inactiveDays !== undefined && inactiveDays >= onlinePresenceThresholds.dormantDays && reactivated) {
    const sinceDays = days(submittedAtMs - reactivated.startMs)
    const isRecent =
      sinceDays <= onlinePresenceThresholds.reactivatedWithinDays &&
      sinceDays >= -onlinePresenceThresholds.reactivatedAfterSubmissionDays
    if (isRecent) {
      const when = sinceDays >= 0 ? `${sinceDays} days before` : `${-sinceDays} days after`
      found.push(
        signal(
          'profile.account.dormant-then-active',
          `The ${profile.networkLabel} account was inactive for ${inactiveDays} days and became active again on ${reactivated.text}, ${when} the application.`,
          Object.assign(profileEvidence(profile), {
            longestInactiveDays: inactiveDays,
            reactivatedAt: reactivated.text,
            daysBeforeApplication: sinceDays,
          }),
        ),
      )
    }
  }

  const connections = enrichment.connections
  if (
    profile.network === 'linkedin' &&
    connections !== undefined &&
    connections < onlinePresenceThresholds.fewConnections
  ) {
    found.push(
      signal(
        'profile.connections.few',
        `The LinkedIn profile has only ${connections} connections.`,
        Object.assign(profileEvidence(profile), {
          connections,
          threshold: onlinePresenceThresholds.fewConnections,
        }),
      ),
    )
  }
  return found
}

function githubSignals(
  profile: ListedProfile,
  enrichment: ProfileEnrichment,
  submittedAtMs: number,
  experienceYears: number,
): Signal<OnlinePresenceCode>[] {
  const created = parsePartialDate(enrichment.createdAt)
  if (!created) return []
  const found: Signal<OnlinePresenceCode>[] = []
  const oldest = parsePartialDate(enrichment.oldestActivityAt)
  if (oldest && created.startMs - oldest.endMs > onlinePresenceThresholds.backdatedMarginDays * msPerDay) {
    const yearsEarlier = (created.startMs - oldest.startMs) / msPerYear
    const gap =
      yearsEarlier >= 1 ? `${yearsEarlier.toFixed(1)} years` : `${days(created.startMs - oldest.startMs)} days`
    found.push(
      signal(
        'profile.github.backdated-activity',
        `The GitHub account was created on ${created.text} but shows activity from ${oldest.text}, ${gap} earlier.`,
        Object.assign(profileEvidence(profile), { createdAt: created.text, oldestActivityAt: oldest.text }),
      ),
    )
  }
  const ageMs = submittedAtMs - created.startMs
  if (
    Number.isFinite(ageMs) &&
    ageMs < onlinePresenceThresholds.youngGithubDays * msPerDay &&
    experienceYears >= onlinePresenceThresholds.claimedExperienceYears
  ) {
    const ageDays = Math.max(0, days(ageMs))
    found.push(
      signal(
        'profile.github.younger-than-experience',
        `The GitHub account is ${ageDays} days old (created ${created.text}) while the CV claims ${experienceYears.toFixed(1)} years as a software developer or engineer.`,
        Object.assign(profileEvidence(profile), {
          createdAt: created.text,
          accountAgeDays: ageDays,
          claimedSoftwareYears: Math.round(experienceYears * 10) / 10,
        }),
      ),
    )
  }
  return found
}
