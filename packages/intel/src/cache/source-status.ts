import { createHash } from 'node:crypto'
import { readFileSync, statSync } from 'node:fs'
import { createRequire } from 'node:module'
import type { IntelSourceStatus } from '../source/intel-source.js'
import { sourceDisplayName, type SourceKey } from './source-key.js'
import { combinedSha256, type SourceManifest } from './source-manifest.js'

/**
 * A cached source as `intel status` lists it. The checksum is the file's own SHA-256 for a one-file source (compare
 * it with `sha256sum`), else the combined checksum of its files.
 */
export function cachedSourceStatus(key: SourceKey, manifest: SourceManifest): IntelSourceStatus {
  const [only, ...others] = manifest.files
  return {
    kind: key.kind,
    name: sourceDisplayName(key),
    version: manifest.version,
    fetchedAt: manifest.fetchedAt,
    sha256: only && others.length === 0 ? only.sha256 : combinedSha256(manifest.files),
    bytes: manifest.bytes,
    entries: manifest.entries,
    skipped: manifest.skipped,
    origin: manifest.origin,
  }
}

export type PackagedSource = {
  /** The npm package that ships the data (`@ip-location-db/asn`). */
  readonly packageName: string
  /** How signals cite it, when not the package name (`mailchecker disposable domains`). */
  readonly name?: string
  /** The data files inside the package, relative to it (`asn-ipv4-num.csv`). */
  readonly dataFiles: readonly string[]
  readonly entries: number
  /** Resolves package files (default: from this package's node_modules). */
  readonly resolve?: (specifier: string) => string
}

const require = createRequire(import.meta.url)

/**
 * A source that ships inside an npm package, as `intel status` lists it: the package version, the date it was
 * installed (the package.json file's time), and the size and checksum of its data files. Updated by `npm update`.
 */
export function packageSourceStatus(source: PackagedSource): IntelSourceStatus {
  const resolve = source.resolve ?? require.resolve
  const packageJson = resolve(`${source.packageName}/package.json`)
  const version = (JSON.parse(readFileSync(packageJson, 'utf8')) as { version?: unknown }).version
  const files = source.dataFiles.map((file) => {
    const bytes = readFileSync(resolve(`${source.packageName}/${file}`))
    return { name: file, bytes: bytes.byteLength, sha256: createHash('sha256').update(bytes).digest('hex') }
  })
  const [only, ...others] = files
  return {
    kind: 'package',
    name: source.name ?? source.packageName,
    version: typeof version === 'string' ? version : 'unknown',
    fetchedAt: statSync(packageJson).mtime.toISOString(),
    sha256: only && others.length === 0 ? only.sha256 : combinedSha256(files),
    bytes: files.reduce((total, file) => total + file.bytes, 0),
    entries: source.entries,
    origin: 'package',
  }
}
