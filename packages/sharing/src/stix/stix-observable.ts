import { assertNever } from '@hirewall/core'
import type { ExportedIndicator } from '../plan-export.js'
import { observableId, producedId } from './stix-identifier.js'

/** Custom observable types HireWall declares with STIX 2.1 extension definitions (`new-sco`). */
export const customObservableTypes = {
  phone: 'x-hirewall-phone-number',
  address: 'x-hirewall-postal-address',
  keyedHash: 'x-hirewall-keyed-hash',
} as const
export type CustomObservableType = (typeof customObservableTypes)[keyof typeof customObservableTypes]

/** The id of the extension definition that declares a custom observable type: the same in every HireWall export. */
export function extensionDefinitionId(type: CustomObservableType): string {
  return producedId('extension-definition', type)
}

/** One indicator's observable and the STIX pattern that matches it. */
export type StixObservable = {
  readonly object: Readonly<Record<string, unknown>> & { readonly type: string; readonly id: string }
  readonly pattern: string
  readonly customType?: CustomObservableType
}

/**
 * The observable (SCO) of an exported indicator, its id deterministic from the properties STIX 2.1 names as
 * id-contributing, and the pattern an indicator uses for it. Phones and postal addresses have no STIX observable:
 * they are declared custom observables (a pattern can only name observables, and the identity contact-information
 * extension would file the phone under a person, which is exactly what a fraud ring's burner phone is not).
 */
export function stixObservable(exported: ExportedIndicator, keyFingerprint?: string): StixObservable {
  const { kind, sharedValue } = exported
  if (exported.isHashed) {
    const type = customObservableTypes.keyedHash
    const contributing = { indicator_kind: kind, value: sharedValue }
    return {
      object: {
        ...scoHeader(type, contributing),
        ...contributing,
        ...(keyFingerprint === undefined ? {} : { key_fingerprint: keyFingerprint }),
        extensions: { [extensionDefinitionId(type)]: { extension_type: 'new-sco' } },
      },
      pattern: `[${type}:indicator_kind = ${literal(kind)} AND ${type}:value = ${literal(sharedValue)}]`,
      customType: type,
    }
  }
  switch (kind) {
    case 'email':
      return plain('email-addr', sharedValue)
    case 'domain':
      return plain('domain-name', sharedValue)
    case 'ip':
      return plain(sharedValue.includes(':') ? 'ipv6-addr' : 'ipv4-addr', sharedValue)
    case 'phone':
      return custom(customObservableTypes.phone, sharedValue)
    case 'address':
      return custom(customObservableTypes.address, sharedValue)
    case 'handle': {
      const colon = sharedValue.indexOf(':')
      const contributing = { account_type: sharedValue.slice(0, colon), account_login: sharedValue.slice(colon + 1) }
      return {
        object: { ...scoHeader('user-account', contributing), ...contributing },
        pattern: `[user-account:account_type = ${literal(contributing.account_type)} AND user-account:account_login = ${literal(contributing.account_login)}]`,
      }
    }
    case 'cv-sha256': {
      const contributing = { hashes: { 'SHA-256': sharedValue } }
      return {
        object: { ...scoHeader('file', contributing), ...contributing },
        pattern: `[file:hashes.'SHA-256' = ${literal(sharedValue)}]`,
      }
    }
    default:
      return assertNever(kind)
  }
}

function plain(type: string, value: string): StixObservable {
  return { object: { ...scoHeader(type, { value }), value }, pattern: `[${type}:value = ${literal(value)}]` }
}

function custom(type: CustomObservableType, value: string): StixObservable {
  return {
    object: {
      ...scoHeader(type, { value }),
      value,
      extensions: { [extensionDefinitionId(type)]: { extension_type: 'new-sco' } },
    },
    pattern: `[${type}:value = ${literal(value)}]`,
    customType: type,
  }
}

function scoHeader(
  type: string,
  contributing: Readonly<Record<string, unknown>>,
): { readonly type: string; readonly spec_version: string; readonly id: string } {
  return { type, spec_version: '2.1', id: observableId(type, contributing) }
}

/** A STIX pattern string literal: quoted, with `\` and `'` escaped (STIX 2.1 patterning §9.3). */
export function literal(value: string): string {
  return `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`
}
