/**
 * Polls `check` until it returns a value other than undefined or false, for background work that tests wait on (jobs,
 * deliveries). Bounded: throws naming `what` after `timeoutMs` (default 60 s). Never a timing assertion, only a wait.
 */
export async function waitUntil<Value>(
  what: string,
  check: () => Promise<Value | undefined | false> | Value | undefined | false,
  options: { readonly timeoutMs?: number; readonly intervalMs?: number } = {},
): Promise<Value> {
  const deadline = Date.now() + (options.timeoutMs ?? 60_000)
  for (;;) {
    const value = await check()
    if (value !== undefined && value !== false) return value
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`)
    await new Promise((resolve) => setTimeout(resolve, options.intervalMs ?? 50))
  }
}
