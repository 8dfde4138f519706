import { watchlistIndicatorKinds } from '@hirewall/intel'
import {
  checkImportedValue,
  isRecord,
  readConfidence,
  type ImportIssue,
  type ImportResult,
  type ImportedIndicator,
  type UnsupportedObject,
} from '../imported-indicator.js'
import { readTlpLevel, stricterTlp, type SharedIndicatorKind, type TlpLevel } from '../shared-indicator.js'
import { readStixPattern, type StixComparison } from './read-stix-pattern.js'
import { customObservableTypes } from './stix-observable.js'
import { tlp2ExtensionId, tlpOfMarking } from './tlp-markings.js'

// Objects that give indicators their context (who, which marking, when seen): read, never reported as unsupported.
const contextTypes = new Set([
  'identity',
  'marking-definition',
  'extension-definition',
  'relationship',
  'observed-data',
  'intrusion-set',
  'threat-actor',
  'email-addr',
  'domain-name',
  'ipv4-addr',
  'ipv6-addr',
  'user-account',
  'file',
  ...Object.values(customObservableTypes),
])

/**
 * Reads a STIX 2.1 bundle's indicators into watchlist indicators: email, domain, IP, file SHA-256, user-account,
 * HireWall's phone, postal-address and keyed-hash observables. Each keeps its producer (the `created_by_ref`
 * identity), TLP (TLP 2.0 or 1.0 markings, the strictest when several), confidence and first/last seen (its
 * `based-on` observed data, else `valid_from`). A bad indicator is an issue at its JSON path; an object of another
 * type is listed as unsupported; neither stops the import. Only a document that is not a bundle is `invalid`.
 */
export function importStixBundle(document: unknown): ImportResult {
  if (!isRecord(document) || document['type'] !== 'bundle') {
    return { status: 'invalid', issues: [{ path: 'type', message: 'is not "bundle": not a STIX 2.1 bundle' }] }
  }
  const objects = document['objects']
  if (!Array.isArray(objects)) return { status: 'invalid', issues: [{ path: 'objects', message: 'is not a list' }] }
  const byId = new Map<string, Readonly<Record<string, unknown>>>()
  for (const object of objects) if (isRecord(object) && typeof object['id'] === 'string') byId.set(object['id'], object)
  const seenOf = observedDataOfIndicators(objects, byId)
  const indicators: ImportedIndicator[] = []
  const issues: ImportIssue[] = []
  const unsupported: UnsupportedObject[] = []
  objects.forEach((object: unknown, index) => {
    const path = `objects[${index}]`
    if (!isRecord(object) || typeof object['type'] !== 'string') {
      issues.push({ path: `${path}.type`, message: 'is missing: not a STIX object' })
      return
    }
    const type = object['type']
    if (type !== 'indicator') {
      if (!contextTypes.has(type)) {
        unsupported.push({ path, type, message: `a ${type} names no identifier a watchlist can hold` })
      }
      return
    }
    const indicator = readIndicator(object, path, byId, seenOf, issues, unsupported)
    if (indicator !== undefined) indicators.push(indicator)
  })
  return { status: 'ok', indicators, issues, unsupported }
}

function readIndicator(
  object: Readonly<Record<string, unknown>>,
  path: string,
  byId: ReadonlyMap<string, Readonly<Record<string, unknown>>>,
  seenOf: ReadonlyMap<string, Readonly<Record<string, unknown>>>,
  issues: ImportIssue[],
  unsupported: UnsupportedObject[],
): ImportedIndicator | undefined {
  if (object['pattern_type'] !== 'stix') {
    unsupported.push({ path: `${path}.pattern_type`, type: 'indicator', message: 'only STIX patterns are read' })
    return undefined
  }
  const pattern = object['pattern']
  if (typeof pattern !== 'string') {
    issues.push({ path: `${path}.pattern`, message: 'is missing' })
    return undefined
  }
  const reading = readStixPattern(pattern)
  if (reading.status === 'unsupported') {
    unsupported.push({ path: `${path}.pattern`, type: 'indicator', message: `the pattern ${reading.message}` })
    return undefined
  }
  const identifier = identifierOf(reading.objectType, reading.comparisons)
  if (identifier === undefined) {
    unsupported.push({
      path: `${path}.pattern`,
      type: 'indicator',
      message: `a pattern on ${reading.comparisons.map((c) => `${c.objectType}:${c.property}`).join(' AND ')} names no identifier a watchlist can hold`,
    })
    return undefined
  }
  const checked = checkImportedValue(identifier.kind, identifier.value, `${path}.pattern`, issues)
  if (checked === undefined) return undefined
  const creator = typeof object['created_by_ref'] === 'string' ? byId.get(object['created_by_ref']) : undefined
  const tlp = tlpOf(object, byId)
  const confidence = readConfidence(object['confidence'])
  if (object['confidence'] !== undefined && confidence === undefined) {
    issues.push({ path: `${path}.confidence`, message: 'is not an integer from 0 to 100: left out' })
  }
  const seen = typeof object['id'] === 'string' ? seenOf.get(object['id']) : undefined
  const firstSeen = text(seen?.['first_observed']) ?? text(object['valid_from'])
  const lastSeen = text(seen?.['last_observed'])
  const note = text(object['description']) ?? text(object['name'])
  return {
    kind: identifier.kind,
    value: identifier.value,
    isHashed: checked.isHashed,
    source: text(creator?.['name']) ?? 'unnamed STIX producer',
    ...(tlp === undefined ? {} : { tlp }),
    ...(confidence === undefined ? {} : { confidence }),
    ...(firstSeen === undefined ? {} : { firstSeen }),
    ...(lastSeen === undefined ? {} : { lastSeen }),
    ...(note === undefined ? {} : { note }),
    path,
  }
}

function identifierOf(
  objectType: string,
  comparisons: readonly StixComparison[],
): { readonly kind: SharedIndicatorKind; readonly value: string } | undefined {
  const valueOf = (property: string): string | undefined =>
    comparisons.find((comparison) => comparison.property === property)?.value
  const only = (property: string): string | undefined => (comparisons.length === 1 ? valueOf(property) : undefined)
  const as = (kind: SharedIndicatorKind, value: string | undefined) =>
    value === undefined ? undefined : { kind, value }
  switch (objectType) {
    case 'email-addr':
      return as('email', only('value'))
    case 'domain-name':
      return as('domain', only('value'))
    case 'ipv4-addr':
    case 'ipv6-addr':
      return as('ip', only('value'))
    case 'file':
      return as('cv-sha256', only('hashes.sha-256') ?? only('hashes.sha256'))
    case customObservableTypes.phone:
      return as('phone', only('value'))
    case customObservableTypes.address:
      return as('address', only('value'))
    case 'user-account': {
      const network = valueOf('account_type')
      const login = valueOf('account_login')
      return network === undefined || login === undefined || comparisons.length !== 2
        ? undefined
        : { kind: 'handle', value: `${network}:${login}` }
    }
    case customObservableTypes.keyedHash: {
      const kind = watchlistIndicatorKinds.find((name) => name === valueOf('indicator_kind'))
      const value = valueOf('value')
      return kind === undefined || value === undefined || comparisons.length !== 2 ? undefined : { kind, value }
    }
    default:
      return undefined
  }
}

/** Indicator id → the observed data it is `based-on` (first and last seen). */
function observedDataOfIndicators(
  objects: readonly unknown[],
  byId: ReadonlyMap<string, Readonly<Record<string, unknown>>>,
): ReadonlyMap<string, Readonly<Record<string, unknown>>> {
  const found = new Map<string, Readonly<Record<string, unknown>>>()
  for (const object of objects) {
    if (!isRecord(object) || object['type'] !== 'relationship' || object['relationship_type'] !== 'based-on') continue
    const source = object['source_ref']
    const target = typeof object['target_ref'] === 'string' ? byId.get(object['target_ref']) : undefined
    if (typeof source === 'string' && target?.['type'] === 'observed-data') found.set(source, target)
  }
  return found
}

function tlpOf(
  object: Readonly<Record<string, unknown>>,
  byId: ReadonlyMap<string, Readonly<Record<string, unknown>>>,
): TlpLevel | undefined {
  const refs = object['object_marking_refs']
  if (!Array.isArray(refs)) return undefined
  let level: TlpLevel | undefined
  for (const ref of refs) {
    if (typeof ref !== 'string') continue
    const found = tlpOfMarking(ref) ?? tlpOfDefinition(byId.get(ref))
    if (found !== undefined) level = level === undefined ? found : stricterTlp(level, found)
  }
  return level
}

// A producer may ship its own TLP definitions: TLP 1.0's definition_type "tlp", or the TLP 2.0 extension.
function tlpOfDefinition(definition: Readonly<Record<string, unknown>> | undefined): TlpLevel | undefined {
  if (definition === undefined) return undefined
  const tlp1 = definition['definition']
  if (definition['definition_type'] === 'tlp' && isRecord(tlp1) && typeof tlp1['tlp'] === 'string') {
    return readTlpLevel(tlp1['tlp'])
  }
  const extensions = definition['extensions']
  const tlp2 = isRecord(extensions) ? extensions[tlp2ExtensionId] : undefined
  return isRecord(tlp2) && typeof tlp2['tlp_2_0'] === 'string' ? readTlpLevel(tlp2['tlp_2_0']) : undefined
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value : undefined
}
