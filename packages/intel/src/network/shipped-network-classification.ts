import { readFileSync } from 'node:fs'
import type { LoadedList } from '../source/intel-source.js'
import type { NetworkRange } from './network-range.js'
import { parseNetworkClassification } from './parse-network-classification.js'

/** The name signals cite for the classification that ships with HireWall. */
export const shippedNetworkClassificationName = 'hirewall network classification'

// The same relative path from src/network and dist/network: the package's data/ folder (in package.json "files").
const shippedFile = new URL('../../data/network-classification.csv', import.meta.url)
const packageFile = new URL('../../package.json', import.meta.url)

let loaded: LoadedList<NetworkRange> | undefined

/**
 * The network classification that ships with HireWall (`data/network-classification.csv`: cloud and hosting ASNs and
 * consumer VPN operators' own networks, each row citing its source). Read once per process; its version is the file's
 * `# version:` line, else the package version. A shipped file that does not parse is a packaging bug, so this throws.
 */
export function loadShippedNetworkClassification(): LoadedList<NetworkRange> {
  if (loaded) return loaded
  const text = readFileSync(shippedFile, 'utf8')
  const parsed = parseNetworkClassification(
    [{ name: 'network-classification.csv', text }],
    shippedNetworkClassificationName,
  )
  if (parsed.status !== 'ok' || parsed.skipped.length > 0) {
    const issues = parsed.status === 'ok' ? parsed.skipped : parsed.issues
    throw new Error(`The shipped network classification is broken: ${JSON.stringify(issues.slice(0, 3))}`)
  }
  if (parsed.data.area !== 'network') throw new Error('The shipped network classification is not network data')
  const version = parsed.version ?? packageVersion()
  loaded = {
    source: { name: shippedNetworkClassificationName, version, entries: parsed.entries },
    items: parsed.data.ranges,
  }
  return loaded
}

function packageVersion(): string {
  const manifest = JSON.parse(readFileSync(packageFile, 'utf8')) as { version?: unknown }
  return typeof manifest.version === 'string' ? manifest.version : 'unknown'
}
