import { planExport, type ExportHashing, type ExportRecord } from '../plan-export.js'
import { stricterTlp, type SharedIndicator, type TlpLevel } from '../shared-indicator.js'
import { producedId } from '../stix/stix-identifier.js'
import { hirewallTagNamespace, mispAttributeType } from './misp-attribute-type.js'

export type MispTag = { readonly name: string }

export type MispAttribute = {
  readonly uuid: string
  readonly type: string
  readonly category: string
  readonly to_ids: boolean
  readonly value: string
  readonly comment: string
  readonly timestamp: string
  readonly distribution: string
  readonly first_seen?: string
  readonly last_seen?: string
  readonly Tag: readonly MispTag[]
}

export type MispEvent = {
  readonly Event: {
    readonly uuid: string
    readonly info: string
    readonly date: string
    readonly timestamp: string
    readonly threat_level_id: string
    readonly analysis: string
    readonly distribution: string
    readonly published: boolean
    readonly Orgc: { readonly name: string; readonly uuid: string }
    readonly Tag: readonly MispTag[]
    readonly Attribute: readonly MispAttribute[]
  }
}

export type MispExportOptions = {
  readonly producer: { readonly name: string }
  /** ISO 8601 time of the export: the event's date and the attributes' timestamps. */
  readonly createdAt: string
  readonly info?: string
  readonly hashing?: ExportHashing
}

export type MispExport = ExportRecord & { readonly event: MispEvent }

/**
 * Confirmed-fraud indicators as one MISP event (the JSON MISP imports and its REST API takes): an attribute per
 * indicator with MISP's type and category, `to_ids`, first and last seen, the `tlp:` tag of its level, its
 * confidence and source as `hirewall:` tags; the event carries the strictest TLP of its attributes. Distribution is
 * "your organisation only" (0) and the event unpublished: sharing further is the receiving analyst's decision.
 * TLP RED indicators are withheld; the result lists what left.
 */
export function exportMispEvent(indicators: readonly SharedIndicator[], options: MispExportOptions): MispExport {
  const record = planExport(indicators, options.hashing)
  const timestamp = String(Math.floor(Date.parse(options.createdAt) / 1000))
  let eventTlp: TlpLevel | undefined
  const attributes = record.exported.map((exported): MispAttribute => {
    const { indicator } = exported
    eventTlp = eventTlp === undefined ? indicator.tlp : stricterTlp(eventTlp, indicator.tlp)
    const written = mispAttributeType(exported)
    const tags: MispTag[] = [{ name: `tlp:${indicator.tlp}` }]
    if (written.kindTag !== undefined) tags.push({ name: written.kindTag })
    if (indicator.confidence !== undefined) {
      tags.push({ name: `${hirewallTagNamespace}:confidence="${indicator.confidence}"` })
    }
    tags.push({ name: `${hirewallTagNamespace}:source="${indicator.source.replace(/"/g, "'")}"` })
    if (exported.isHashed && record.keyFingerprint !== undefined) {
      tags.push({ name: `${hirewallTagNamespace}:key-fingerprint="${record.keyFingerprint}"` })
    }
    return {
      uuid:
        producedId('misp-attribute', options.producer.name, exported.kind, exported.sharedValue).split('--')[1] ?? '',
      type: written.type,
      category: written.category,
      to_ids: written.toIds,
      value: written.value,
      // A note names people and incidents: it stays home when the values themselves are hidden.
      comment: exported.isHashed ? '' : (indicator.note ?? ''),
      timestamp,
      distribution: '5',
      ...(indicator.firstSeen === undefined ? {} : { first_seen: indicator.firstSeen }),
      ...(indicator.lastSeen === undefined ? {} : { last_seen: indicator.lastSeen }),
      Tag: tags,
    }
  })
  const eventUuid = producedId('misp-event', options.producer.name, options.createdAt, ...attributes.map((a) => a.uuid))
  return {
    ...record,
    event: {
      Event: {
        uuid: eventUuid.split('--')[1] ?? '',
        info: options.info ?? `Confirmed identity-fraud indicators shared by ${options.producer.name}`,
        date: options.createdAt.slice(0, 10),
        timestamp,
        threat_level_id: '2',
        analysis: '2',
        distribution: '0',
        published: false,
        Orgc: { name: options.producer.name, uuid: producedId('misp-org', options.producer.name).split('--')[1] ?? '' },
        Tag: eventTlp === undefined ? [] : [{ name: `tlp:${eventTlp}` }],
        Attribute: attributes,
      },
    },
  }
}
