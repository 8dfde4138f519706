import type { IntelSourceDefinition } from '../source/intel-source.js'
import { parseWatchlistCsv } from './parse-watchlist-csv.js'

/** The source definitions of the organisation's watchlists. */
export const watchlistSources: readonly IntelSourceDefinition[] = [
  {
    kind: 'watchlist',
    title: 'Watchlist of known-bad indicators',
    publisher: 'your organisation',
    licence: "the organisation's own data",
    downloads: [],
    importHelp:
      'One or more CSV files with the header kind,value,severity,note (severity and note optional); kind is phone, email, domain, address, handle, ip or cv-sha256. See docs/intel/watchlists.md.',
    isNamedList: true,
    parse: parseWatchlistCsv,
  },
]
