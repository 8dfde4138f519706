/** How a {@link GroupCommitQueue} groups items. */
export type GroupCommitOptions = {
  /** The most items one batch takes. */
  readonly maxBatchSize: number
  /** How long the first item of an idle queue waits for others to join its batch, in ms (0: the same event-loop turn). */
  readonly maxWaitMs: number
}

type Waiting<Item, Result> = {
  readonly item: Item
  readonly resolve: (result: Result) => void
  readonly reject: (error: unknown) => void
}

/**
 * Group commit: items pushed while a batch runs wait and go together in the next one, so batches grow with the load
 * and one transaction serves many submissions. One batch runs at a time, in push order. `run` returns one result per
 * item, in order; if it throws, every item of that batch rejects with the error.
 */
export class GroupCommitQueue<Item, Result> {
  private readonly waiting: Waiting<Item, Result>[] = []
  private running: Promise<void> | undefined
  /** Cancels the wait of an idle queue's first item, while one is set. */
  private cancelWait: (() => void) | undefined
  private readonly options: GroupCommitOptions
  private readonly run: (items: readonly Item[]) => Promise<readonly Result[]>

  constructor(options: GroupCommitOptions, run: (items: readonly Item[]) => Promise<readonly Result[]>) {
    if (!(options.maxBatchSize >= 1)) throw new Error('maxBatchSize must be at least 1')
    this.options = options
    this.run = run
  }

  /** Items waiting for a batch, not counting the batch running. */
  get pending(): number {
    return this.waiting.length
  }

  /** Queues the items (kept together and in order) and resolves each with its result. */
  push(items: readonly Item[]): Promise<Result>[] {
    const promises = items.map(
      (item) => new Promise<Result>((resolve, reject) => this.waiting.push({ item, resolve, reject })),
    )
    this.schedule()
    return promises
  }

  /** Resolves when nothing waits and no batch runs. */
  async drain(): Promise<void> {
    while (this.running !== undefined || this.waiting.length > 0) {
      if (this.running === undefined) this.start()
      await this.running
    }
  }

  private schedule(): void {
    if (this.running !== undefined || this.waiting.length === 0) return
    if (this.waiting.length >= this.options.maxBatchSize) return this.start()
    if (this.cancelWait !== undefined) return
    const fire = (): void => {
      this.cancelWait = undefined
      this.start()
    }
    if (this.options.maxWaitMs > 0) {
      const timeout = setTimeout(fire, this.options.maxWaitMs)
      this.cancelWait = () => clearTimeout(timeout)
    } else {
      const immediate = setImmediate(fire)
      this.cancelWait = () => clearImmediate(immediate)
    }
  }

  private start(): void {
    this.cancelWait?.()
    this.cancelWait = undefined
    if (this.running !== undefined || this.waiting.length === 0) return
    const batch = this.waiting.splice(0, this.options.maxBatchSize)
    this.running = this.runBatch(batch).finally(() => {
      this.running = undefined
      // Items that arrived meanwhile have waited a whole batch already: start at once.
      if (this.waiting.length > 0) this.start()
    })
  }

  private async runBatch(batch: readonly Waiting<Item, Result>[]): Promise<void> {
    try {
      const results = await this.run(batch.map((waiting) => waiting.item))
      if (results.length !== batch.length) throw new Error(`a batch of ${batch.length} returned ${results.length}`)
      batch.forEach((waiting, index) => waiting.resolve(results[index] as Result))
    } catch (error) {
      for (const waiting of batch) waiting.reject(error)
    }
  }
}
