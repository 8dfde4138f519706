import { once } from 'node:events'

/** Collects output into large chunks and respects back-pressure: writing one small string per row is slow. */
export class BufferedWriter {
  private chunks: string[] = []
  private size = 0

  constructor(
    private readonly stream: NodeJS.WritableStream,
    private readonly highWaterMark = 256 * 1024,
  ) {}

  async write(text: string): Promise<void> {
    this.chunks.push(text)
    this.size += text.length
    if (this.size >= this.highWaterMark) await this.flush()
  }

  async flush(): Promise<void> {
    if (this.chunks.length === 0) return
    const text = this.chunks.join('')
    this.chunks = []
    this.size = 0
    if (!this.stream.write(text)) await once(this.stream, 'drain')
  }
}
