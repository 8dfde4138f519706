import { errorCodes, errorStatus, type ErrorCode } from '../errors/error-codes.js'

/** What the fuzzer reads of a response. */
export type FuzzResponse = {
  readonly statusCode: number
  readonly body: string
  readonly headers: Readonly<Record<string, unknown>>
}

const requestParts = ['body', 'querystring', 'params', 'headers']

/**
 * The properties every response keeps, whatever was sent: never a 5xx; a rejection is a 4xx in the house shape
 * `{ error: { code, message, details } }` with a code of the closed list and its status; a validation failure names
 * each field by its path in the request. Returns what was broken, empty when nothing was.
 */
export function checkApiResponse(response: FuzzResponse): string[] {
  const { statusCode } = response
  if (statusCode >= 500) return [`answered ${statusCode}: ${response.body.slice(0, 300)}`]
  if (statusCode < 400) return []
  let parsed: unknown
  try {
    parsed = JSON.parse(response.body)
  } catch {
    return [`answered ${statusCode} with a body that is not JSON: ${response.body.slice(0, 200)}`]
  }
  const error = (parsed as { error?: unknown } | null)?.error as
    { code?: unknown; message?: unknown; details?: unknown } | undefined
  if (typeof error !== 'object' || error === null) return [`answered ${statusCode} without { error }`]
  const violations: string[] = []
  const code = error.code
  if (typeof code !== 'string' || !(errorCodes as readonly string[]).includes(code)) {
    violations.push(`error code ${String(code)} is not in the closed list`)
  } else if (errorStatus[code as ErrorCode] !== statusCode) {
    violations.push(`error code ${code} answered with status ${statusCode}`)
  }
  if (typeof error.message !== 'string' || error.message === '') violations.push('error without a message')
  if (typeof error.details !== 'object' || error.details === null || Array.isArray(error.details)) {
    violations.push('error without a details object')
  }
  if (code === 'VALIDATION_FAILED') violations.push(...checkIssues(error.details))
  return violations
}

function checkIssues(details: unknown): string[] {
  const issues = (details as { issues?: unknown } | null)?.issues
  if (!Array.isArray(issues) || issues.length === 0) return ['VALIDATION_FAILED without details.issues']
  const violations: string[] = []
  for (const issue of issues as { path?: unknown; message?: unknown }[]) {
    const path = issue.path
    if (typeof path !== 'string' || !requestParts.some((part) => path === part || path.startsWith(`${part}.`))) {
      violations.push(`issue path ${JSON.stringify(path)} does not name a part of the request`)
    }
    if (typeof issue.message !== 'string' || issue.message === '') violations.push('issue without a message')
  }
  return violations
}

/** Every string in `value`, keys included. */
export function stringsIn(value: unknown, into = new Set<string>(), depth = 0): Set<string> {
  if (typeof value === 'string') into.add(value)
  else if (Array.isArray(value) && depth < 200) for (const item of value) stringsIn(item, into, depth + 1)
  else if (typeof value === 'object' && value !== null && depth < 200) {
    for (const [key, item] of Object.entries(value)) {
      into.add(key)
      stringsIn(item, into, depth + 1)
    }
  }
  return into
}

const prototypeNames = new Set(Object.getOwnPropertyNames(Object.prototype))

/** Keys that fuzzed input added to `Object.prototype` (and so to every object in the process). */
export function prototypePollution(): string[] {
  const added = Object.getOwnPropertyNames(Object.prototype).filter((name) => !prototypeNames.has(name))
  const probe = {} as Record<string, unknown>
  for (const key of ['polluted', 'isAdmin', 'toString']) {
    if (key !== 'toString' && probe[key] !== undefined) added.push(key)
  }
  if (typeof probe.toString !== 'function') added.push('toString')
  return added
}
