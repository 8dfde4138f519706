import { readFile } from 'node:fs/promises'
import { basename } from 'node:path'
import type { IntelKind, IntelSourceDefinition } from '../source/intel-source.js'
import { intelSourceDefinitions } from '../source/source-catalogue.js'
import { assignImportFileNames } from './import-file-names.js'
import type { IncomingFile, IntelCache, StoreOutcome } from './intel-cache.js'
import { sourceKeyProblem } from './source-key.js'

export type ImportOptions = {
  readonly kind: IntelKind
  /** The list's name, required for named kinds (watchlists, high-risk lists, network classifications). */
  readonly name?: string
  /** File paths, or `NAME=PATH` to say which expected file a path is (`sdn.csv=./export-2026.csv`). */
  readonly files: readonly string[]
  /** Accept an official list below half of the current one's entries (a deliberate subset). */
  readonly allowShrink?: boolean
  readonly now?: () => Date
  readonly definitions?: readonly IntelSourceDefinition[]
}

/** The store's outcome, or `unusable` when the request itself is wrong (kind, name, files): nothing was read. */
export type ImportResult = StoreOutcome | { readonly status: 'unusable'; readonly message: string }

/**
 * Imports a source from files, for sites that cannot download: the same verification and versioning as
 * `intel update`, with the files' own names recorded as their origin.
 */
export async function importIntel(cache: IntelCache, options: ImportOptions): Promise<ImportResult> {
  const definition = (options.definitions ?? intelSourceDefinitions).find(
    (candidate) => candidate.kind === options.kind,
  )
  if (!definition) return { status: 'unusable', message: `${options.kind} cannot be imported by this version` }
  const keyProblem = sourceKeyProblem(definition, options.name)
  if (keyProblem) return { status: 'unusable', message: keyProblem }
  const names = assignImportFileNames(definition, options.files)
  if (names.status === 'invalid') return { status: 'unusable', message: names.message }
  const files: IncomingFile[] = []
  for (const file of names.files) {
    try {
      files.push({ name: file.name, bytes: await readFile(file.path), originalName: basename(file.path) })
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code
      const message =
        code === 'ENOENT'
          ? `no such file: ${file.path}`
          : code === 'EISDIR'
            ? `${file.path} is a directory, not a file`
            : `cannot read ${file.path} (${code ?? String(error)})`
      return { status: 'unusable', message }
    }
  }
  return cache.store(definition, {
    key: { kind: options.kind, ...(options.name !== undefined ? { name: options.name } : {}) },
    origin: 'import',
    fetchedAt: (options.now ?? (() => new Date()))(),
    files,
    ...(options.allowShrink ? { allowShrink: true } : {}),
  })
}
