// `npm run docs:signals`: rewrites docs/signals.md from the signal registry (after `npm run build`).
import { writeFileSync } from 'node:fs'
import { renderSignalCatalogue, signalDefinitions } from '@hirewall/core'

writeFileSync(new URL('../docs/signals.md', import.meta.url), renderSignalCatalogue(signalDefinitions))
console.log(`docs/signals.md: ${signalDefinitions.length} signals`)
