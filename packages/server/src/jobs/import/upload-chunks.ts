import type { Store } from '@hirewall/store'

/** The bytes of a stored upload, read from the database a piece at a time so a large file is never all in memory. */
export async function* uploadChunks(
  store: Pick<Store, 'importUploads'>,
  importId: string,
  chunkBytes = 1024 * 1024,
): AsyncGenerator<Buffer> {
  for (let offset = 0; ; offset += chunkBytes) {
    const chunk = await store.importUploads.readContent(importId, offset, chunkBytes)
    if (chunk.length > 0) yield chunk
    if (chunk.length < chunkBytes) return
  }
}
