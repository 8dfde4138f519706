/** Something the server needs before it can take traffic, e.g. `{ name: 'database', check: () => pool.query('select 1') }`. */
export type ReadinessCheck = {
  readonly name: string
  /** Resolves when ready; rejects (or takes longer than the timeout) when not. */
  readonly check: () => Promise<unknown>
}

/** One check's result; the failure's cause is logged, never sent (it may name hosts and users). */
export type CheckResult = {
  readonly name: string
  readonly status: 'pass' | 'fail'
  readonly error?: unknown
}

/** Runs every check concurrently, each bounded by `timeoutMs`, and reports each one's result in order. */
export async function runReadinessChecks(
  checks: readonly ReadinessCheck[],
  timeoutMs: number,
): Promise<readonly CheckResult[]> {
  return Promise.all(
    checks.map(async ({ name, check }): Promise<CheckResult> => {
      let timer: NodeJS.Timeout | undefined
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(
          () => reject(new Error(`readiness check ${name} took longer than ${timeoutMs} ms`)),
          timeoutMs,
        )
      })
      try {
        await Promise.race([check(), timeout])
        return { name, status: 'pass' }
      } catch (error) {
        return { name, status: 'fail', error }
      } finally {
        clearTimeout(timer)
      }
    }),
  )
}
