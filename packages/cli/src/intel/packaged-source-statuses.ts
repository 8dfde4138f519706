import { createRequire } from 'node:module'
import { packagedIntelStatuses, packageSourceStatus, type IntelSourceStatus } from '@hirewall/intel'
import { packagedReferenceData } from '../reference/packaged-reference-data.js'

const require = createRequire(import.meta.url)

/**
 * The sources that ship inside npm packages (updated with `npm update`), as `intel status` lists them: the email
 * domain lists the CLI loads and the intel package's own.
 */
export function packagedSourceStatuses(): readonly IntelSourceStatus[] {
  const entries = (name: string): number =>
    packagedReferenceData().sources.find((source) => source.name === name)?.entries ?? 0
  return [
    packageSourceStatus({
      packageName: 'mailchecker',
      name: 'mailchecker disposable domains',
      dataFiles: ['platform/node/index.js'],
      entries: entries('mailchecker disposable domains'),
      resolve: require.resolve,
    }),
    packageSourceStatus({
      packageName: 'freemail',
      name: 'freemail free domains',
      dataFiles: ['data/free.txt'],
      entries: entries('freemail free domains'),
      resolve: require.resolve,
    }),
    ...packagedIntelStatuses(),
  ]
}
