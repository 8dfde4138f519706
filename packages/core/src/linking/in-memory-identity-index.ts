import type { NormalisedApplication } from '../normalise/normalise-application.js'
import type { ApplicationRecord } from '../record/application-record.js'
import type { Signal } from '../signals/signal.js'
import { ClaimedPeople } from './claimed-people.js'
import { extractIdentifiers } from './extract-identifiers.js'
import { diffHistory, historySnapshot, type HistoryChange } from './history-snapshot.js'
import {
  householdIdentifierKinds,
  identifierKinds,
  identifierWeights,
  strongIdentifierKinds,
  type Identifier,
  type IdentifierKind,
} from './identifier-kind.js'
import type {
  ClusterEdge,
  GraphEdge,
  GraphNode,
  IdentityGraph,
  IdentityIndex,
  IdentityLink,
  LinkResult,
  PersonaCluster,
} from './identity-index.js'
import { sharedIdentifierCodes, sharedIdentifierSeverity, type IdentitySignalCode } from './identity-signals.js'
import { IdentifierTable } from './identifier-table.js'
import { LshIndex } from './lsh-index.js'
import {
  compactSignature,
  estimateSimilarity,
  minHash,
  minHashSize,
  minimumShingles,
  sharedPassages,
  shingleCount,
  splitWords,
} from './min-hash.js'
import { isRing, PersonaClusters, type ClusterSummary, type InternalEdge } from './persona-clusters.js'
import { PhotoHashIndex } from './photo-hash-index.js'
import { SharedIdentifier } from './shared-identifier.js'
import { describeSharing, nearMatchSignal, type NearMatch } from './near-match-signal.js'

export type IdentityIndexOptions = {
  /** Estimated Jaccard similarity of word trigrams at which two CV texts are near-duplicates. */
  readonly cvSimilarityThreshold?: number
  /** Most bits two 64-bit photo hashes may differ by and still be the same photo (at most 15). */
  readonly photoMaxDistance?: number
  readonly burstWindowMs?: number
  readonly burstMinApplications?: number
  /** How many other application ids a signal or link lists. */
  readonly evidenceLimit?: number
}

type Resolved = Required<IdentityIndexOptions>

const defaults: Resolved = {
  cvSimilarityThreshold: 0.8,
  photoMaxDistance: 4,
  burstWindowMs: 86_400_000,
  burstMinApplications: 5,
  evidenceLimit: 10,
}

/** LSH candidates read per band: bounds one link's work when a template fills a bucket. */
const candidatesPerBand = 32

type IdentitySignal = Signal<IdentitySignalCode>

/**
 * The identity index held in memory (a CLI run, tests). Per application it keeps its id, claimed person, submission
 * time and cluster; per identifier one map entry (just the application's number until a second application shares
 * it); per CV text a 16-bit MinHash signature (200 bytes) in one typed array and its LSH band entries; per photo its
 * hash in the multi-index. Texts and records are not kept: shared passages are rebuilt from the new text alone.
 */
export class InMemoryIdentityIndex implements IdentityIndex {
  private readonly options: Resolved
  private readonly applicationIds: string[] = []
  private readonly personOfApplication: number[] = []
  private readonly applicationTimes: number[] = []
  /** Application id to its number, built only when clusters are looked up by id; a re-linked id keeps its first. */
  private readonly applicationNumbers = new Map<string, number>()
  private numberedUpTo = 0
  private readonly people = new ClaimedPeople()
  private readonly clusters_ = new PersonaClusters()
  /** Each identifier: `2 * application` while used once, `2 * n + 1` for the n-th shared identifier. */
  private readonly exact = new IdentifierTable()
  private readonly shared: SharedIdentifier[] = []
  private readonly sharedEdges: {
    readonly application: number
    readonly kind: IdentifierKind
    readonly value: string
  }[] = []
  private readonly nearEdges: InternalEdge[] = []
  private readonly nearWeights: number[] = []
  private readonly lsh = new LshIndex()
  private signatures = new Uint16Array(1024 * minHashSize)
  private readonly textApplication: number[] = []
  private textStamps = new Int32Array(1024)
  private readonly photos = new PhotoHashIndex()
  private readonly photoApplication: number[] = []

  constructor(options: IdentityIndexOptions = {}) {
    this.options = { ...defaults, ...options }
  }

  get size(): number {
    return this.applicationIds.length
  }

  link(record: ApplicationRecord, facts: NormalisedApplication, extra: readonly Identifier[] = []): LinkResult {
    const application = this.clusters_.add()
    const person = this.people.resolve(facts)
    this.applicationIds.push(record.id)
    this.personOfApplication.push(person)
    const links: IdentityLink[] = []
    const signals: IdentitySignal[] = []
    const sameNameElsewhere = new Set<number>()
    const timeMs = Number.isFinite(facts.submittedAtMs) ? facts.submittedAtMs : 0
    this.applicationTimes.push(timeMs)

    for (const identifier of [...extractIdentifiers(record, facts), ...extra]) {
      if (identifier.kind === 'photo') continue
      const found = this.linkExact(identifier, application, person, timeMs, signals, sameNameElsewhere)
      if (found) links.push(found)
    }
    const cvText = record.document?.cvText
    if (cvText !== undefined) this.linkText(cvText, application, person, links, signals)
    const photo = record.document?.photoPerceptualHash?.trim().toLowerCase()
    if (photo !== undefined && /^[0-9a-f]{16}$/.test(photo)) this.linkPhoto(photo, application, person, links, signals)

    const history = historySnapshot(record.cv)
    const changed = this.historySignal(person, history, sameNameElsewhere)
    if (changed) signals.push(changed)
    this.people.latestApplication[person] = application
    this.people.latestHistory[person] = history

    const summary = this.clusters_.summaryOf(application)
    const clusterId = this.clusterIdOf(application)
    if (summary && isRing(summary)) signals.push(this.ringSignal(clusterId, summary))
    return { applicationId: record.id, clusterId, links, signals }
  }

  cluster(clusterId: string): PersonaCluster | undefined {
    for (; this.numberedUpTo < this.applicationIds.length; this.numberedUpTo++) {
      const id = this.applicationIds[this.numberedUpTo] ?? ''
      if (!this.applicationNumbers.has(id)) this.applicationNumbers.set(id, this.numberedUpTo)
    }
    const earliest = this.applicationNumbers.get(clusterId.replace(/^cluster:/, ''))
    if (earliest === undefined || this.clusters_.earliestOf(earliest) !== earliest) return undefined
    const summary = this.clusters_.summaryOf(earliest)
    return summary ? this.describeCluster(summary) : this.describeSingleton(earliest)
  }

  clusters(): readonly PersonaCluster[] {
    return [...this.clusters_.allSummaries()]
      .sort((a, b) => earliestMember(a) - earliestMember(b))
      .map((summary) => this.describeCluster(summary))
  }

  graph(options: { readonly clusterId?: string } = {}): IdentityGraph {
    const wanted = options.clusterId === undefined ? undefined : this.cluster(options.clusterId)
    const keep = wanted ? new Set(wanted.applicationIds) : undefined
    const nodes = new Map<string, GraphNode>()
    const edges: GraphEdge[] = []
    const addApplication = (application: number): string | undefined => {
      const id = this.applicationIds[application] ?? ''
      if (keep && !keep.has(id)) return undefined
      if (!nodes.has(id)) nodes.set(id, { type: 'application', id, clusterId: this.clusterIdOf(application) })
      return id
    }
    for (const { application, kind, value } of this.sharedEdges) {
      const source = addApplication(application)
      if (source === undefined) continue
      const target = `${kind}:${value}`
      if (!nodes.has(target)) nodes.set(target, { type: 'identifier', id: target, kind, value })
      edges.push({ source, target, kind, weight: identifierWeights[kind] })
    }
    this.nearEdges.forEach((edge, index) => {
      const source = addApplication(edge.from)
      const target = addApplication(edge.to)
      if (source === undefined || target === undefined) return
      edges.push({ source, target, kind: edge.kind, weight: this.nearWeights[index] ?? 0 })
    })
    return { nodes: [...nodes.values()], edges }
  }

  private linkExact(
    identifier: Identifier,
    application: number,
    person: number,
    timeMs: number,
    signals: IdentitySignal[],
    /** Earlier applications of the same name that share a strong identifier with this one (filled here). */
    sameNameElsewhere: Set<number>,
  ): IdentityLink | undefined {
    const { kind, value } = identifier
    const kindNumber = identifierKinds.indexOf(kind)
    const existing = this.exact.get(kindNumber, value)
    if (existing === undefined) {
      this.exact.set(kindNumber, value, 2 * application)
      return undefined
    }
    let entry: SharedIdentifier
    if (existing % 2 === 0) {
      const first = existing / 2
      entry = new SharedIdentifier()
      entry.add(first, this.personOf(first))
      if (kind === 'ip' || kind === 'device')
        entry.addRecent(this.timeOf(first), this.personOf(first), this.options.burstWindowMs)
      this.exact.set(kindNumber, value, 2 * this.shared.length + 1)
      this.shared.push(entry)
      this.sharedEdges.push({ application: first, kind, value })
    } else entry = this.shared[(existing - 1) / 2] ?? new SharedIdentifier()
    this.sharedEdges.push({ application, kind, value })

    const others: number[] = []
    let household = 0
    const mySurname = this.people.surnameOf(person)
    entry.people.forEach((other, index) => {
      const otherApplication = entry.peopleApplications[index] ?? 0
      if (other === person) {
        // The same claimed person again, through a strong identifier: their history may be compared.
        if (strongIdentifierKinds.has(kind)) sameNameElsewhere.add(otherApplication)
        return
      }
      others.push(otherApplication)
      if (this.people.surnameOf(other) === mySurname) household++
      const isNamesake = this.people.nameOf(other) !== '' && this.people.nameOf(other) === this.people.nameOf(person)
      if (isNamesake && strongIdentifierKinds.has(kind)) sameNameElsewhere.add(otherApplication)
    })
    const otherPeople = entry.peopleCount - (entry.hasPerson(person) ? 1 : 0)
    const ownEarlier = entry.people.indexOf(person)
    const applicationIds = [...others, ...(ownEarlier >= 0 ? [entry.peopleApplications[ownEarlier] ?? 0] : [])]
      .slice(0, this.options.evidenceLimit)
      .map((other) => this.applicationIds[other] ?? '')
    const link: IdentityLink = {
      match: 'exact',
      kind,
      value,
      applicationIds,
      applicationCount: entry.applicationCount,
      otherPeople,
    }

    if (strongIdentifierKinds.has(kind)) {
      const target =
        others.length > 0 ? (others[others.length - 1] ?? entry.latestApplication) : entry.latestApplication
      this.join({ kind, value, from: application, to: target })
    }
    if (otherPeople > 0) {
      const strangers = householdIdentifierKinds.has(kind) ? otherPeople - household : otherPeople
      const severity = sharedIdentifierSeverity(kind, strangers)
      const otherIds = others.slice(0, this.options.evidenceLimit).map((other) => this.applicationIds[other] ?? '')
      signals.push({
        code: sharedIdentifierCodes[kind],
        severity,
        message: describeSharing(identifier, otherPeople, household, otherIds),
        evidence: {
          kind,
          value,
          typed: identifier.display,
          otherApplicationIds: otherIds,
          otherPeople,
          sameSurnamePeople: household,
          earlierApplications: entry.applicationCount,
        },
      })
    }
    entry.add(application, person)
    if (kind === 'ip' || kind === 'device') {
      const burst = entry.addRecent(timeMs, person, this.options.burstWindowMs)
      if (burst.applications >= this.options.burstMinApplications && burst.people >= 2) {
        const hours = Math.round(this.options.burstWindowMs / 3_600_000)
        signals.push({
          code: 'identity.burst',
          severity: kind === 'device' && burst.people >= 3 ? 'medium' : 'low',
          message: `${burst.applications} applications from ${burst.people} claimed people came from the ${kind === 'ip' ? 'IP address' : 'device'} ${identifier.display} within ${hours} hours.`,
          evidence: {
            kind,
            value,
            applications: burst.applications,
            people: burst.people,
            windowHours: hours,
            otherApplicationIds: others
              .slice(0, this.options.evidenceLimit)
              .map((other) => this.applicationIds[other] ?? ''),
          },
        })
      }
    }
    return link
  }

  private linkText(
    text: string,
    application: number,
    person: number,
    links: IdentityLink[],
    signals: IdentitySignal[],
  ): void {
    const words = splitWords(text)
    if (shingleCount(words) < minimumShingles) return
    const signature = minHash(words)
    const document = this.lsh.size
    if (document + 1 > this.textStamps.length) {
      const grown = new Int32Array(this.textStamps.length * 2)
      grown.set(this.textStamps)
      this.textStamps = grown
    }
    const matches: NearMatch[] = []
    const stamp = document + 1
    this.lsh.forEachCandidate(signature.values, candidatesPerBand, (candidate) => {
      if (this.textStamps[candidate] === stamp) return
      this.textStamps[candidate] = stamp
      const similarity = estimateSimilarity(signature.values, this.signatures, candidate * minHashSize)
      if (similarity >= this.options.cvSimilarityThreshold) matches.push({ entry: candidate, similarity })
    })
    matches.sort((a, b) => b.similarity - a.similarity || a.entry - b.entry)
    const best = matches.find((match) => this.personOf(this.textApplication[match.entry] ?? 0) !== person)
    const passages =
      best === undefined ? [] : sharedPassages(words, signature, this.signatures, best.entry * minHashSize, 3)
    this.recordNear('cv-text', matches, this.textApplication, application, person, links, signals, passages)

    this.lsh.insert(signature.values)
    if ((document + 1) * minHashSize > this.signatures.length) {
      const grown = new Uint16Array(this.signatures.length * 2)
      grown.set(this.signatures)
      this.signatures = grown
    }
    compactSignature(signature.values, this.signatures, document * minHashSize)
    this.textApplication.push(application)
  }

  private linkPhoto(
    hash: string,
    application: number,
    person: number,
    links: IdentityLink[],
    signals: IdentitySignal[],
  ): void {
    const matches = this.photos
      .near(hash, this.options.photoMaxDistance)
      .map(({ entry, distance }) => ({ entry, similarity: 1 - distance / 64 }))
    this.recordNear('photo', matches, this.photoApplication, application, person, links, signals, [])
    this.photos.add(hash)
    this.photoApplication.push(application)
  }

  /** Joins near matches into the cluster and reports them; `matches` are sorted closest first. */
  private recordNear(
    kind: 'cv-text' | 'photo',
    matches: readonly NearMatch[],
    applicationOf: readonly number[],
    application: number,
    person: number,
    links: IdentityLink[],
    signals: IdentitySignal[],
    passages: readonly string[],
  ): void {
    if (matches.length === 0) return
    const otherPeople = new Set<number>()
    const others: { readonly application: number; readonly similarity: number }[] = []
    for (const match of matches.slice(0, 64)) {
      const other = applicationOf[match.entry] ?? 0
      const otherPerson = this.personOf(other)
      if (otherPerson !== person) {
        otherPeople.add(otherPerson)
        others.push({ application: other, similarity: match.similarity })
      }
      const value =
        kind === 'photo'
          ? `distance ${Math.round((1 - match.similarity) * 64)}`
          : `similarity ${match.similarity.toFixed(2)}`
      this.join({ kind, value, from: application, to: other })
      this.nearEdges.push({ kind, value, from: application, to: other })
      this.nearWeights.push(identifierWeights[kind] * match.similarity)
    }
    links.push({
      match: 'near',
      kind,
      applicationIds: matches
        .slice(0, this.options.evidenceLimit)
        .map((match) => this.applicationIds[applicationOf[match.entry] ?? 0] ?? ''),
      otherPeople: otherPeople.size,
      similarity: matches[0]?.similarity ?? 0,
    })
    if (otherPeople.size === 0) return
    const shown = others.slice(0, this.options.evidenceLimit).map((other) => ({
      applicationId: this.applicationIds[other.application] ?? '',
      similarity: Math.round(other.similarity * 100) / 100,
    }))
    signals.push(
      nearMatchSignal(kind, sharedIdentifierSeverity(kind, otherPeople.size), otherPeople.size, shown, passages),
    )
  }

  private historySignal(
    person: number,
    history: string,
    sameNameElsewhere: ReadonlySet<number>,
  ): IdentitySignal | undefined {
    // A name (and birth year) alone is not a person: common names recur. Compare histories only with the earlier
    // applications of that name that share a strong identifier (phone, email, device, CV file...) with this one. Only
    // each claimed person's latest history is kept, so an application a namesake has since superseded is skipped
    // rather than compared with the namesake's CV.
    for (const earlierApplication of sameNameElsewhere) {
      const earlierPerson = this.personOf(earlierApplication)
      if (this.people.latestApplication[earlierPerson] !== earlierApplication) continue
      const earlier = this.people.latestHistory[earlierPerson]
      if (earlier === undefined) continue
      const changes = diffHistory(earlier, history)
      if (changes.length === 0) continue
      const earlierId = this.applicationIds[earlierApplication] ?? ''
      return {
        code: 'identity.history-changed',
        severity: 'medium',
        message: `The same claimed person applied as ${earlierId} with a different history: ${summarise(changes)}.`,
        evidence: {
          earlierApplicationId: earlierId,
          basis:
            earlierPerson === person
              ? 'same name and birth year, and a shared identifier'
              : 'same name and a shared identifier',
          added: changes.filter((change) => change.change === 'added'),
          removed: changes.filter((change) => change.change === 'removed'),
          changed: changes.filter((change) => change.change === 'changed'),
        },
      }
    }
    return undefined
  }

  private ringSignal(clusterId: string, summary: ClusterSummary): IdentitySignal {
    // Sorting a giant cluster on every link would make one link slow: past a few hundred members, list a sample.
    const members = summary.members.length <= 256 ? [...summary.members].sort((a, b) => a - b) : summary.members
    const ids = members.slice(0, 2 * this.options.evidenceLimit).map((member) => this.applicationIds[member] ?? '')
    const kinds = [...summary.crossKinds].sort()
    return {
      code: 'identity.ring',
      severity: 'high',
      message: `This application joins persona cluster ${clusterId}: ${summary.members.length} applications claiming ${summary.people.size} different people (${summary.surnames.size} surnames) linked by ${kinds.join(', ') || 'shared identifiers'}.`,
      evidence: {
        clusterId,
        applications: summary.members.length,
        claimedPeople: summary.people.size,
        surnames: summary.surnames.size,
        linkingKinds: kinds,
        applicationIds: ids,
      },
    }
  }

  private join(edge: InternalEdge): void {
    this.clusters_.join(
      edge,
      (member) => this.personOf(member),
      (member) => this.people.surnameOf(this.personOf(member)),
    )
  }

  private describeCluster(summary: ClusterSummary): PersonaCluster {
    const members = [...summary.members].sort((a, b) => a - b)
    const edges: ClusterEdge[] = summary.edges.map((edge) => ({
      kind: edge.kind,
      value: edge.value,
      from: this.applicationIds[edge.from] ?? '',
      to: this.applicationIds[edge.to] ?? '',
    }))
    return {
      id: `cluster:${this.applicationIds[members[0] ?? 0] ?? ''}`,
      applicationIds: members.map((member) => this.applicationIds[member] ?? ''),
      claimedPeople: summary.people.size,
      surnames: summary.surnames.size,
      isRing: isRing(summary),
      edges,
    }
  }

  private describeSingleton(application: number): PersonaCluster {
    const id = this.applicationIds[application] ?? ''
    return { id: `cluster:${id}`, applicationIds: [id], claimedPeople: 1, surnames: 1, isRing: false, edges: [] }
  }

  private clusterIdOf(application: number): string {
    return `cluster:${this.applicationIds[this.clusters_.earliestOf(application)] ?? ''}`
  }

  private personOf(application: number): number {
    return this.personOfApplication[application] ?? -1
  }

  private timeOf(application: number): number {
    return this.applicationTimes[application] ?? 0
  }
}

function summarise(changes: readonly HistoryChange[]): string {
  const parts = changes
    .slice(0, 4)
    .map((change) =>
      change.change === 'changed'
        ? `${change.section} ${change.entry}: ${change.fields.map((field) => `${field.field} ${field.before || '(none)'} → ${field.after || '(none)'}`).join(', ')}`
        : `${change.section} ${change.change} ${change.entry}`,
    )
  return changes.length > 4 ? `${parts.join('; ')}; and ${changes.length - 4} more` : parts.join('; ')
}

function earliestMember(summary: ClusterSummary): number {
  return summary.members.reduce((earliest, member) => Math.min(earliest, member), Number.POSITIVE_INFINITY)
}
