/** The first bytes of a stream, and the whole stream again (those bytes included) to read on from. */
export type StreamHead = { readonly head: Buffer; readonly chunks: AsyncIterable<Buffer> }

/**
 * Reads chunks until `isEnough(head)` holds or the stream ends, without losing any: the returned `chunks` replays
 * the head and then continues with the rest of the stream.
 */
export async function readStreamHead(
  source: AsyncIterable<Buffer>,
  isEnough: (head: Buffer) => boolean,
): Promise<StreamHead> {
  const iterator = source[Symbol.asyncIterator]()
  const buffered: Buffer[] = []
  let head: Buffer = Buffer.alloc(0)
  while (!isEnough(head)) {
    const next = await iterator.next()
    if (next.done === true) break
    buffered.push(next.value)
    head = buffered.length === 1 ? next.value : Buffer.concat([head, next.value])
  }
  async function* replay(): AsyncGenerator<Buffer> {
    yield* buffered
    for (;;) {
      const next = await iterator.next()
      if (next.done === true) return
      yield next.value
    }
  }
  return { head, chunks: replay() }
}
