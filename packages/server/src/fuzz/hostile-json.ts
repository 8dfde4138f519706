import { hostileString, hostileStrings } from './hostile-strings.js'
import type { SeededRandom } from './seeded-random.js'

export type JsonPath = readonly (string | number)[]

/** A hostile string put at `path` of a body: if the body is accepted, it must come back exactly as sent. */
export type PlantedString = { readonly path: JsonPath; readonly value: string }

/** What a mutation did, for the failure report. */
export type JsonMutation = {
  readonly kind: (typeof jsonMutationKinds)[number]
  readonly path: JsonPath
}

export const jsonMutationKinds = [
  'hostile-string',
  'wrong-type',
  'prototype-key',
  'deep-nesting',
  'oversized',
  'dropped-field',
  'unknown-field',
] as const

const wrongTypeValues: readonly unknown[] = [
  0,
  -1,
  1.5,
  Number.MAX_SAFE_INTEGER + 2,
  1e308,
  true,
  false,
  null,
  [],
  {},
  [null],
  { '': '' },
  '',
  '0',
]

/** A copy of `base` with one to three mutations, and the hostile strings it now holds at their paths. */
export function mutateJson(
  base: unknown,
  random: SeededRandom,
): { value: unknown; planted: PlantedString[]; mutations: JsonMutation[] } {
  let value = structuredClone(base)
  const planted: PlantedString[] = []
  const mutations: JsonMutation[] = []
  // A third of cases change one string and nothing else, so accepted hostile text is common enough to read back.
  if (random.chance(0.35)) {
    const strings = pathsOf(value).filter((path) => typeof valueAt(value, path) === 'string')
    if (strings.length > 0) {
      const path = random.pick(strings)
      value = mutateAt(value, path, 'hostile-string', random, planted)
      return { value, planted, mutations: [{ kind: 'hostile-string', path }] }
    }
  }
  const count = 1 + random.int(3)
  for (let index = 0; index < count; index += 1) {
    const kind = random.pick(jsonMutationKinds)
    const path = random.pick(pathsOf(value))
    const next = mutateAt(value, path, kind, random, planted)
    value = next
    mutations.push({ kind, path })
  }
  // A later mutation can overwrite or drop an earlier planted string: keep only those still in place.
  const kept = planted.filter((plant) => valueAt(value, plant.path) === plant.value)
  return { value, planted: kept, mutations }
}

function mutateAt(
  root: unknown,
  path: JsonPath,
  kind: JsonMutation['kind'],
  random: SeededRandom,
  planted: PlantedString[],
): unknown {
  switch (kind) {
    case 'hostile-string': {
      const text = hostileString(random)
      // Only in place of a string the body had: an endpoint may drop keys it does not know.
      if (typeof valueAt(root, path) === 'string') planted.push({ path, value: text })
      return replaceAt(root, path, text)
    }
    case 'wrong-type':
      return replaceAt(root, path, structuredClone(random.pick(wrongTypeValues)))
    case 'prototype-key': {
      const target = valueAt(root, path)
      const key = random.pick(hostileStrings.prototype.slice(0, 3))
      const payload = random.pick<unknown>([{ polluted: 'yes', isAdmin: true }, 'yes', [1], { toString: 'x' }])
      if (isObject(target)) {
        defineOwn(target, key, payload)
        return root
      }
      const wrapper = {}
      defineOwn(wrapper, key, payload)
      return replaceAt(root, path, wrapper)
    }
    case 'deep-nesting':
      return replaceAt(root, path, deeplyNested(random.pick([300, 3_000, 30_000]), random.chance(0.5)))
    case 'oversized':
      return replaceAt(
        root,
        path,
        random.chance(0.5)
          ? 'A'.repeat(random.pick([65_537, 1_100_000]))
          : Array.from({ length: random.pick([1_000, 20_000]) }, (_, item) => ({ item })),
      )
    case 'dropped-field':
      return removeAt(root, path)
    case 'unknown-field': {
      const target = valueAt(root, path)
      if (!isObject(target)) return root
      defineOwn(target, hostileString(random), hostileString(random))
      return root
    }
  }
}

const deepMarker = /"~~deep:(\d+):(array|object)~~"/g

/**
 * A stand-in for a value `depth` arrays (or objects) deep, which {@link toJsonText} writes out: such a value built in
 * memory would overflow the stack of `JSON.stringify` before it reached the server.
 */
function deeplyNested(depth: number, isArray: boolean): string {
  return `~~deep:${depth}:${isArray ? 'array' : 'object'}~~`
}

/** `value` as JSON text, with deeply nested values in place of their stand-ins. */
export function toJsonText(value: unknown): string {
  return (JSON.stringify(value) ?? 'null').replace(deepMarker, (_match, depth: string, kind: string) => {
    const count = Number(depth)
    return kind === 'array'
      ? `${'['.repeat(count)}1${']'.repeat(count)}`
      : `${'{"a":'.repeat(count)}1${'}'.repeat(count)}`
  })
}

/** Every path in `value`, the root (the empty path) first. */
export function pathsOf(value: unknown, path: JsonPath = [], into: JsonPath[] = []): JsonPath[] {
  into.push(path)
  // Deeply nested values from an earlier mutation would give paths quadratic in their depth.
  if (into.length > 5_000 || path.length > 40) return into
  if (Array.isArray(value)) value.forEach((item, index) => pathsOf(item, [...path, index], into))
  else if (isObject(value)) for (const [key, item] of Object.entries(value)) pathsOf(item, [...path, key], into)
  return into
}

/** The value at `path`, read by own properties only. */
export function valueAt(value: unknown, path: JsonPath): unknown {
  let current = value
  for (const step of path) {
    if (!isObject(current) && !Array.isArray(current)) return undefined
    if (!Object.prototype.hasOwnProperty.call(current, step)) return undefined
    current = (current as Record<string | number, unknown>)[step]
  }
  return current
}

function replaceAt(root: unknown, path: JsonPath, replacement: unknown): unknown {
  if (path.length === 0) return replacement
  const parent = valueAt(root, path.slice(0, -1))
  const last = path[path.length - 1] as string | number
  if (Array.isArray(parent) || isObject(parent)) defineOwn(parent, last, replacement)
  return root
}

function removeAt(root: unknown, path: JsonPath): unknown {
  if (path.length === 0) return root
  const parent = valueAt(root, path.slice(0, -1))
  const last = path[path.length - 1] as string | number
  if (Array.isArray(parent) && typeof last === 'number') parent.splice(last, 1)
  else if (isObject(parent)) delete parent[last]
  return root
}

/** Sets an own, enumerable property, even one named `__proto__` (assignment would set the prototype instead). */
function defineOwn(target: object, key: string | number, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true })
}

function isObject(value: unknown): value is Record<string | number, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}
