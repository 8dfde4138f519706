import { describe, expect, it } from 'vitest'
import { findUnstorableText } from './find-unstorable-text.js'
import { GroupCommitQueue } from './group-commit-queue.js'

/** A queue whose batches finish only when the test says so, recording what each batch held. */
function controlledQueue(maxBatchSize: number, maxWaitMs = 0) {
  const batches: number[][] = []
  const finishers: (() => void)[] = []
  const queue = new GroupCommitQueue<number, string>({ maxBatchSize, maxWaitMs }, async (items) => {
    batches.push([...items])
    await new Promise<void>((resolve) => finishers.push(resolve))
    return items.map((item) => `done ${item}`)
  })
  const finishNext = async (): Promise<void> => {
    for (let turn = 0; turn < 5000 && finishers.length === 0; turn++)
      await new Promise((resolve) => setTimeout(resolve, 1))
    finishers.shift()?.()
  }
  return { queue, batches, finishNext }
}

describe('group commit', () => {
  it('puts what arrives in one turn into one batch, and what arrives during a batch into the next', async () => {
    const { queue, batches, finishNext } = controlledQueue(10)
    const first = queue.push([1, 2])
    const second = queue.push([3])
    await finishNext()
    const later = [...queue.push([4]), ...queue.push([5, 6])]
    expect(queue.pending).toBe(3)
    await finishNext()
    expect(await Promise.all([...first, ...second, ...later])).toEqual([1, 2, 3, 4, 5, 6].map((n) => `done ${n}`))
    expect(batches).toEqual([
      [1, 2, 3],
      [4, 5, 6],
    ])
  })

  it('never puts more than the maximum in one batch and keeps the order', async () => {
    const { queue, batches, finishNext } = controlledQueue(2)
    const all = queue.push([1, 2, 3, 4, 5])
    for (let batch = 0; batch < 3; batch++) await finishNext()
    expect(await Promise.all(all)).toHaveLength(5)
    expect(batches).toEqual([[1, 2], [3, 4], [5]])
  })

  it('waits for others to join when asked to, then runs', async () => {
    // The second item comes a few event-loop turns later, far within the wait.
    const { queue, batches, finishNext } = controlledQueue(10, 200)
    const first = queue.push([1])
    setImmediate(() => queue.push([2]))
    await finishNext()
    await first[0]
    expect(batches).toEqual([[1, 2]])
  })

  it('rejects every item of a batch whose run throws, and goes on with the next', async () => {
    let calls = 0
    const queue = new GroupCommitQueue<number, number>({ maxBatchSize: 2, maxWaitMs: 0 }, (items) => {
      calls++
      return calls === 1 ? Promise.reject(new Error('database gone')) : Promise.resolve(items)
    })
    const results = await Promise.allSettled(queue.push([1, 2, 3]))
    expect(results.map((result) => result.status)).toEqual(['rejected', 'rejected', 'fulfilled'])
  })

  it('drains: resolves once nothing waits or runs', async () => {
    const { queue, finishNext } = controlledQueue(1)
    const all = queue.push([1, 2])
    let drained = false
    const draining = queue.drain().then(() => (drained = true))
    await finishNext()
    expect(drained).toBe(false)
    await finishNext()
    await draining
    expect(await Promise.all(all)).toEqual(['done 1', 'done 2'])
  })
})

describe('text PostgreSQL cannot store', () => {
  it.each([
    [{ cv: { basics: { name: 'a\u0000b' } } }, 'cv.basics.name'],
    [{ list: ['ok', 'bad\u0000'] }, 'list[1]'],
    [{ ['key\u0000']: 1 }, 'key\u0000'],
    [{ fine: 'text', n: 1, none: null }, undefined],
  ])('finds %j at %s', (value, path) => {
    expect(findUnstorableText(value)).toBe(path)
  })
})
