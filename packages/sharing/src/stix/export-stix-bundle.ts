import { planExport, type ExportHashing, type ExportRecord, type ExportedIndicator } from '../plan-export.js'
import type { SharedIndicator, TlpLevel } from '../shared-indicator.js'
import { producedId } from './stix-identifier.js'
import {
  customObservableTypes,
  extensionDefinitionId,
  stixObservable,
  type CustomObservableType,
} from './stix-observable.js'
import { tlp2MarkingDefinition, tlp2MarkingIds } from './tlp-markings.js'

/** A STIX 2.1 object as JSON. */
export type StixObject = Readonly<Record<string, unknown>> & { readonly type: string; readonly id: string }

export type StixBundle = { readonly type: 'bundle'; readonly id: string; readonly objects: readonly StixObject[] }

export type StixExportOptions = {
  /** The organisation sharing: the bundle's identity and every object's `created_by_ref`. */
  readonly producer: { readonly name: string }
  /** ISO 8601 time of the export (`created` and `modified` of the objects it makes). */
  readonly createdAt: string
  /** Privacy-preserving mode: keyed hashes instead of values. */
  readonly hashing?: ExportHashing
}

export type StixExport = ExportRecord & { readonly bundle: StixBundle }

// The extension definitions are HireWall's, not the producer's: every export declares them with the same objects.
const hirewallIdentityId = producedId('identity', 'hirewall project')
const extensionsCreated = '2026-11-23T00:00:00.000Z'

const customTypeDescriptions: Readonly<Record<CustomObservableType, string>> = {
  'x-hirewall-phone-number':
    'A telephone number, property value in E.164 form (+14155550100). Id-contributing property: value.',
  'x-hirewall-postal-address':
    'A postal address as written, property value (one line). Id-contributing property: value.',
  'x-hirewall-keyed-hash':
    'An identifier shared in privacy-preserving mode: value is hmac-sha256: and the hex HMAC-SHA256, under a consortium key, of the text "hirewall/1", NUL, indicator_kind, NUL and the normalised identifier; indicator_kind is phone, email, domain, address, handle, ip or cv-sha256; key_fingerprint names the key. Id-contributing properties: indicator_kind, value.',
}

const kindNames: Readonly<Record<ExportedIndicator['kind'], string>> = {
  phone: 'Phone number',
  email: 'Email address',
  domain: 'Domain',
  address: 'Postal address',
  handle: 'Profile',
  ip: 'IP address',
  'cv-sha256': 'CV file',
}

/**
 * Confirmed-fraud indicators as a STIX 2.1 bundle: the producer's identity, the TLP 2.0 marking definitions used (the
 * OASIS objects), and for each indicator its observable (deterministic id), an `observed-data` with first and last
 * seen, an `indicator` with its pattern, confidence, marking and source, `based-on` the observed data, and
 * `indicates` an intrusion set when attributed. TLP RED indicators are withheld; the result lists what left.
 * Pure: the caller supplies the time and writes the file.
 */
export function exportStixBundle(indicators: readonly SharedIndicator[], options: StixExportOptions): StixExport {
  const record = planExport(indicators, options.hashing)
  const { createdAt } = options
  const producerId = producedId('identity', 'producer', options.producer.name)
  const common = { spec_version: '2.1', created: createdAt, modified: createdAt, created_by_ref: producerId }
  const objects = new Map<string, StixObject>()
  const add = (object: StixObject): void => {
    if (!objects.has(object.id)) objects.set(object.id, object)
  }
  add({
    type: 'identity',
    spec_version: '2.1',
    id: producerId,
    created: createdAt,
    modified: createdAt,
    name: options.producer.name,
    identity_class: 'organization',
  })
  const levels = new Set<TlpLevel>()
  const customTypes = new Set<CustomObservableType>()
  const body: StixObject[] = []
  for (const exported of record.exported) {
    const { indicator } = exported
    const marking = { object_marking_refs: [tlp2MarkingIds[indicator.tlp]] }
    levels.add(indicator.tlp)
    const observable = stixObservable(exported, record.keyFingerprint)
    if (observable.customType !== undefined) customTypes.add(observable.customType)
    const observableObject: StixObject = { ...observable.object, ...marking }
    body.push(observableObject)
    const firstSeen = indicator.firstSeen ?? indicator.lastSeen ?? createdAt
    const lastSeen = indicator.lastSeen ?? firstSeen
    const key = [options.producer.name, exported.kind, exported.sharedValue]
    const observedData: StixObject = {
      type: 'observed-data',
      id: producedId('observed-data', ...key),
      ...common,
      first_observed: firstSeen,
      last_observed: lastSeen,
      number_observed: 1,
      object_refs: [observableObject.id],
      ...marking,
    }
    const name = exported.isHashed
      ? `${kindNames[exported.kind]} (keyed hash)`
      : `${kindNames[exported.kind]} ${exported.sharedValue}`
    const stixIndicator: StixObject = {
      type: 'indicator',
      id: producedId('indicator', ...key),
      ...common,
      name,
      // A note names people and incidents: it stays home when the values themselves are hidden.
      ...(indicator.note === undefined || exported.isHashed ? {} : { description: indicator.note }),
      indicator_types: ['malicious-activity'],
      pattern: observable.pattern,
      pattern_type: 'stix',
      pattern_version: '2.1',
      valid_from: firstSeen,
      ...(indicator.confidence === undefined ? {} : { confidence: indicator.confidence }),
      labels: ['identity-fraud', ...(indicator.severity === undefined ? [] : [`severity-${indicator.severity}`])],
      external_references: [
        { source_name: indicator.source, description: 'the list or case the indicator comes from' },
      ],
      ...marking,
    }
    body.push(observedData, stixIndicator, relationship(stixIndicator.id, 'based-on', observedData.id, common, marking))
    if (indicator.attributedTo !== undefined) {
      const intrusionSet: StixObject = {
        type: 'intrusion-set',
        id: producedId('intrusion-set', options.producer.name, indicator.attributedTo),
        ...common,
        name: indicator.attributedTo,
      }
      body.push(intrusionSet, relationship(stixIndicator.id, 'indicates', intrusionSet.id, common, marking))
    }
  }
  for (const level of [...levels].sort()) add(tlp2MarkingDefinition(level) as StixObject)
  if (customTypes.size > 0) {
    add({
      type: 'identity',
      spec_version: '2.1',
      id: hirewallIdentityId,
      created: extensionsCreated,
      modified: extensionsCreated,
      name: 'HireWall',
      identity_class: 'system',
    })
    for (const type of Object.values(customObservableTypes)) {
      if (!customTypes.has(type)) continue
      add({
        type: 'extension-definition',
        spec_version: '2.1',
        id: extensionDefinitionId(type),
        created: extensionsCreated,
        modified: extensionsCreated,
        created_by_ref: hirewallIdentityId,
        name: type,
        description: customTypeDescriptions[type],
        schema: customTypeDescriptions[type],
        version: '1.0.0',
        extension_types: ['new-sco'],
      })
    }
  }
  for (const object of body) add(object)
  const all = [...objects.values()]
  return {
    ...record,
    bundle: { type: 'bundle', id: producedId('bundle', createdAt, ...all.map((object) => object.id)), objects: all },
  }
}

function relationship(
  sourceRef: string,
  relationshipType: string,
  targetRef: string,
  common: Readonly<Record<string, unknown>>,
  marking: Readonly<Record<string, unknown>>,
): StixObject {
  return {
    type: 'relationship',
    id: producedId('relationship', sourceRef, relationshipType, targetRef),
    ...common,
    relationship_type: relationshipType,
    source_ref: sourceRef,
    target_ref: targetRef,
    ...marking,
  }
}
