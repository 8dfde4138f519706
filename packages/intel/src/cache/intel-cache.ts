import { createHash, randomBytes } from 'node:crypto'
import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { intelKinds, type IntelFile, type IntelFileIssue, type IntelSourceDefinition } from '../source/intel-source.js'
import { decodeSourceText } from './decode-source-text.js'
import { sourceFolderSegments, type SourceKey } from './source-key.js'
import {
  combinedSha256,
  isPlainFileName,
  readSourceManifest,
  type ManifestFile,
  type SourceManifest,
  type SourceOrigin,
} from './source-manifest.js'
import { verifySourceFiles } from './verify-source-files.js'

/** A file about to be stored: its bytes exactly as downloaded (or the zip member) or imported, and where it came from. */
export type IncomingFile = Omit<ManifestFile, 'sha256' | 'bytes'> & { readonly bytes: Uint8Array }

export type IncomingVersion = {
  readonly key: SourceKey
  readonly origin: SourceOrigin
  readonly fetchedAt: Date
  readonly files: readonly IncomingFile[]
  /** Accept an official list below half of the current one's entries (a deliberate subset import). */
  readonly allowShrink?: boolean
}

export type StoreOutcome =
  /** Parsed, stored and now in use; `previous` is kept beside it. */
  | { readonly status: 'stored'; readonly manifest: SourceManifest; readonly previous?: SourceManifest }
  /** Byte-identical to the version in use: nothing written. */
  | { readonly status: 'unchanged'; readonly manifest: SourceManifest }
  /** Not stored: the version in use (if any) stays. */
  | {
      readonly status: 'refused'
      readonly reason: 'invalid' | 'empty' | 'collapsed'
      readonly message: string
      readonly issues: readonly IntelFileIssue[]
      readonly current?: SourceManifest
    }

export type CurrentVersion =
  | { readonly status: 'ok'; readonly manifest: SourceManifest; readonly files: readonly IntelFile[] }
  | { readonly status: 'missing' }
  /** The pointer, manifest or a file is unreadable or fails its checksum. */
  | { readonly status: 'damaged'; readonly message: string }

/** A source held in the cache and its version in use. */
export type CachedSource = { readonly key: SourceKey; readonly manifest: SourceManifest }

const currentFile = 'current'
const versionsFolder = 'versions'
const manifestFile = 'manifest.json'
const filesFolder = 'files'
/** Versions kept per source: the one in use and the one before it. */
const keptVersions = 2

/**
 * The on-disk intel cache. Per source: `versions/<id>/` (the files exactly as received, under `files/`, and
 * `manifest.json`) and a `current` pointer naming the version in use. A new version is written in full under a
 * temporary name and renamed into place; the pointer is replaced by rename too, so a reader sees the old version or
 * the new one, never half of either. Only files that parse with entries become current.
 */
export class IntelCache {
  constructor(readonly directory: string) {}

  /** Every source with a readable version in use, official kinds first in catalogue order, named lists by name. */
  async list(): Promise<readonly CachedSource[]> {
    const found: CachedSource[] = []
    for (const kind of intelKinds) {
      const kindFolder = join(this.directory, kind)
      if (!(await isDirectory(kindFolder))) continue
      if (await exists(join(kindFolder, currentFile))) {
        const manifest = await this.currentManifest({ kind })
        if (manifest) found.push({ key: { kind }, manifest })
        continue
      }
      for (const name of (await readdir(kindFolder)).sort()) {
        if (name.startsWith('.')) continue
        const manifest = await this.currentManifest({ kind, name })
        if (manifest) found.push({ key: { kind, name }, manifest })
      }
    }
    return found
  }

  /** The manifest of the version in use, or undefined when there is none or it cannot be read. */
  async currentManifest(key: SourceKey): Promise<SourceManifest | undefined> {
    const versionId = await this.currentVersionId(key)
    if (!versionId) return undefined
    const reading = await this.readManifest(key, versionId)
    return reading.status === 'ok' ? reading.manifest : undefined
  }

  /** The files of the version in use, checked against their recorded SHA-256 and decoded to text. */
  async readCurrent(key: SourceKey): Promise<CurrentVersion> {
    const versionId = await this.currentVersionId(key)
    if (!versionId) return { status: 'missing' }
    const reading = await this.readManifest(key, versionId)
    if (reading.status === 'invalid') return { status: 'damaged', message: reading.message }
    const files: IntelFile[] = []
    for (const file of reading.manifest.files) {
      const path = join(this.versionFolder(key, versionId), filesFolder, file.name)
      let bytes: Buffer
      try {
        bytes = await readFile(path)
      } catch (error) {
        return { status: 'damaged', message: `cannot read ${path} (${errorCode(error)})` }
      }
      if (sha256(bytes) !== file.sha256)
        return { status: 'damaged', message: `${path} does not match the SHA-256 recorded when it was stored` }
      files.push({ name: file.name, text: decodeSourceText(bytes) })
    }
    return { status: 'ok', manifest: reading.manifest, files }
  }

  /**
   * Verifies the files by parsing them with the source's definition and, when they pass, stores them as the new
   * version in use, keeping the previous one and pruning older ones. Refused files leave the cache as it was.
   */
  async store(definition: IntelSourceDefinition, incoming: IncomingVersion): Promise<StoreOutcome> {
    const key = incoming.key
    const names = incoming.files.map((file) => file.name)
    if (names.some((name) => !isPlainFileName(name)) || new Set(names).size !== names.length)
      throw new Error(`IntelCache.store: file names must be distinct bare names, got ${names.join(', ')}`)
    const current = await this.currentManifest(key)
    const files: ManifestFile[] = incoming.files.map(({ bytes, ...file }) => ({
      ...file,
      sha256: sha256(bytes),
      bytes: bytes.byteLength,
    }))
    if (current && combinedSha256(current.files) === combinedSha256(files))
      return { status: 'unchanged', manifest: current }
    const verification = verifySourceFiles(
      definition,
      incoming.files.map((file) => ({ name: file.name, text: decodeSourceText(file.bytes) })),
      {
        ...(current ? { previousEntries: current.entries } : {}),
        ...(incoming.allowShrink ? { allowShrink: true } : {}),
      },
    )
    if (verification.status === 'refused') return { ...verification, ...(current ? { current } : {}) }
    const { parsed } = verification
    const fetchedAt = incoming.fetchedAt.toISOString()
    const manifest: SourceManifest = {
      manifestVersion: 1,
      kind: key.kind,
      ...(key.name !== undefined ? { name: key.name } : {}),
      version: parsed.version ?? fetchedAt.slice(0, 10),
      fetchedAt,
      origin: incoming.origin,
      files,
      bytes: files.reduce((total, file) => total + file.bytes, 0),
      entries: parsed.entries,
      skipped: parsed.skipped.length,
      skippedExamples: parsed.skipped.slice(0, 5),
    }
    const versionId = `${fetchedAt.replace(/[:.]/g, '-')}-${combinedSha256(files).slice(0, 8)}`
    await this.writeVersion(key, versionId, manifest, incoming.files)
    const previousId = await this.currentVersionId(key)
    await this.pointCurrentAt(key, versionId)
    await this.prune(key, [versionId, ...(previousId && previousId !== versionId ? [previousId] : [])])
    return { status: 'stored', manifest, ...(current ? { previous: current } : {}) }
  }

  /** Deletes a source and all its versions; false when it was not cached. */
  async remove(key: SourceKey): Promise<boolean> {
    const folder = this.sourceFolder(key)
    if (!(await isDirectory(folder))) return false
    await rm(folder, { recursive: true, force: true })
    return true
  }

  /** Folder names of the stored versions, oldest first (ids start with the fetch time). */
  async versionIds(key: SourceKey): Promise<readonly string[]> {
    const folder = join(this.sourceFolder(key), versionsFolder)
    if (!(await isDirectory(folder))) return []
    return (await readdir(folder)).filter((name) => !name.startsWith('.')).sort()
  }

  private sourceFolder(key: SourceKey): string {
    return join(this.directory, ...sourceFolderSegments(key))
  }

  private versionFolder(key: SourceKey, versionId: string): string {
    return join(this.sourceFolder(key), versionsFolder, versionId)
  }

  private async currentVersionId(key: SourceKey): Promise<string | undefined> {
    try {
      const id = (await readFile(join(this.sourceFolder(key), currentFile), 'utf8')).trim()
      return id !== '' && !id.includes('/') && !id.includes('\\') && !id.startsWith('.') ? id : undefined
    } catch {
      return undefined
    }
  }

  private async readManifest(key: SourceKey, versionId: string) {
    const path = join(this.versionFolder(key, versionId), manifestFile)
    try {
      const reading = readSourceManifest(await readFile(path, 'utf8'))
      return reading.status === 'ok' ? reading : { ...reading, message: `${path}: ${reading.message}` }
    } catch (error) {
      return { status: 'invalid' as const, message: `cannot read ${path} (${errorCode(error)})` }
    }
  }

  private async writeVersion(
    key: SourceKey,
    versionId: string,
    manifest: SourceManifest,
    files: readonly IncomingFile[],
  ): Promise<void> {
    const target = this.versionFolder(key, versionId)
    if (await isDirectory(target)) return
    const staging = join(this.sourceFolder(key), versionsFolder, `.staging-${randomSuffix()}`)
    await mkdir(join(staging, filesFolder), { recursive: true })
    try {
      for (const file of files) await writeFile(join(staging, filesFolder, file.name), file.bytes)
      await writeFile(join(staging, manifestFile), `${JSON.stringify(manifest, null, 2)}\n`)
      await rename(staging, target)
    } catch (error) {
      await rm(staging, { recursive: true, force: true })
      throw error
    }
  }

  private async pointCurrentAt(key: SourceKey, versionId: string): Promise<void> {
    const folder = this.sourceFolder(key)
    const temporary = join(folder, `.current-${randomSuffix()}`)
    await writeFile(temporary, `${versionId}\n`)
    await rename(temporary, join(folder, currentFile))
  }

  private async prune(key: SourceKey, keep: readonly string[]): Promise<void> {
    const ids = await this.versionIds(key)
    const others = ids.filter((id) => !keep.includes(id))
    const room = Math.max(0, keptVersions - keep.length)
    for (const id of others.slice(0, others.length - room))
      await rm(this.versionFolder(key, id), { recursive: true, force: true })
  }
}

function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex')
}

function randomSuffix(): string {
  return `${process.pid}-${randomBytes(4).toString('hex')}`
}

function errorCode(error: unknown): string {
  return (error as NodeJS.ErrnoException).code ?? (error instanceof Error ? error.message : String(error))
}

async function exists(path: string): Promise<boolean> {
  try {
    await stat(path)
    return true
  } catch {
    return false
  }
}

async function isDirectory(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isDirectory()
  } catch {
    return false
  }
}
