import { generateDeterministicId } from '@security-alliance/stix/2.1'

/**
 * The STIX 2.1 specification's MUST requirements that the objects HireWall writes are subject to, checked one by
 * one (section numbers of STIX 2.1 OS). Test support only: no npm package ships the OASIS JSON schemas, so exports are
 * checked against the specification's text here, and observable ids against an independent implementation.
 */
export function stixSpecViolations(bundle: unknown): readonly string[] {
  const problems: string[] = []
  const fail = (path: string, message: string): void => {
    problems.push(`${path}: ${message}`)
  }
  if (!isRecord(bundle)) return ['bundle: not an object']
  if (bundle['type'] !== 'bundle') fail('type', 'must be "bundle" (§8)')
  if (typeof bundle['id'] !== 'string' || !idPattern('bundle').test(bundle['id']))
    fail('id', 'must be bundle--UUID (§8)')
  if ('spec_version' in bundle) fail('spec_version', 'a 2.1 bundle has none (§8)')
  const objects = bundle['objects']
  if (!Array.isArray(objects) || objects.length === 0) return [...problems, 'objects: must be a non-empty list (§8)']
  const ids = new Map<string, Record<string, unknown>>()
  for (const object of objects) if (isRecord(object) && typeof object['id'] === 'string') ids.set(object['id'], object)
  objects.forEach((object: unknown, index) => {
    const path = `objects[${index}]`
    if (!isRecord(object)) return fail(path, 'not an object')
    const type = object['type']
    if (typeof type !== 'string' || !/^[a-z0-9][a-z0-9-]{1,248}[a-z0-9]$/.test(type) || type.includes('--')) {
      return fail(`${path}.type`, 'must be 3–250 of a-z, 0-9 and single hyphens (§3.1)')
    }
    if (typeof object['id'] !== 'string' || !idPattern(type).test(object['id'])) {
      fail(`${path}.id`, `must be ${type}--UUID in RFC 4122 form (§2.9)`)
    }
    for (const name of Object.keys(object)) {
      if (!/^[a-z0-9_]{3,250}$/.test(name) && name !== 'id')
        fail(`${path}.${name}`, 'property names are 3–250 of a-z, 0-9, _ (§3.1)')
    }
    for (const [name, value] of Object.entries(object)) {
      if (name.endsWith('_ref') && (typeof value !== 'string' || !ids.has(value))) {
        fail(`${path}.${name}`, 'must name an object of the bundle')
      }
      if (
        name.endsWith('_refs') &&
        (!Array.isArray(value) || value.length === 0 || value.some((ref) => !ids.has(String(ref))))
      ) {
        fail(`${path}.${name}`, 'must be a non-empty list of objects of the bundle')
      }
      if (['created', 'modified', 'valid_from', 'valid_until', 'first_observed', 'last_observed'].includes(name)) {
        if (typeof value !== 'string' || !timestampPattern.test(value))
          fail(`${path}.${name}`, 'must be a UTC timestamp (§2.14)')
      }
    }
    const check = checksByType[type]
    if (check !== undefined) check(object, (property, message) => fail(`${path}.${property}`, message), ids)
    else if (!observableTypes.has(type)) fail(`${path}.type`, `${type} is not an object HireWall means to write`)
    if (observableTypes.has(type))
      checkObservable(object, type, (property, message) => fail(`${path}.${property}`, message), ids)
  })
  return problems
}

type Fail = (property: string, message: string) => void
type Check = (object: Record<string, unknown>, fail: Fail, ids: ReadonlyMap<string, Record<string, unknown>>) => void

const timestampPattern = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/
const uuid = '[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}'
const idPattern = (type: string): RegExp => new RegExp(`^${type}--${uuid}$`)

const observableTypes = new Set([
  'email-addr',
  'domain-name',
  'ipv4-addr',
  'ipv6-addr',
  'user-account',
  'file',
  'x-hirewall-phone-number',
  'x-hirewall-postal-address',
  'x-hirewall-keyed-hash',
])

// §6: the properties that make an observable's deterministic id; the custom ones as their extension declares them.
const idContributing: Readonly<Record<string, readonly string[]>> = {
  'email-addr': ['value'],
  'domain-name': ['value'],
  'ipv4-addr': ['value'],
  'ipv6-addr': ['value'],
  'user-account': ['account_type', 'user_id', 'account_login'],
  file: ['hashes', 'name', 'extensions', 'parent_directory_ref'],
  'x-hirewall-phone-number': ['value'],
  'x-hirewall-postal-address': ['value'],
  'x-hirewall-keyed-hash': ['indicator_kind', 'value'],
}

function checkObservable(
  object: Record<string, unknown>,
  type: string,
  fail: Fail,
  ids: ReadonlyMap<string, Record<string, unknown>>,
): void {
  const contributing = Object.fromEntries(
    (idContributing[type] ?? []).filter((name) => object[name] !== undefined).map((name) => [name, object[name]]),
  )
  if (Object.keys(contributing).length === 0) fail('id', 'an observable needs an id-contributing property (§2.9)')
  // Compared with an independent implementation of §2.9 (RFC 8785 canonical JSON, UUIDv5 in the OASIS namespace).
  if (generateDeterministicId(type, contributing) !== object['id']) {
    fail('id', 'is not the UUIDv5 of the id-contributing properties in the OASIS namespace (§2.9)')
  }
  if (type.startsWith('x-')) {
    const extensions = object['extensions']
    const declared = isRecord(extensions) ? Object.entries(extensions) : []
    const isDeclared = declared.some(([id, extension]) => {
      const definition = ids.get(id)
      return (
        isRecord(extension) &&
        extension['extension_type'] === 'new-sco' &&
        definition?.['type'] === 'extension-definition' &&
        Array.isArray(definition['extension_types']) &&
        definition['extension_types'].includes('new-sco') &&
        definition['name'] === type
      )
    })
    if (!isDeclared) fail('extensions', 'a new observable type must name its new-sco extension definition (§7.3)')
  }
  if (type === 'file') {
    const hashes = object['hashes']
    if (!isRecord(hashes) || typeof hashes['SHA-256'] !== 'string' || !/^[0-9a-f]{64}$/i.test(hashes['SHA-256'])) {
      fail('hashes', "must hold a SHA-256 under the hash-algorithm-ov name 'SHA-256' (§10.7)")
    }
  }
}

const required =
  (...names: readonly string[]): Check =>
  (object, fail) => {
    for (const name of names) if (object[name] === undefined) fail(name, 'is required')
  }

const common = required('spec_version', 'created', 'modified')

const checksByType: Readonly<Record<string, Check>> = {
  identity: (object, fail, ids) => {
    common(object, fail, ids)
    required('name')(object, fail, ids)
  },
  indicator: (object, fail, ids) => {
    common(object, fail, ids)
    required('pattern', 'pattern_type', 'valid_from')(object, fail, ids)
    if (object['pattern_type'] !== 'stix') fail('pattern_type', 'HireWall writes STIX patterns')
    if (!/^\[.*\]$/s.test(String(object['pattern']))) fail('pattern', 'must be an observation expression (§9)')
    const confidence = object['confidence']
    if (
      confidence !== undefined &&
      (!Number.isInteger(confidence) || Number(confidence) < 0 || Number(confidence) > 100)
    ) {
      fail('confidence', 'must be an integer from 0 to 100 (§3.2)')
    }
    const references = object['external_references']
    if (Array.isArray(references)) {
      for (const reference of references) {
        if (!isRecord(reference) || typeof reference['source_name'] !== 'string')
          fail('external_references', 'needs source_name (§2.5)')
        else if (
          reference['description'] === undefined &&
          reference['url'] === undefined &&
          reference['external_id'] === undefined
        ) {
          fail('external_references', 'needs a description, url or external_id besides source_name (§2.5)')
        }
      }
    }
  },
  'observed-data': (object, fail, ids) => {
    common(object, fail, ids)
    required('first_observed', 'last_observed', 'number_observed', 'object_refs')(object, fail, ids)
    if (String(object['last_observed']) < String(object['first_observed']))
      fail('last_observed', 'is before first_observed (§4.14)')
    const count = object['number_observed']
    if (!Number.isInteger(count) || Number(count) < 1)
      fail('number_observed', 'must be an integer of at least 1 (§4.14)')
  },
  relationship: (object, fail, ids) => {
    common(object, fail, ids)
    required('relationship_type', 'source_ref', 'target_ref')(object, fail, ids)
    const source = ids.get(String(object['source_ref']))?.['type']
    const target = ids.get(String(object['target_ref']))?.['type']
    const allowed: Readonly<Record<string, readonly string[]>> = {
      'based-on': ['observed-data'],
      indicates: ['attack-pattern', 'campaign', 'infrastructure', 'intrusion-set', 'malware', 'threat-actor', 'tool'],
    }
    if (source !== 'indicator' || !(allowed[String(object['relationship_type'])] ?? []).includes(String(target))) {
      fail(
        'relationship_type',
        `indicator ${String(object['relationship_type'])} ${String(target)} is not a relationship of §4.7`,
      )
    }
  },
  'intrusion-set': (object, fail, ids) => {
    common(object, fail, ids)
    required('name')(object, fail, ids)
  },
  'extension-definition': (object, fail, ids) => {
    common(object, fail, ids)
    required('created_by_ref', 'name', 'schema', 'version', 'extension_types')(object, fail, ids)
  },
  'marking-definition': (object, fail, ids) => {
    required('spec_version', 'created')(object, fail, ids)
  },
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}
