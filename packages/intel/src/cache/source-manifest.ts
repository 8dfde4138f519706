import { createHash } from 'node:crypto'
import type { IntelFileIssue, IntelKind } from '../source/intel-source.js'
import { isIntelKind } from './source-key.js'

export const sourceOrigins = ['download', 'import'] as const
export type SourceOrigin = (typeof sourceOrigins)[number]

/** One stored file of a cached version, exactly as downloaded (or as the zip member) or imported. */
export type ManifestFile = {
  /** The name the parser reads it by (`sdn.csv`). */
  readonly name: string
  readonly sha256: string
  readonly bytes: number
  /** Where it was downloaded from (the official URL, not a mirror's). */
  readonly url?: string
  /** The URL actually fetched, when a mirror served it. */
  readonly fetchedFrom?: string
  /** For a zip download: the member stored, and the checksum of the archive as downloaded. */
  readonly zipMember?: string
  readonly archiveSha256?: string
  /** For an import: the file's name as the user gave it. */
  readonly originalName?: string
}

/** What the cache knows about one stored version of a source: written once, beside the files, never edited. */
export type SourceManifest = {
  readonly manifestVersion: 1
  readonly kind: IntelKind
  /** The user's list name for named kinds. */
  readonly name?: string
  /** The parser's version (the date the list states) when it gives one, else the fetch date (`YYYY-MM-DD`). */
  readonly version: string
  readonly fetchedAt: string
  readonly origin: SourceOrigin
  readonly files: readonly ManifestFile[]
  readonly bytes: number
  readonly entries: number
  readonly skipped: number
  /** The first few skipped rows with their reasons, so `intel status` can show what was dropped. */
  readonly skippedExamples: readonly IntelFileIssue[]
}

/** One checksum for a multi-file source: SHA-256 over each file's name and SHA-256, in file-name order. */
export function combinedSha256(files: readonly Pick<ManifestFile, 'name' | 'sha256'>[]): string {
  const lines = [...files]
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    .map((file) => `${file.sha256}  ${file.name}\n`)
  return createHash('sha256').update(lines.join('')).digest('hex')
}

export type ManifestReading =
  | { readonly status: 'ok'; readonly manifest: SourceManifest }
  | { readonly status: 'invalid'; readonly message: string }

/** Validates a manifest read from disk: a hand-edited or truncated one is reported, never trusted. */
export function readSourceManifest(text: string): ManifestReading {
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch (error) {
    return { status: 'invalid', message: `not JSON (${error instanceof Error ? error.message : String(error)})` }
  }
  if (!isRecord(value)) return { status: 'invalid', message: 'not a JSON object' }
  if (value.manifestVersion !== 1) return { status: 'invalid', message: 'manifestVersion must be 1' }
  if (typeof value.kind !== 'string' || !isIntelKind(value.kind))
    return { status: 'invalid', message: `unknown kind ${JSON.stringify(value.kind)}` }
  for (const field of ['version', 'fetchedAt'] as const)
    if (typeof value[field] !== 'string') return { status: 'invalid', message: `${field} must be a string` }
  if (value.origin !== 'download' && value.origin !== 'import')
    return { status: 'invalid', message: 'origin must be download or import' }
  for (const field of ['bytes', 'entries', 'skipped'] as const)
    if (!isCount(value[field])) return { status: 'invalid', message: `${field} must be a non-negative integer` }
  if (!Array.isArray(value.files) || value.files.length === 0)
    return { status: 'invalid', message: 'files must be a non-empty array' }
  for (const [index, file] of value.files.entries()) {
    const ok =
      isRecord(file) &&
      typeof file.name === 'string' &&
      isPlainFileName(file.name) &&
      typeof file.sha256 === 'string' &&
      /^[0-9a-f]{64}$/.test(file.sha256) &&
      isCount(file.bytes)
    if (!ok) return { status: 'invalid', message: `files[${index}] needs a name, a sha256 and a byte count` }
  }
  if (value.name !== undefined && typeof value.name !== 'string')
    return { status: 'invalid', message: 'name must be a string' }
  const examples = Array.isArray(value.skippedExamples) ? value.skippedExamples : []
  return { status: 'ok', manifest: { ...(value as SourceManifest), skippedExamples: examples as IntelFileIssue[] } }
}

/** A bare file name: no folder part, so a manifest can never point outside its version folder. */
export function isPlainFileName(name: string): boolean {
  return name !== '' && name !== '.' && name !== '..' && !/[\\/\0]/.test(name)
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function isCount(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0
}
