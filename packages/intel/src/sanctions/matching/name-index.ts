import type { WeightedName } from './align-names.js'
import { consonantSkeleton } from './consonant-skeleton.js'
import { foldedHalves } from './romanisation-variants.js'
import { hasGluedArticle, tokenSimilarity } from './token-similarity.js'
import type { NameToken } from './normalise-name.js'

/**
 * The blocking index. Every distinct word form of the listed names (`muhamad`, `jong`, `jongun` for neighbours written
 * as one, `#mhmd` for a word from Arabic script) is stored once with the names that contain it, and reached by three
 * kinds of keys: the form itself; its consonants (a name from Arabic script, other vowels); the form with one letter
 * deleted, so that one typing slip on either side still meets (a symmetric-deletion index). A query reads the names of
 * the forms its own keys reach, never the whole list, and keeps the best few by how much of both names they share.
 */
export class NameIndex {
  private readonly formIds = new Map<string, number>()
  private readonly writtenFormIds = new Map<string, number>()
  private readonly formNames: Int32Array[] = []
  private readonly bySkeleton = new Map<string, number[]>()
  private readonly byDeletion = new Map<string, number[]>()
  private readonly wordFrequency = new Map<string, number>()
  private readonly nameWeights: Float64Array
  private readonly nameCount: number
  private readonly referenceIdf: number
  // Scratch space reused by every query (matching is synchronous, so one query runs at a time).
  private readonly accumulated: Float64Array
  private readonly tokenBest: Float64Array
  private readonly tokenStamp: Int32Array
  private readonly reached: number[] = []
  private readonly formStamps: Int32Array
  private readonly formStrengths: Float64Array
  private formStamp = 0
  private readonly touched: number[] = []
  private readonly tokenTouched: number[] = []
  private stamp = 0

  /** Builds the index over names given as token lists; name ids are their positions in `names`. */
  constructor(names: readonly (readonly NameToken[])[]) {
    this.nameCount = names.length
    const formNames: number[][] = []
    // Neighbours written as one are reached by their exact spelling only.
    const joinedForms = new Set<number>()
    // Spellings as written (`hussein`) of folded forms (`husain`): a slip is one letter from what was written.
    const writtenForms = new Map<string, string>()
    const addForm = (form: string, nameId: number): number => {
      let formId = this.formIds.get(form)
      if (formId === undefined) {
        formId = formNames.length
        this.formIds.set(form, formId)
        formNames.push([])
      }
      const list = formNames[formId] as number[]
      if (list[list.length - 1] !== nameId) list.push(nameId)
      return formId
    }
    names.forEach((tokens, nameId) => {
      for (let i = 0; i < tokens.length; i += 1) {
        const token = tokens[i] as NameToken
        if (token.kind !== 'word') continue
        const form = formOf(token)
        this.wordFrequency.set(form, (this.wordFrequency.get(form) ?? 0) + 1)
        const skeletonKey = `#${token.skeleton}`
        if (!token.isAbjad) this.wordFrequency.set(skeletonKey, (this.wordFrequency.get(skeletonKey) ?? 0) + 1)
        addForm(form, nameId)
        if (!token.isAbjad && token.text !== token.folded) writtenForms.set(token.text, form)
        // `Alfagih` is also reached by `Fagih` (`Al-Fagih`).
        if (!token.isAbjad && hasGluedArticle(token.folded)) joinedForms.add(addForm(token.folded.slice(2), nameId))
        const next = tokens[i + 1]
        if (next !== undefined && next.kind === 'word' && !token.isAbjad && !next.isAbjad) {
          joinedForms.add(addForm(token.folded + next.folded, nameId))
        }
      }
    })
    for (const [form, formId] of this.formIds) {
      this.formNames.push(Int32Array.from(formNames[formId] as number[]))
      if (joinedForms.has(formId) && !this.wordFrequency.has(form)) continue
      const isAbjad = form.startsWith('#')
      const word = isAbjad ? form.slice(1) : form
      const skeleton = isAbjad ? word : consonantSkeleton(word)
      if (skeleton.length >= 2) push(this.bySkeleton, skeleton, formId)
      if (!isAbjad && word.length >= deletionLength) {
        for (const deleted of deletions(word)) push(this.byDeletion, deleted, formId)
      }
    }
    for (const [written, form] of writtenForms) {
      const formId = this.formIds.get(form) as number
      if (!this.formIds.has(written)) this.writtenFormIds.set(written, formId)
      if (written.length >= deletionLength)
        for (const deleted of deletions(written)) push(this.byDeletion, deleted, formId)
    }
    this.referenceIdf = Math.log(1 + referenceRarity)
    this.nameWeights = new Float64Array(this.nameCount)
    names.forEach((tokens, nameId) => {
      this.nameWeights[nameId] = this.weigh(tokens).totalWeight
    })
    this.formStamps = new Int32Array(this.formNames.length)
    this.formStrengths = new Float64Array(this.formNames.length)
    this.accumulated = new Float64Array(this.nameCount)
    this.tokenBest = new Float64Array(this.nameCount)
    this.tokenStamp = new Int32Array(this.nameCount)
  }

  /** Number of distinct word forms and keys, for statistics. */
  get keyCount(): number {
    return this.formIds.size + this.bySkeleton.size + this.byDeletion.size
  }

  /**
   * The weight of each token: words by rarity among the listed names (Muhammad and Kim weigh less than Prigozhin),
   * initials, particles and legal forms little.
   */
  weigh(tokens: readonly NameToken[]): WeightedName {
    const weights = tokens.map((token) => this.weightOf(token))
    return { tokens, weights, totalWeight: weights.reduce((sum, weight) => sum + weight, 0) }
  }

  /**
   * Ids of the listed names most likely to match the query, best first, at most `limit`, among those `isWanted`
   * that score at least `minimumScore` (in [0, 1]).
   * A name scores an estimate of the name match the scorer would find: the weight of the query words it shares a
   * key with (times how close the key says the spellings are), as a share of each name's weight, averaged.
   */
  candidates(
    query: WeightedName,
    limit: number,
    minimumScore: number,
    isWanted: (nameId: number) => boolean,
  ): readonly number[] {
    const touched = this.touched
    const tokenTouched = this.tokenTouched
    touched.length = 0
    const { tokens, weights } = query
    for (let i = 0; i < tokens.length; i += 1) {
      const token = tokens[i] as NameToken
      if (token.kind !== 'word') continue
      this.collectForms(token, tokens[i + 1])
      this.stamp += 1
      const stamp = this.stamp
      tokenTouched.length = 0
      for (const formId of this.reached) {
        const strength = this.formStrengths[formId] ?? 0
        const list = this.formNames[formId] as Int32Array
        for (let k = 0; k < list.length; k += 1) {
          const nameId = list[k] as number
          if (this.tokenStamp[nameId] !== stamp) {
            this.tokenStamp[nameId] = stamp
            this.tokenBest[nameId] = strength
            tokenTouched.push(nameId)
          } else if (strength > (this.tokenBest[nameId] ?? 0)) {
            this.tokenBest[nameId] = strength
          }
        }
      }
      const weight = weights[i] ?? 0
      for (let k = 0; k < tokenTouched.length; k += 1) {
        const nameId = tokenTouched[k] as number
        if (this.accumulated[nameId] === 0) touched.push(nameId)
        this.accumulated[nameId] = (this.accumulated[nameId] ?? 0) + weight * (this.tokenBest[nameId] ?? 0)
      }
    }
    for (let k = 0; k < touched.length; k += 1) {
      const nameId = touched[k] as number
      const shared = this.accumulated[nameId] ?? 0
      const listedWeight = this.nameWeights[nameId] ?? 1
      const queryShare = Math.min(1, shared / query.totalWeight)
      const listedShare = Math.min(1, shared / listedWeight)
      this.accumulated[nameId] =
        lesserShareWeight * Math.min(queryShare, listedShare) +
        (1 - lesserShareWeight) * Math.max(queryShare, listedShare)
    }
    const best = selectBest(touched, this.accumulated, limit, minimumScore, isWanted)
    for (const nameId of touched) this.accumulated[nameId] = 0
    return best
  }

  /** The word forms one query token reaches, each with the strength of its best key, into `reached`. */
  private collectForms(token: NameToken, next: NameToken | undefined): void {
    this.reached.length = 0
    this.formStamp += 1
    if (token.isAbjad) {
      this.reach(this.formIds.get(`#${token.skeleton}`), 1)
      this.reachAll(this.bySkeleton.get(token.skeleton), abjadStrength)
      return
    }
    const exact = this.formIds.get(token.folded)
    this.reach(exact, 1)
    if (hasGluedArticle(token.folded)) {
      this.reach(this.formIds.get(token.folded.slice(2)), tokenSimilarity.gluedArticle)
    }
    // Two name parts written as one (`Gwangyon` for `Kwang Yon`): the listed pair, found by cutting the word.
    if (exact === undefined && token.text.length >= joinedLength) {
      for (const [first, second] of foldedHalves(token.text))
        this.reach(this.formIds.get(first + second), joinedStrength)
    }
    if (next !== undefined && next.kind === 'word' && !next.isAbjad) {
      this.reach(this.formIds.get(token.folded + next.folded), 1)
    }
    // A spelling the lists use often needs no fuzzy keys: its variants are already folded into it, and the other
    // words of the name find the rest.
    if (exact !== undefined && (this.formNames[exact]?.length ?? 0) >= fuzzyFrequency) return
    if (token.skeleton.length >= 3) this.reachAll(this.bySkeleton.get(token.skeleton), skeletonStrength)
    this.reachSlips(token.folded)
    if (token.text !== token.folded) {
      this.reach(this.writtenFormIds.get(token.text) ?? this.formIds.get(token.text), 1)
      this.reachSlips(token.text)
    }
  }

  /** Forms one typing slip away from a spelling: deletions on either side meet. */
  private reachSlips(spelling: string): void {
    this.reachAll(this.byDeletion.get(spelling), deletionStrength)
    if (spelling.length < deletionLength) return
    for (const deleted of deletions(spelling)) {
      this.reach(this.formIds.get(deleted) ?? this.writtenFormIds.get(deleted), deletionStrength)
      this.reachAll(this.byDeletion.get(deleted), deletionStrength)
    }
  }

  private reach(formId: number | undefined, strength: number): void {
    if (formId === undefined) return
    if (this.formStamps[formId] !== this.formStamp) {
      this.formStamps[formId] = this.formStamp
      this.formStrengths[formId] = strength
      this.reached.push(formId)
    } else if (strength > (this.formStrengths[formId] ?? 0)) {
      this.formStrengths[formId] = strength
    }
  }

  private reachAll(formIds: readonly number[] | undefined, strength: number): void {
    if (formIds !== undefined) for (const formId of formIds) this.reach(formId, strength)
  }

  private weightOf(token: NameToken): number {
    switch (token.kind) {
      case 'word': {
        // A word from Arabic script weighs as common as the Latin words with its consonants (mhmd: Muhammad).
        const frequency = this.wordFrequency.get(formOf(token)) ?? 0
        const idf = Math.log(1 + this.nameCount / Math.max(1, frequency))
        return Math.max(minimumWordWeight, Math.min(1, idf / this.referenceIdf))
      }
      case 'initial':
        return initialWeight
      case 'particle':
        return particleWeight
      case 'legal-form':
        return legalFormWeight
    }
  }
}

/** A word in one name in this many (and rarer) weighs full; commoner words weigh less, down to the minimum. */
const referenceRarity = 1_000
const minimumWordWeight = 0.3
const initialWeight = 0.3
const particleWeight = 0.1
const legalFormWeight = 0.15
/** Deleting a letter only from words this long: shorter ones would meet too many others. */
const deletionLength = 5
/** Words in this many names or more are looked up by their spelling only. */
const fuzzyFrequency = 20
// A key's strength is the similarity the scorer gives the spellings it usually joins.
const abjadStrength = 0.92
const skeletonStrength = 0.85
const deletionStrength = 0.9
const joinedStrength = 0.95
/** As the scorer combines the two names' coverage (see score-match.ts). */
const lesserShareWeight = 0.65
/** Words this long may be two name parts written together. */
const joinedLength = 4

function formOf(token: NameToken): string {
  return token.isAbjad ? `#${token.skeleton}` : token.folded
}

function push(map: Map<string, number[]>, key: string, value: number): void {
  const list = map.get(key)
  if (list === undefined) map.set(key, [value])
  else list.push(value)
}

function deletions(word: string): Set<string> {
  const variants = new Set<string>()
  for (let i = 0; i < word.length; i += 1) variants.add(word.slice(0, i) + word.slice(i + 1))
  return variants
}

/** The `limit` touched names with the highest score, best first (a bounded min-heap). */
function selectBest(
  touched: readonly number[],
  scores: Float64Array,
  limit: number,
  minimumScore: number,
  isWanted: (nameId: number) => boolean,
): number[] {
  const heap: number[] = []
  const scoreOf = (nameId: number): number => scores[nameId] ?? 0
  for (const nameId of touched) {
    const score = scoreOf(nameId)
    if (score < minimumScore) continue
    if (heap.length === limit && score <= scoreOf(heap[0] as number)) continue
    if (!isWanted(nameId)) continue
    if (heap.length < limit) {
      heap.push(nameId)
      siftUp(heap, heap.length - 1, scoreOf)
    } else {
      heap[0] = nameId
      siftDown(heap, 0, scoreOf)
    }
  }
  return heap.sort((left, right) => scoreOf(right) - scoreOf(left) || left - right)
}

function siftUp(heap: number[], start: number, scoreOf: (nameId: number) => number): void {
  let index = start
  while (index > 0) {
    const parent = (index - 1) >> 1
    if (scoreOf(heap[parent] as number) <= scoreOf(heap[index] as number)) return
    ;[heap[parent], heap[index]] = [heap[index] as number, heap[parent] as number]
    index = parent
  }
}

function siftDown(heap: number[], start: number, scoreOf: (nameId: number) => number): void {
  let index = start
  for (;;) {
    const left = index * 2 + 1
    const right = left + 1
    let smallest = index
    if (left < heap.length && scoreOf(heap[left] as number) < scoreOf(heap[smallest] as number)) smallest = left
    if (right < heap.length && scoreOf(heap[right] as number) < scoreOf(heap[smallest] as number)) smallest = right
    if (smallest === index) return
    ;[heap[smallest], heap[index]] = [heap[index] as number, heap[smallest] as number]
    index = smallest
  }
}
