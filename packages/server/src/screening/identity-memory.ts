import { InMemoryIdentityIndex, type IdentityIndexOptions } from '@hirewall/core'
import type { LinkingRepository } from '@hirewall/store'

/** Applications read per page when the index replays the stored pool. */
const replayPageSize = 1000

/**
 * The identity graph's working memory in one server process: core's in-memory index over every stored application,
 * replayed in link order. The database is the truth: the index is rebuilt from it on start and after a failed batch
 * (an index cannot forget a link), and caught up with other processes' links under the linking lock.
 */
export class IdentityMemory {
  private readonly options: IdentityIndexOptions
  private index_: InMemoryIdentityIndex
  private lastSeq_ = 0
  private isStale_ = true
  /** When the last catch-up ran and whether it found other processes' links. */
  private lastCatchUp = { atMs: 0, replayed: 0 }

  constructor(options: IdentityIndexOptions = {}) {
    this.options = options
    this.index_ = new InMemoryIdentityIndex(options)
  }

  /** The index; link only under the linking lock, after `catchUp`. */
  get index(): InMemoryIdentityIndex {
    return this.index_
  }

  /** The highest link sequence the index holds. */
  get lastSeq(): number {
    return this.lastSeq_
  }

  /** True until the first rebuild, and after `invalidate`: the index may hold links the database does not. */
  get isStale(): boolean {
    return this.isStale_
  }

  /** Forget everything: the next batch rebuilds first. Call when a batch's transaction failed after linking. */
  invalidate(): void {
    this.isStale_ = true
  }

  /**
   * A fresh index replaying every linked application in link order, a page at a time. Runs outside the linking lock
   * (other processes keep linking meanwhile); `catchUp` under the lock adds what they linked since.
   */
  async rebuild(linking: LinkingRepository): Promise<void> {
    this.index_ = new InMemoryIdentityIndex(this.options)
    this.lastSeq_ = 0
    this.isStale_ = false
    await this.catchUp(linking)
  }

  /**
   * Links the applications stored after `lastSeq`, in link order (other processes' links, or a rebuild's). The next
   * page is read while this one is linked, so the database and the CPU work at once.
   */
  async catchUp(linking: LinkingRepository): Promise<number> {
    let replayed = 0
    let reading = linking.linkedAfter(this.lastSeq_, replayPageSize)
    for (;;) {
      const page = await reading
      const last = page[page.length - 1]
      const isFull = page.length === replayPageSize && last !== undefined
      if (isFull) reading = linking.linkedAfter(last.linkSeq, replayPageSize)
      for (const linked of page) {
        this.index_.link(linked.record, linked.facts)
        this.lastSeq_ = linked.linkSeq
      }
      replayed += page.length
      if (!isFull) {
        this.lastCatchUp = { atMs: Date.now(), replayed }
        return replayed
      }
    }
  }

  /**
   * True when other processes may have linked many applications since the last catch-up: it found some, or it is
   * more than a second old. Catching up before taking the lock then keeps the lock's own catch-up short.
   */
  mayBeBehind(): boolean {
    return this.lastCatchUp.replayed > 0 || Date.now() - this.lastCatchUp.atMs > 1000
  }

  /** Records that this process linked and committed applications up to `seq`. */
  advanceTo(seq: number): void {
    if (seq > this.lastSeq_) this.lastSeq_ = seq
  }
}
