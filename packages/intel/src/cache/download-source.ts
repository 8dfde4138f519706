import { createHash } from 'node:crypto'
import { unzipSync } from 'fflate'
import type { IntelSourceDefinition, SourceDownload } from '../source/intel-source.js'
import type { IncomingFile } from './intel-cache.js'
import { mirrorUrl } from './mirror-url.js'

export type DownloadOptions = {
  /** Base URL of an internal mirror that serves each official file under its host and path (see mirrorUrl). */
  readonly mirror?: string
  /** Per file, connection and body together. Default 120 s. */
  readonly timeoutMs?: number
  /** Per file as downloaded (the archive, for zips). Default 512 MiB. */
  readonly maxBytes?: number
  /** Replaces the built-in fetch (tests pass none: they serve files on 127.0.0.1). */
  readonly fetch?: typeof fetch
}

export const defaultDownloadTimeoutMs = 120_000
export const defaultMaxDownloadBytes = 512 * 1024 * 1024

export type SourceDownloadResult =
  | {
      readonly status: 'ok'
      readonly files: readonly IncomingFile[]
      /** Optional files that could not be fetched, with the reason: the source loads without them. */
      readonly missingOptional: readonly string[]
    }
  | { readonly status: 'failed'; readonly message: string }

/** Fetches every official file of a source; the first required file that fails fails the source. */
export async function downloadSource(
  definition: IntelSourceDefinition,
  options: DownloadOptions = {},
): Promise<SourceDownloadResult> {
  const files: IncomingFile[] = []
  const missingOptional: string[] = []
  for (const download of definition.downloads) {
    const result = await downloadFile(download, options)
    if (result.status === 'ok') files.push(result.file)
    else if (download.isOptional) missingOptional.push(`${download.name}: ${result.message}`)
    else return { status: 'failed', message: `${download.name}: ${result.message}` }
  }
  if (files.length === 0) return { status: 'failed', message: `${definition.kind} has no official download` }
  return { status: 'ok', files, missingOptional }
}

type FileResult =
  { readonly status: 'ok'; readonly file: IncomingFile } | { readonly status: 'failed'; readonly message: string }

async function downloadFile(download: SourceDownload, options: DownloadOptions): Promise<FileResult> {
  const url = options.mirror ? mirrorUrl(download.url, options.mirror) : download.url
  const maxBytes = options.maxBytes ?? defaultMaxDownloadBytes
  let bytes: Uint8Array
  try {
    const response = await (options.fetch ?? fetch)(url, {
      signal: AbortSignal.timeout(options.timeoutMs ?? defaultDownloadTimeoutMs),
      headers: { 'user-agent': 'hirewall-intel-update' },
    })
    if (!response.ok) {
      await response.body?.cancel()
      return { status: 'failed', message: `HTTP ${response.status} ${response.statusText} from ${url}`.trim() }
    }
    const declared = Number(response.headers.get('content-length') ?? Number.NaN)
    if (declared > maxBytes) {
      await response.body?.cancel()
      return { status: 'failed', message: `${url} declares ${declared} bytes, over the ${maxBytes}-byte limit` }
    }
    const body = await readLimited(response, maxBytes)
    if (body === undefined) return { status: 'failed', message: `${url} sent a body over the ${maxBytes}-byte limit` }
    bytes = body
  } catch (error) {
    return { status: 'failed', message: `${describeFetchError(error)} (${url})` }
  }
  const origin = { url: download.url, ...(url !== download.url ? { fetchedFrom: url } : {}) }
  if (bytes.byteLength === 0) return { status: 'failed', message: `${url} sent an empty body` }
  if (download.zipMember !== undefined) return unzipMember(download, bytes, url, origin)
  if (looksLikeHtml(bytes) && !/\.html?$/i.test(download.name))
    return { status: 'failed', message: `${url} sent an HTML page, not ${download.name} (an error or login page?)` }
  return { status: 'ok', file: { name: download.name, bytes, ...origin } }
}

function unzipMember(
  download: SourceDownload,
  archive: Uint8Array,
  url: string,
  origin: { readonly url: string; readonly fetchedFrom?: string },
): FileResult {
  const member = download.zipMember ?? ''
  if (!(archive[0] === 0x50 && archive[1] === 0x4b))
    return { status: 'failed', message: `${url} is not a zip archive (expected one holding ${member})` }
  const wanted = (path: string): boolean => (path.split('/').pop() ?? path).toLowerCase() === member.toLowerCase()
  let entries: Record<string, Uint8Array>
  try {
    entries = unzipSync(archive, { filter: (file) => wanted(file.name) })
  } catch (error) {
    return { status: 'failed', message: `${url} is a damaged zip archive (${describeFetchError(error)})` }
  }
  const found = Object.values(entries)[0]
  if (!found) return { status: 'failed', message: `${url} holds no ${member}` }
  const archiveSha256 = createHash('sha256').update(archive).digest('hex')
  return { status: 'ok', file: { name: download.name, bytes: found, ...origin, zipMember: member, archiveSha256 } }
}

async function readLimited(response: Response, maxBytes: number): Promise<Uint8Array | undefined> {
  if (!response.body) return new Uint8Array()
  const reader: ReadableStreamDefaultReader<Uint8Array> = response.body.getReader()
  const chunks: Uint8Array[] = []
  let total = 0
  for (;;) {
    const { done, value } = await reader.read()
    if (done) break
    total += value.byteLength
    if (total > maxBytes) {
      await reader.cancel()
      return undefined
    }
    chunks.push(value)
  }
  return Buffer.concat(chunks, total)
}

function looksLikeHtml(bytes: Uint8Array): boolean {
  const head = Buffer.from(bytes.subarray(0, 512)).toString('utf8').trimStart().toLowerCase()
  return head.startsWith('<!doctype html') || head.startsWith('<html')
}

function describeFetchError(error: unknown): string {
  if (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError')) return 'timed out'
  const cause = error instanceof Error ? (error.cause as NodeJS.ErrnoException | undefined) : undefined
  if (cause?.code) return `${cause.code}${cause.message ? `: ${cause.message}` : ''}`
  return error instanceof Error ? error.message : String(error)
}
