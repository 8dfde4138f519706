import { toJsonText } from './hostile-json.js'
import { byteOrderMarks, hostileByteSequences } from './hostile-strings.js'
import type { SeededRandom } from './seeded-random.js'

/** A request body as bytes on the wire, with the `Content-Type` it claims. */
export type HostileBody = {
  readonly kind: (typeof bodyEncodingKinds)[number]
  readonly payload: Buffer
  readonly contentType: string | undefined
}

export const bodyEncodingKinds = [
  'json',
  'json',
  'json',
  'json',
  'invalid-utf8',
  'byte-order-mark',
  'nul-byte',
  'truncated',
  'duplicate-keys',
  'huge-number',
  'wrong-content-type',
  'no-content-type',
  'empty',
] as const

const marker = 'FUZZ_BYTES'

/**
 * `value` serialised as JSON, mostly as is, sometimes broken on the wire: bytes that are not UTF-8 inside a string, a
 * byte order mark, a NUL byte between tokens, cut short, keys twice, numbers past a double, or a wrong or missing type.
 */
export function hostileBody(value: unknown, random: SeededRandom, isClean = false): HostileBody {
  const kind = isClean ? 'json' : random.pick(bodyEncodingKinds)
  const json = toJsonText(value)
  const bytes = Buffer.from(json, 'utf8')
  const asJson = (payload: Buffer, contentType = 'application/json'): HostileBody => ({ kind, payload, contentType })
  switch (kind) {
    case 'json':
      return asJson(bytes, random.chance(0.2) ? 'application/json; charset=utf-8' : 'application/json')
    case 'invalid-utf8': {
      // Into the first string value, so the parser meets the bytes where text is expected.
      const quoted = json.indexOf('"', json.indexOf(':'))
      const at = quoted < 0 ? 0 : Buffer.byteLength(json.slice(0, quoted + 1))
      return asJson(
        Buffer.concat([bytes.subarray(0, at), Buffer.from(random.pick(hostileByteSequences)), bytes.subarray(at)]),
      )
    }
    case 'byte-order-mark':
      return asJson(Buffer.concat([Buffer.from(random.pick(byteOrderMarks)), bytes]))
    case 'nul-byte': {
      const at = random.int(bytes.length + 1)
      return asJson(Buffer.concat([bytes.subarray(0, at), Buffer.from([0]), bytes.subarray(at)]))
    }
    case 'truncated':
      return asJson(bytes.subarray(0, random.int(Math.max(1, bytes.length))))
    case 'duplicate-keys': {
      // Keys a parser must not turn into a prototype, and a key given twice (the last one wins in JSON.parse).
      const first = json.match(/^\{("[^"]*"):/)?.[1]
      const extra = `"__proto__":{"polluted":"yes"},"constructor":{"prototype":{"polluted":"yes"}}`
      const twice = first === undefined ? '' : `${first}:"${marker}",`
      return asJson(Buffer.from(json.startsWith('{') && json !== '{}' ? `{${twice}${extra},${json.slice(1)}` : json))
    }
    case 'huge-number':
      return asJson(Buffer.from(json.replace(/:(-?\d+(\.\d+)?)/, ':1e999').replace(/:"[^"]*"/, ':-1e-999')))
    case 'wrong-content-type':
      return {
        kind,
        payload: bytes,
        contentType: random.pick([
          'text/plain',
          'application/x-www-form-urlencoded',
          'multipart/form-data; boundary=x',
          'application/xml',
          'application/json; charset=utf-16',
          'application/jsonx',
        ]),
      }
    case 'no-content-type':
      return { kind, payload: bytes, contentType: undefined }
    case 'empty':
      return asJson(Buffer.alloc(0))
  }
}
