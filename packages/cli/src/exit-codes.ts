/** The documented exit codes of every `hirewall` command (also in docs/cli.md). */
export const exitCodes = {
  /** Every input row was read and screened, whatever the outcomes. */
  ok: 0,
  /** An unexpected failure; the message says what broke. */
  internal: 1,
  /** Bad flags or arguments, a missing or unreadable file, an invalid policy file. Nothing was screened. */
  usage: 2,
  /**
   * Some input rows were invalid: they are reported with line, field path and message; the valid rows were screened.
   * For `intel update` and `intel import`: some sources or files were refused or not downloaded; the versions in use stay.
   */
  invalidRows: 3,
  /**
   * `model` commands: a gate said no. `model promote` was blocked (fairness or quality), `model train` had too few
   * labelled applications, `model rollback` had nothing to return to, `model drift` found significant drift.
   */
  refused: 4,
} as const

export type ExitCode = (typeof exitCodes)[keyof typeof exitCodes]
