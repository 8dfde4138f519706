import { readFileSync } from 'node:fs'
import { parseForwardingAddresses, shippedForwardingName, type ForwardingAddresses } from './forwarding-addresses.js'
import type { ListFile } from './list-file.js'
import { parsePayoutInstitutions, shippedPayoutName, type PayoutInstitutions } from './payout-institutions.js'
import {
  parseRemoteAccessCatalogue,
  shippedCatalogueName,
  type RemoteAccessCatalogue,
} from './remote-access-catalogue.js'

// The same relative path from src/lists and dist/lists: the package's data/ folder (in package.json "files").
const dataFile = (name: string): URL => new URL(`../../data/${name}`, import.meta.url)

/** The lists that ship with HireWall, read once per process. This is the package's only file that reads from disk. */
export type ShippedLists = {
  readonly catalogue: RemoteAccessCatalogue
  readonly forwarding: ForwardingAddresses
  readonly payoutInstitutions: PayoutInstitutions
}

let loaded: ShippedLists | undefined

/** The shipped catalogue and lists; a shipped file that does not parse is a packaging bug, so this throws. */
export function loadShippedLists(): ShippedLists {
  loaded ??= {
    catalogue: shipped(parseRemoteAccessCatalogue(read('remote-access-catalogue.csv'), shippedCatalogueName)),
    forwarding: shipped(parseForwardingAddresses(read('forwarding-addresses.csv'), shippedForwardingName)),
    payoutInstitutions: shipped(parsePayoutInstitutions(read('payout-institutions.csv'), shippedPayoutName)),
  }
  return loaded
}

function read(name: string): string {
  return readFileSync(dataFile(name), 'utf8')
}

function shipped<Entry>(file: ListFile<Entry>): {
  source: { name: string; version: string; entries: number }
  entries: readonly Entry[]
} {
  if (file.status !== 'ok' || file.skipped.length > 0) {
    const issues = file.status === 'ok' ? file.skipped : file.issues
    throw new Error(`A list shipped with HireWall is broken: ${JSON.stringify(issues.slice(0, 3))}`)
  }
  return { source: file.source, entries: file.entries }
}
