import { describe, expect, it } from 'vitest'
import { LshIndex } from './lsh-index.js'
import {
  compactSignature,
  estimateSimilarity,
  minHash,
  minHashSize,
  sharedPassages,
  shingleSet,
  splitWords,
} from './min-hash.js'

/** A deterministic generator of words, so the texts are the same on every run. */
function generator(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0
    return state / 4294967296
  }
}

function randomWords(count: number, random: () => number): string[] {
  return Array.from({ length: count }, () => `w${Math.floor(random() * 5000)}`)
}

/** Replaces `fraction` of the words at random positions. */
function mutate(words: readonly string[], fraction: number, random: () => number): string[] {
  return words.map((word) => (random() < fraction ? `x${Math.floor(random() * 100000)}` : word))
}

function exactJaccard(a: string, b: string): number {
  const first = shingleSet(splitWords(a))
  const second = shingleSet(splitWords(b))
  let shared = 0
  for (const hash of first) if (second.has(hash)) shared++
  return shared / (first.size + second.size - shared)
}

function estimate(a: string, b: string): number {
  const stored = new Uint16Array(minHashSize)
  compactSignature(minHash(splitWords(b)).values, stored, 0)
  return estimateSimilarity(minHash(splitWords(a)).values, stored, 0)
}

describe('splitWords', () => {
  it('splits on anything but letters and digits, in lower case', () => {
    const words = splitWords('Led the  Kubernetes-migration (2021), cut costs 30%. Zürich')
    const texts = Array.from({ length: words.count }, (_, index) =>
      words.text.slice(words.starts[index], words.ends[index]),
    )
    expect(texts).toEqual(['led', 'the', 'kubernetes', 'migration', '2021', 'cut', 'costs', '30', 'zürich'])
  })
})

describe('MinHash estimate against exact Jaccard of word trigrams', () => {
  const random = generator(7)
  const cases = [0, 0.02, 0.05, 0.1, 0.2, 0.35, 0.5, 0.8, 1].map((fraction) => {
    const base = randomWords(400, random)
    return { fraction, a: base.join(' '), b: mutate(base, fraction, random).join(' ') }
  })
  it.each(cases)('within 0.1 when $fraction of the words change', ({ a, b }) => {
    const exact = exactJaccard(a, b)
    expect(Math.abs(estimate(a, b) - exact)).toBeLessThanOrEqual(0.1)
  })

  it('spans the whole range in these cases (identical texts are 1, unrelated ones near 0)', () => {
    const first = cases[0]
    const last = cases[cases.length - 1]
    if (!first || !last) throw new Error('no cases')
    expect(estimate(first.a, first.b)).toBe(1)
    expect(estimate(last.a, last.b)).toBeLessThan(0.05)
  })
})

describe('LshIndex', () => {
  it('makes a 0.9-similar pair candidates and leaves 200 unrelated texts out', () => {
    const random = generator(11)
    const lsh = new LshIndex()
    const texts = Array.from({ length: 200 }, () => randomWords(400, random))
    for (const text of texts) lsh.insert(minHash(splitWords(text.join(' '))).values)
    const original = texts[123] ?? []
    // About 1 word in 80 changed: each change breaks three trigrams, so Jaccard is about 0.9.
    const similar = mutate(original, 0.0125, random).join(' ')
    const unrelated = randomWords(400, random).join(' ')
    expect(exactJaccard(original.join(' '), similar)).toBeGreaterThan(0.85)
    const candidates = (values: Uint32Array): Set<number> => {
      const found = new Set<number>()
      lsh.forEachCandidate(values, 32, (document) => found.add(document))
      return found
    }
    expect([...candidates(minHash(splitWords(similar)).values)]).toEqual([123])
    expect(candidates(minHash(splitWords(unrelated)).values).size).toBe(0)
  })
})

describe('sharedPassages', () => {
  it('rebuilds passages both texts contain from the new text alone', () => {
    const random = generator(3)
    const base = randomWords(300, random)
    const copy = [...base.slice(0, 150), ...randomWords(150, random)]
    const stored = new Uint16Array(minHashSize)
    compactSignature(minHash(splitWords(base.join(' '))).values, stored, 0)
    const words = splitWords(copy.join(' '))
    const passages = sharedPassages(words, minHash(words), stored, 0, 3)
    expect(passages.length).toBeGreaterThan(0)
    for (const passage of passages) {
      expect(passage.split(' ').length).toBeGreaterThanOrEqual(3)
      expect(base.join(' ')).toContain(passage)
    }
  })
})
