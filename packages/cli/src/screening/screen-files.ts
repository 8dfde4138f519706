import {
  screenApplication,
  type ApplicationRecord,
  type Detector,
  type IdentityIndex,
  type ReferenceData,
  type ScoringPolicy,
  type ScreeningResult,
} from '@hirewall/core'
import { access, constants, stat } from 'node:fs/promises'
import { packagedReferenceData } from '../reference/packaged-reference-data.js'
import { UsageError } from '../usage-error.js'
import { readApplications, type InputFormat } from '../input/read-applications.js'
import type { ScreenedRow } from './screened-row.js'

export type ScreenFilesOptions = {
  readonly policy: ScoringPolicy
  readonly format?: InputFormat
  readonly stdin?: NodeJS.ReadableStream
  readonly reference?: ReferenceData
  readonly onProgress?: (bytesRead: number, totalBytes: number | undefined) => void
  /** Links every application to the ones before it (the pool's memory for this run); omit to screen records alone. */
  readonly identityIndex?: IdentityIndex
  /** Per-record detectors to run (default: all registered); `[]` when only the links are wanted. */
  readonly detectors?: readonly Detector[]
  /** Called with each valid record as it is screened (evaluation needs the labels that results do not carry). */
  readonly onScreened?: (record: ApplicationRecord, result: ScreeningResult) => void
}

/**
 * Reads every application in the files (streaming) and screens each valid one; invalid rows come out with their
 * issues, in input order. The one loop the `screen`, `eval` and `demo` commands share.
 */
export async function* screenFiles(paths: readonly string[], options: ScreenFilesOptions): AsyncGenerator<ScreenedRow> {
  await assertReadable(paths)
  const reference = options.reference ?? packagedReferenceData()
  const rows = readApplications(paths, {
    ...(options.format ? { format: options.format } : {}),
    ...(options.stdin ? { stdin: options.stdin } : {}),
    ...(options.onProgress ? { onProgress: options.onProgress } : {}),
    receivedAt: new Date().toISOString(),
  })
  for await (const row of rows) {
    if (row.status === 'invalid') {
      yield row
      continue
    }
    const result = screenApplication(row.record, {
      policy: options.policy,
      reference,
      ...(options.identityIndex ? { identityIndex: options.identityIndex } : {}),
      ...(options.detectors ? { detectors: options.detectors } : {}),
    })
    options.onScreened?.(row.record, result)
    yield { status: 'screened', file: row.file, line: row.line, result }
  }
}

/** A missing or unreadable input is the caller's mistake: say which file, before anything is written. */
async function assertReadable(paths: readonly string[]): Promise<void> {
  if (paths.length === 0) throw new UsageError('no input file given (use - for stdin)')
  for (const path of paths) {
    if (path === '-') continue
    try {
      await access(path, constants.R_OK)
      if ((await stat(path)).isDirectory()) throw new UsageError(`${path} is a directory, not a file`)
    } catch (error) {
      if (error instanceof UsageError) throw error
      const code = (error as NodeJS.ErrnoException).code
      throw new UsageError(code === 'ENOENT' ? `no such file: ${path}` : `cannot read ${path} (${code ?? 'error'})`)
    }
  }
}
