import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { createEmailDomainReference, type ReferenceData } from '@hirewall/core'

// Lists that ship inside npm packages, read once per process; nothing is downloaded at install or run time:
// mailchecker's disposable-domain list and the free-mail list of `freemail` (willwhite/freemail, data/free.txt).
const require = createRequire(import.meta.url)

let loaded: ReferenceData | undefined

/** The reference data the CLI screens with by default. */
export function packagedReferenceData(): ReferenceData {
  loaded ??= load()
  return loaded
}

function load(): ReferenceData {
  const mailchecker = require('mailchecker') as { blacklist: () => ReadonlySet<string> }
  const freeText = readFileSync(require.resolve('freemail/data/free.txt'), 'utf8')
  const version = (name: string): string => (require(`${name}/package.json`) as { version: string }).version
  const disposable = mailchecker.blacklist()
  const free = freeText.split('\n')
  return createEmailDomainReference({
    disposable,
    free,
    sources: [
      { name: 'mailchecker disposable domains', version: version('mailchecker'), entries: disposable.size },
      { name: 'freemail free domains', version: version('freemail'), entries: free.filter(Boolean).length },
    ],
  })
}
