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
import { hirewallTagNamespace } from './misp-attribute-type.js'

/** MISP attribute types read as each watchlist kind (`text` needs a `hirewall:kind` or `hirewall:keyed-hash` tag). */
export const mispTypeKinds: Readonly<Record<string, SharedIndicatorKind>> = {
  'phone-number': 'phone',
  'email-src': 'email',
  'email-dst': 'email',
  email: 'email',
  'whois-registrant-email': 'email',
  domain: 'domain',
  hostname: 'domain',
  'ip-src': 'ip',
  'ip-dst': 'ip',
  sha256: 'cv-sha256',
  'github-username': 'handle',
}

const tagPattern = /^([a-z0-9-]+):([a-z0-9-]+)="(.*)"$/i

/**
 * Reads a MISP event (`{ "Event": … }` or the bare event) into watchlist indicators: its attributes and those of its
 * objects, by type (`phone-number`, `email-src`, `domain`, `ip-src`, `sha256`, `github-username`, and `text` that
 * HireWall tagged). Each keeps the creator organisation as source, the `tlp:` tag (the attribute's, else the
 * event's), HireWall's confidence tag and first/last seen. A bad attribute is an issue at its JSON path; an attribute
 * of another type is listed as unsupported; neither stops the import.
 */
export function importMispEvent(document: unknown): ImportResult {
  const event = isRecord(document) && isRecord(document['Event']) ? document['Event'] : document
  const prefix = isRecord(document) && isRecord(document['Event']) ? 'Event' : ''
  if (!isRecord(event) || (!Array.isArray(event['Attribute']) && !Array.isArray(event['Object']))) {
    return {
      status: 'invalid',
      issues: [
        { path: at(prefix, 'Attribute'), message: 'is missing: not a MISP event (no Attribute or Object list)' },
      ],
    }
  }
  const orgc = event['Orgc']
  const source = isRecord(orgc) && typeof orgc['name'] === 'string' ? orgc['name'] : 'unnamed MISP organisation'
  const eventTlp = tlpOfTags(event['Tag'])
  const indicators: ImportedIndicator[] = []
  const issues: ImportIssue[] = []
  const unsupported: UnsupportedObject[] = []
  const readList = (list: unknown, path: string): void => {
    if (list === undefined) return
    if (!Array.isArray(list)) {
      issues.push({ path, message: 'is not a list' })
      return
    }
    list.forEach((attribute: unknown, index) => {
      const read = readAttribute(attribute, `${path}[${index}]`, source, eventTlp, issues, unsupported)
      if (read !== undefined) indicators.push(read)
    })
  }
  readList(event['Attribute'], at(prefix, 'Attribute'))
  if (Array.isArray(event['Object'])) {
    event['Object'].forEach((object: unknown, index) => {
      if (isRecord(object)) readList(object['Attribute'], at(prefix, `Object[${index}].Attribute`))
    })
  }
  return { status: 'ok', indicators, issues, unsupported }
}

function readAttribute(
  attribute: unknown,
  path: string,
  source: string,
  eventTlp: TlpLevel | undefined,
  issues: ImportIssue[],
  unsupported: UnsupportedObject[],
): ImportedIndicator | undefined {
  if (!isRecord(attribute)) {
    issues.push({ path, message: 'is not an attribute object' })
    return undefined
  }
  const type = attribute['type']
  const value = attribute['value']
  if (typeof type !== 'string') {
    issues.push({ path: `${path}.type`, message: 'is missing' })
    return undefined
  }
  if (typeof value !== 'string' || value.trim() === '') {
    issues.push({ path: `${path}.value`, message: 'is missing or empty' })
    return undefined
  }
  const tags = hirewallTags(attribute['Tag'])
  const kind = kindOf(type, tags)
  if (kind === undefined) {
    unsupported.push({ path, type, message: `a MISP ${type} attribute names no identifier a watchlist can hold` })
    return undefined
  }
  const written = type === 'github-username' ? `github:${value.trim()}` : value.trim()
  const checked = checkImportedValue(kind, written, `${path}.value`, issues)
  if (checked === undefined) return undefined
  const attributeTlp = tlpOfTags(attribute['Tag'])
  const tlp =
    attributeTlp === undefined ? eventTlp : eventTlp === undefined ? attributeTlp : stricterTlp(attributeTlp, eventTlp)
  const confidence = readConfidence(tags.get('confidence'))
  const firstSeen = text(attribute['first_seen'])
  const lastSeen = text(attribute['last_seen'])
  const note = text(attribute['comment'])
  const origin = tags.get('source')
  return {
    kind,
    value: written,
    isHashed: checked.isHashed,
    source,
    ...(tlp === undefined ? {} : { tlp }),
    ...(confidence === undefined ? {} : { confidence }),
    ...(firstSeen === undefined ? {} : { firstSeen }),
    ...(lastSeen === undefined ? {} : { lastSeen }),
    ...(note === undefined && origin === undefined
      ? {}
      : { note: [note, origin === undefined ? undefined : `their source: ${origin}`].filter(Boolean).join('; ') }),
    path,
  }
}

function kindOf(type: string, tags: ReadonlyMap<string, string>): SharedIndicatorKind | undefined {
  // Own keys only: a type named "constructor" or "__proto__" must not find Object's.
  const byType = Object.hasOwn(mispTypeKinds, type) ? mispTypeKinds[type] : undefined
  if (byType !== undefined) return byType
  if (type !== 'text') return undefined
  const tagged = tags.get('keyed-hash') ?? tags.get('kind')
  return watchlistIndicatorKinds.find((kind) => kind === tagged)
}

/** `hirewall:name="value"` tags as a map of name → value. */
function hirewallTags(tags: unknown): ReadonlyMap<string, string> {
  const found = new Map<string, string>()
  for (const name of tagNames(tags)) {
    const match = tagPattern.exec(name)
    if (match?.[1] === hirewallTagNamespace && match[2] !== undefined) found.set(match[2], match[3] ?? '')
  }
  return found
}

function tlpOfTags(tags: unknown): TlpLevel | undefined {
  let level: TlpLevel | undefined
  for (const name of tagNames(tags)) {
    if (!/^tlp:/i.test(name)) continue
    const found = readTlpLevel(name)
    if (found !== undefined) level = level === undefined ? found : stricterTlp(level, found)
  }
  return level
}

function tagNames(tags: unknown): readonly string[] {
  if (!Array.isArray(tags)) return []
  return tags.flatMap((tag: unknown) => (isRecord(tag) && typeof tag['name'] === 'string' ? [tag['name']] : []))
}

function at(prefix: string, path: string): string {
  return prefix === '' ? path : `${prefix}.${path}`
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value : undefined
}
