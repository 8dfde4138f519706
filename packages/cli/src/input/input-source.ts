import { createReadStream } from 'node:fs'
import { access, constants, stat } from 'node:fs/promises'

/** A file (or `-` for stdin) the reader will read. */
export type InputSource = {
  /** The path as the user gave it; `-` is stdin. */
  readonly path: string
  /** The name rows carry in `file`: the path, or `<stdin>`. */
  readonly name: string
  /** Size in bytes when known up front (regular files). */
  readonly size?: number
}

export const stdinName = '<stdin>'

/**
 * Checks every input before anything is read, so a typo in the third file name fails before the first file's rows are
 * written. Throws an Error naming the file when it does not exist, is a directory or cannot be read.
 */
export async function openInputSources(paths: readonly string[]): Promise<readonly InputSource[]> {
  const sources: InputSource[] = []
  for (const path of paths) {
    if (path === '-') {
      sources.push({ path, name: stdinName })
      continue
    }
    let size: number
    try {
      const info = await stat(path)
      if (info.isDirectory()) throw new Error(`${path} is a directory, not a file`)
      await access(path, constants.R_OK)
      size = info.size
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code
      if (code === undefined && error instanceof Error) throw error
      throw new Error(code === 'ENOENT' ? `no such file: ${path}` : `cannot read ${path} (${code})`, { cause: error })
    }
    sources.push({ path, name: path, size })
  }
  return sources
}

/**
 * The bytes of one input as they arrive, reporting the running count after each chunk. A read failure becomes an
 * Error naming the file.
 */
export async function* readChunks(
  source: InputSource,
  stdin: NodeJS.ReadableStream | undefined,
  onBytes: (bytesRead: number) => void,
): AsyncGenerator<Buffer> {
  const stream =
    source.path === '-' ? (stdin ?? process.stdin) : createReadStream(source.path, { highWaterMark: 256 * 1024 })
  let bytesRead = 0
  try {
    for await (const chunk of stream) {
      const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer)
      bytesRead += bytes.length
      onBytes(bytesRead)
      yield bytes
    }
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error)
    throw new Error(`cannot read ${source.name}: ${reason}`, { cause: error })
  }
}
