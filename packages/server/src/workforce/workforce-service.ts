import { createHash } from 'node:crypto'
import { normaliseAddressText, type ValidationIssue } from '@hirewall/core'
import type {
  EmployeeFacts,
  NewEmployeeAssessment,
  RaisedCase,
  Repositories,
  Store,
  StoredWorkforceRecord,
  WorkforceRecordRepository,
} from '@hirewall/store'
import type {
  EmployeeAssessment,
  FarmCluster,
  HireRecord,
  ImportedRow,
  WorkforceEvaluator,
  WorkforceRecord,
  WorkforceStatistics,
} from '@hirewall/workforce'
import { toNewWorkforceRecord, workforceRecordOf } from './stored-workforce-record.js'
import type { WorkforceFeed } from './workforce-feeds.js'

/** Records read per page when the evaluator replays the stored feeds or catches up with other processes. */
const pageSize = 5000

/** Who opens employee cases and writes assessments. */
export const workforceActor = 'system:workforce'

/** What happened to one row of an ingested body. */
export type IngestedRow =
  | { readonly line: number; readonly status: 'accepted' | 'duplicate' }
  | { readonly line: number; readonly status: 'rejected'; readonly issues: readonly ValidationIssue[] }
  | { readonly line: number; readonly status: 'skipped'; readonly reason: string }

/** The answer to one ingested body: a result per row, the counts, and what the accepted records changed. */
export type IngestReport = {
  readonly rows: readonly IngestedRow[]
  readonly accepted: number
  readonly duplicates: number
  readonly rejected: number
  readonly skipped: number
  /** Employees whose assessment changed (a new version was stored). */
  readonly assessed: readonly string[]
  /** Cases opened (or re-opened after a closed one) for employees whose new assessment is review or hold. */
  readonly casesRaised: readonly RaisedCase[]
}

/** The last rebuild of the evaluator from the stored records. */
export type ReplayReport = { readonly records: number; readonly ms: number }

/**
 * The after-hire pipeline of one server process (docs/workforce.md, "How the service does it"): one evaluator, rebuilt
 * on start by replaying the stored records in time order, fed by the ingest endpoints. Ingestion runs one batch at a
 * time under the workforce lock: it first adds the records other processes stored since (by `seq`), then stores and
 * adds its own, assesses the employees whose case may have changed, writes the assessments that did change and raises
 * or re-opens their cases, all in one transaction.
 */
export type WorkforceService = {
  ingest(feed: WorkforceFeed, rows: readonly ImportedRow<WorkforceRecord>[], actor: string): Promise<IngestReport>
  /** The farm clusters as of every stored record (after catching up with other processes), largest first. */
  farms(): Promise<readonly FarmCluster[]>
  statistics(): WorkforceStatistics
  readonly lastReplay: ReplayReport
  /** Waits for the batch in progress. */
  close(): Promise<void>
}

export type WorkforceServiceOptions = {
  readonly store: Store
  /** Makes a fresh evaluator (lists, network data, organisation settings, policy): on start and after a failed batch. */
  readonly createEvaluator: () => WorkforceEvaluator
}

/** Opens the pipeline: replays every stored record into a new evaluator and stores assessments that changed. */
export async function createWorkforceService(options: WorkforceServiceOptions): Promise<WorkforceService> {
  const service = new ProcessWorkforce(options)
  await service.start()
  return service
}

class ProcessWorkforce implements WorkforceService {
  readonly #store: Store
  readonly #createEvaluator: () => WorkforceEvaluator
  #evaluator: WorkforceEvaluator
  #lastSeq = 0
  #isStale = true
  #tail: Promise<unknown> = Promise.resolve()
  lastReplay: ReplayReport = { records: 0, ms: 0 }

  constructor(options: WorkforceServiceOptions) {
    this.#store = options.store
    this.#createEvaluator = options.createEvaluator
    this.#evaluator = options.createEvaluator()
  }

  start(): Promise<void> {
    return this.#serially(async () => {
      await this.#rebuild()
      // Assessments made under other lists or another policy than the stored ones are written as new versions.
      await this.#store.transaction(async (transaction) => {
        await transaction.workforceRecords.lock()
        await this.#catchUp(transaction.workforceRecords)
        await this.#assessChanged(transaction)
      })
    })
  }

  ingest(feed: WorkforceFeed, rows: readonly ImportedRow<WorkforceRecord>[], actor: string): Promise<IngestReport> {
    return this.#serially(async () => {
      if (this.#isStale) await this.#rebuild()
      const records = rows.flatMap((row) => (row.status === 'ok' ? [row.record] : []))
      try {
        return await this.#store.transaction(async (transaction) => {
          await transaction.workforceRecords.lock()
          await this.#catchUp(transaction.workforceRecords)
          const appended = await transaction.workforceRecords.append(
            records.map((record) => toNewWorkforceRecord(record, feed, actor)),
          )
          const stored: { seq: number; record: WorkforceRecord }[] = []
          appended.forEach((result, index) => {
            const record = records[index]
            if (result.status === 'stored' && record !== undefined) stored.push({ seq: result.seq, record })
          })
          await transaction.employees.recordHires(
            stored.flatMap(({ record }) => (record.kind === 'hire' ? [employeeFactsOf(record)] : [])),
          )
          for (const { seq, record } of stored) {
            this.#evaluator.add(record)
            if (seq > this.#lastSeq) this.#lastSeq = seq
          }
          const { assessed, casesRaised } = await this.#assessChanged(transaction)
          let next = 0
          const results = rows.map((row): IngestedRow => {
            switch (row.status) {
              case 'ok':
                return { line: row.line, status: appended[next++]?.status === 'stored' ? 'accepted' : 'duplicate' }
              case 'invalid':
                return { line: row.line, status: 'rejected', issues: row.issues }
              case 'skipped':
                return { line: row.line, status: 'skipped', reason: row.reason }
            }
          })
          const report: IngestReport = {
            rows: results,
            accepted: stored.length,
            duplicates: records.length - stored.length,
            rejected: results.filter((row) => row.status === 'rejected').length,
            skipped: results.filter((row) => row.status === 'skipped').length,
            assessed,
            casesRaised,
          }
          await transaction.audit.append({
            actor,
            action: 'workforce.ingested',
            target: `workforce:${feed}`,
            details: {
              feed,
              rows: rows.length,
              accepted: report.accepted,
              duplicates: report.duplicates,
              rejected: report.rejected,
              skipped: report.skipped,
              assessed: assessed.length,
              casesRaised: casesRaised.map((raised) => raised.caseId),
            },
          })
          return report
        })
      } catch (error) {
        // The evaluator may hold records the rolled-back transaction did not store: the next batch rebuilds it.
        this.#isStale = true
        throw error
      }
    })
  }

  farms(): Promise<readonly FarmCluster[]> {
    return this.#serially(async () => {
      if (this.#isStale) await this.#rebuild()
      // Without the lock: `seq` grows with commit order, so reading above the last one seen skips nothing.
      await this.#catchUp(this.#store.workforceRecords)
      return this.#evaluator.farmClusters()
    })
  }

  statistics(): WorkforceStatistics {
    return this.#evaluator.statistics()
  }

  async close(): Promise<void> {
    await this.#tail.catch(() => undefined)
  }

  #serially<Result>(work: () => Promise<Result>): Promise<Result> {
    const run = this.#tail.then(work, work)
    this.#tail = run.catch(() => undefined)
    return run
  }

  /** A new evaluator fed every stored record in time order (impossible travel compares each sign-in with the last). */
  async #rebuild(): Promise<void> {
    const started = performance.now()
    const evaluator = this.#createEvaluator()
    const until = await this.#store.workforceRecords.lastSeq()
    let count = 0
    let reading = this.#store.workforceRecords.replay(until, undefined, pageSize)
    for (;;) {
      const page = await reading
      const last = page[page.length - 1]
      const isFull = page.length === pageSize && last !== undefined
      // The next page is read while this one is added.
      if (isFull) reading = this.#store.workforceRecords.replay(until, { at: last.at, seq: last.seq }, pageSize)
      for (const stored of page) evaluator.add(workforceRecordOf(stored))
      count += page.length
      if (!isFull) break
    }
    this.#evaluator = evaluator
    this.#lastSeq = until
    this.#isStale = false
    this.lastReplay = { records: count, ms: Math.round(performance.now() - started) }
  }

  /** Adds the records stored after the last one this process has, in `seq` order. */
  async #catchUp(records: WorkforceRecordRepository): Promise<number> {
    let added = 0
    for (;;) {
      const page: readonly StoredWorkforceRecord[] = await records.after(this.#lastSeq, pageSize)
      for (const stored of page) {
        this.#evaluator.add(workforceRecordOf(stored))
        this.#lastSeq = stored.seq
      }
      added += page.length
      if (page.length < pageSize) return added
    }
  }

  /** Assesses whoever may have changed; stores the assessments that did, and raises cases for review and hold. */
  async #assessChanged(
    transaction: Repositories,
  ): Promise<{ assessed: readonly string[]; casesRaised: readonly RaisedCase[] }> {
    const changed = this.#evaluator.takeChanged()
    if (changed.length === 0) return { assessed: [], casesRaised: [] }
    const written = await transaction.employees.appendAssessments(
      changed.map((employeeId) => toNewAssessment(this.#evaluator.assess(employeeId))),
    )
    const casesRaised = await transaction.employees.raiseCases(
      written.filter((assessment) => assessment.outcome !== 'clear').map((assessment) => assessment.employeeId),
      workforceActor,
    )
    return { assessed: written.map((assessment) => assessment.employeeId), casesRaised }
  }
}

function employeeFactsOf(hire: HireRecord): EmployeeFacts {
  return {
    id: hire.employeeId,
    applicationRef: hire.applicationId,
    legalName: hire.legalName,
    homeAddress: hire.homeAddress.text,
    homeAddressKey: normaliseAddressText(hire.homeAddress.text),
    homeCountry: hire.homeAddress.countryCode,
    startDate: hire.startDate,
    manager: hire.manager,
    logins: hire.logins,
  }
}

function toNewAssessment(assessment: EmployeeAssessment): NewEmployeeAssessment {
  const said = {
    score: assessment.score,
    outcome: assessment.outcome,
    holdGate: assessment.holdGate,
    signals: assessment.signals,
    clusterId: assessment.clusterId ?? null,
    detectorFailures: assessment.detectorFailures,
    policyVersion: assessment.policyVersion,
    dataVersions: assessment.dataVersions,
  }
  return {
    employeeId: assessment.employeeId,
    applicationId: assessment.applicationId,
    score: assessment.score,
    outcome: assessment.outcome,
    holdGate: assessment.holdGate,
    signals: assessment.signals,
    clusterId: assessment.clusterId,
    policyVersion: assessment.policyVersion,
    dataVersions: assessment.dataVersions,
    detectorFailures: assessment.detectorFailures,
    fingerprint: createHash('sha256').update(JSON.stringify(said)).digest('base64url'),
  }
}
