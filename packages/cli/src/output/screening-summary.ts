import { outcomes, type Outcome, type PersonaCluster, type ScreeningResult } from '@hirewall/core'

/** Running totals of a screening run, for the summary printed at the end. */
export class ScreeningSummary {
  readonly byOutcome: Record<Outcome, number> = { clear: 0, review: 0, hold: 0 }
  invalid = 0
  /** Persona clusters of two or more applications, and those spanning several claimed people (rings). */
  private clusters: { total: number; rings: number; largestRing: number } | undefined
  private readonly signalCounts = new Map<string, number>()
  private readonly startedAt = performance.now()

  addResult(result: ScreeningResult): void {
    this.byOutcome[result.outcome] += 1
    for (const signal of result.signals) {
      if (signal.contribution > 0) this.signalCounts.set(signal.code, (this.signalCounts.get(signal.code) ?? 0) + 1)
    }
  }

  addInvalid(): void {
    this.invalid += 1
  }

  addClusters(clusters: readonly PersonaCluster[]): void {
    const rings = clusters.filter((cluster) => cluster.isRing)
    this.clusters = {
      total: clusters.length,
      rings: rings.length,
      largestRing: Math.max(0, ...rings.map((ring) => ring.applicationIds.length)),
    }
  }

  get screened(): number {
    return this.byOutcome.clear + this.byOutcome.review + this.byOutcome.hold
  }

  topSignals(limit: number): readonly (readonly [string, number])[] {
    return [...this.signalCounts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, limit)
  }

  toJSON(): Record<string, unknown> {
    return {
      screened: this.screened,
      invalid: this.invalid,
      outcomes: this.byOutcome,
      topSignals: Object.fromEntries(this.topSignals(10)),
      ...(this.clusters ? { clusters: this.clusters } : {}),
      seconds: this.elapsedSeconds(),
    }
  }

  elapsedSeconds(): number {
    return (performance.now() - this.startedAt) / 1000
  }

  /** A short human summary: counts by outcome, invalid rows, the most frequent signals, speed. */
  format(): string {
    const total = this.screened
    const percent = (count: number): string => (total === 0 ? '0.0' : ((count / total) * 100).toFixed(1))
    const seconds = this.elapsedSeconds()
    const lines = [
      `Screened ${total} application${total === 1 ? '' : 's'} in ${seconds.toFixed(2)} s` +
        (seconds > 0 && total > 0 ? ` (${Math.round(total / seconds)}/s)` : ''),
      ...outcomes.map(
        (outcome) =>
          `  ${outcome.padEnd(7)} ${String(this.byOutcome[outcome]).padStart(8)}  ${percent(this.byOutcome[outcome])}%`,
      ),
    ]
    if (this.invalid > 0)
      lines.push(`  invalid ${String(this.invalid).padStart(8)}  (rows not screened: see their issues)`)
    if (this.clusters) {
      lines.push(
        `Linked: ${this.clusters.total} persona cluster${this.clusters.total === 1 ? '' : 's'} of 2+ applications, ` +
          `${this.clusters.rings} ring${this.clusters.rings === 1 ? '' : 's'} (several claimed people)` +
          (this.clusters.rings > 0 ? `, the largest with ${this.clusters.largestRing} applications` : ''),
      )
    }
    const top = this.topSignals(8)
    if (top.length > 0) {
      lines.push('Top signals:')
      for (const [code, count] of top) lines.push(`  ${code.padEnd(44)} ${String(count).padStart(8)}`)
    }
    return `${lines.join('\n')}\n`
  }
}
