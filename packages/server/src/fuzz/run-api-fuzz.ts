import type { FastifyInstance } from 'fastify'
import {
  apiFuzzTargets,
  hostileParam,
  percentEncode as encode,
  type ApiFuzzContext,
  type ApiFuzzTarget,
} from './api-fuzz-targets.js'
import { checkApiResponse, prototypePollution, stringsIn } from './check-api-response.js'
import { hostileBody } from './hostile-body.js'
import { mutateJson, type PlantedString } from './hostile-json.js'
import { hostileStrings } from './hostile-strings.js'
import { seededRandom, type SeededRandom } from './seeded-random.js'

/** One broken property, with what to replay it from. */
export type FuzzFailure = {
  readonly seed: number
  readonly caseNumber: number
  readonly target: string
  readonly request: string
  readonly violations: readonly string[]
}

/** What a run did: requests by status, and every failure. */
export type ApiFuzzReport = {
  readonly cases: number
  readonly statuses: Readonly<Record<number, number>>
  /** Requests a target accepted (2xx) whose accepted strings were read back and compared. */
  readonly echoChecked: number
  readonly failures: readonly FuzzFailure[]
}

/** A request the fuzzer sends, and the strings it planted that must come back unchanged if accepted. */
type FuzzRequest = {
  readonly method: ApiFuzzTarget['method']
  readonly url: string
  readonly headers: Record<string, string>
  readonly payload?: Buffer
  readonly planted: readonly PlantedString[]
  /** Only a body sent as clean JSON can be compared with what was planted in it. */
  readonly isComparable: boolean
  readonly description: string
}

/** A request that has not answered by then is reported as a hang (the run goes on with the next case). */
const hangMs = 30_000

/**
 * Sends `runs` generated hostile requests (seeded by `seed`) to `app`, cycling through {@link apiFuzzTargets}, and
 * checks each answer: no 5xx, the house error shape, field paths, accepted strings read back unchanged, and an
 * unpolluted `Object.prototype`. `app` must be the whole service app over `context.test.store`.
 */
export async function runApiFuzz(
  app: FastifyInstance,
  context: ApiFuzzContext,
  options: { readonly seed: number; readonly runs: number },
): Promise<ApiFuzzReport> {
  const statuses: Record<number, number> = {}
  const failures: FuzzFailure[] = []
  let echoChecked = 0
  for (let caseNumber = 0; caseNumber < options.runs; caseNumber += 1) {
    // One generator per case: any failure replays from its seed and case number alone.
    const random = seededRandom(options.seed * 1_000_003 + caseNumber)
    const target = apiFuzzTargets[caseNumber % apiFuzzTargets.length] as ApiFuzzTarget
    const request = buildRequest(target, context, random)
    const fail = (violations: readonly string[]) =>
      failures.push({ seed: options.seed, caseNumber, target: target.name, request: request.description, violations })
    const response = await withHangGuard(
      app.inject({
        method: request.method,
        url: request.url,
        headers: request.headers,
        ...(request.payload === undefined ? {} : { payload: request.payload }),
      }),
    )
    if (response === 'hang') {
      fail([`no answer within ${hangMs} ms`])
      continue
    }
    statuses[response.statusCode] = (statuses[response.statusCode] ?? 0) + 1
    const violations = isDocumentedUnavailable(target, response.statusCode, response.body)
      ? []
      : checkApiResponse(response)
    const polluted = prototypePollution()
    if (polluted.length > 0) violations.push(`Object.prototype polluted: ${polluted.join(', ')}`)
    if (violations.length === 0 && response.statusCode < 300 && request.isComparable && request.planted.length > 0) {
      const readBack = await (target.readBack ?? ((_context, body) => Promise.resolve(body)))(context, response.json())
      if (readBack !== undefined) {
        echoChecked += 1
        violations.push(...checkEcho(readBack, request.planted, target.trimsStrings ?? false))
      }
    }
    if (violations.length > 0) fail(violations)
  }
  return { cases: options.runs, statuses, echoChecked, failures }
}

function buildRequest(target: ApiFuzzTarget, context: ApiFuzzContext, random: SeededRandom): FuzzRequest {
  const parts: string[] = []
  const param = target.param?.(context)
  const isParamHostile = param !== undefined && random.chance(0.25)
  const pathParam = isParamHostile ? hostileParam(random) : param
  let url = target.path(context, pathParam)
  if (isParamHostile) parts.push(`param ${JSON.stringify(pathParam).slice(0, 80)}`)
  if (target.query !== undefined) {
    const query = hostileQuery(target.query, random)
    url += `?${query}`
    parts.push(`query ${query.slice(0, 120)}`)
  }
  const headers: Record<string, string> = { ...target.headers(context) }
  if (target.name === 'submit application' && random.chance(0.15)) {
    headers['idempotency-key'] = headerSafe(random.pick(Object.values(hostileStrings).flat()))
    parts.push(`idempotency-key ${JSON.stringify(headers['idempotency-key'])}`)
  }
  if (target.body === undefined) {
    return { method: target.method, url, headers, planted: [], isComparable: false, description: parts.join('; ') }
  }
  const base = target.body(context, random)
  const isMutated = random.chance(0.85)
  const { value, planted, mutations } = isMutated
    ? mutateJson(base, random)
    : { value: base, planted: [], mutations: [] }
  // A body that only carries a hostile string goes on the wire intact, so what comes back can be compared.
  const body = hostileBody(value, random, mutations.length === 1 && mutations[0]?.kind === 'hostile-string')
  if (body.contentType !== undefined) headers['content-type'] = body.contentType
  Object.assign(headers, target.sign?.(body.payload))
  parts.push(
    `body ${body.kind} (${body.payload.length} bytes)`,
    ...mutations.map((mutation) => `${mutation.kind} at ${JSON.stringify(mutation.path).slice(0, 100)}`),
  )
  return {
    method: target.method,
    url,
    headers,
    payload: body.payload,
    planted,
    isComparable: body.kind === 'json',
    description: parts.join('; '),
  }
}

/** The query with one value replaced, repeated, given a prototype key or broken percent-encoding. */
function hostileQuery(base: Readonly<Record<string, string>>, random: SeededRandom): string {
  const pairs = Object.entries(base).map(([key, value]) => [key, value] as [string, string])
  const mutations = random.int(3)
  for (let index = 0; index < mutations; index += 1) {
    const at = random.int(pairs.length)
    switch (random.int(5)) {
      case 0:
        pairs[at] = [pairs[at]?.[0] ?? 'x', hostileParam(random)]
        break
      case 1:
        pairs.push([pairs[at]?.[0] ?? 'x', hostileParam(random)])
        break
      case 2:
        pairs.push([random.pick(hostileStrings.prototype), hostileParam(random)])
        break
      case 3:
        pairs.push([`${random.pick(hostileStrings.prototype)}[polluted]`, 'yes'])
        break
      default:
        pairs.splice(at, 1)
    }
  }
  const encoded = pairs.map(([key, value]) => `${encode(key)}=${encode(value)}`)
  if (random.chance(0.1)) encoded.push(random.pick(['%E0%A4%A', '%', '%%', '%00=%00', 'limit=%FF%FE', '&&&', '=']))
  return encoded.join('&')
}

/** Header values cannot carry control characters or non-Latin-1 text on the wire; Node refuses to send them. */
function headerSafe(text: string): string {
  return text.replace(/[^\x20-\x7e]/g, '?') || '-'
}

function checkEcho(readBack: unknown, planted: readonly PlantedString[], trims: boolean): string[] {
  const strings = stringsIn(readBack)
  return planted
    .map((plant) => ({ plant, expected: trims ? plant.value.trim() : plant.value }))
    .filter(({ expected }) => expected !== '' && !strings.has(expected))
    .map(
      ({ plant, expected }) =>
        `accepted ${JSON.stringify(expected).slice(0, 80)} at ${plant.path.join('.')} but did not read it back unchanged`,
    )
}

function isDocumentedUnavailable(target: ApiFuzzTarget, status: number, body: string): boolean {
  if (status !== 503 || target.documentedUnavailable === undefined) return false
  const error = (JSON.parse(body) as { error?: { code?: string; details?: { reason?: string } } }).error
  return error?.code === 'UNAVAILABLE' && error.details?.reason === target.documentedUnavailable
}

async function withHangGuard<Value>(promise: Promise<Value>): Promise<Value | 'hang'> {
  let timer: NodeJS.Timeout | undefined
  const hang = new Promise<'hang'>((resolve) => {
    timer = setTimeout(() => resolve('hang'), hangMs)
  })
  try {
    return await Promise.race([promise, hang])
  } finally {
    clearTimeout(timer)
  }
}
