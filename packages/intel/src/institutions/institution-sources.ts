import type { IntelSourceDefinition } from '../source/intel-source.js'
import { parseHighRiskList } from './parse-high-risk-list.js'
import { parseIpedsDirectory } from './parse-ipeds-directory.js'
import { parseWorldUniversities, worldUniversitiesFileName } from './parse-world-universities.js'

/** The IPEDS directory year `intel update` fetches; NCES publishes one HD file a year, final about two years later. */
export const ipedsDirectoryYear = 2023

/** The source definitions of institution lists (world universities, IPEDS, high-risk lists). */
export const institutionSources: readonly IntelSourceDefinition[] = [
  {
    kind: 'world-universities',
    title: 'World universities and their domains (Hipo university-domains-list)',
    publisher: 'Hipo Labs and contributors',
    licence: 'MIT',
    downloads: [
      {
        name: worldUniversitiesFileName,
        url: 'https://raw.githubusercontent.com/Hipo/university-domains-list/master/world_universities_and_domains.json',
      },
    ],
    importHelp: `${worldUniversitiesFileName}: a JSON array of { name, country, alpha_two_code, domains, web_pages, state-province }`,
    isNamedList: false,
    parse: parseWorldUniversities,
  },
  {
    kind: 'ipeds',
    title: 'US postsecondary institutions (IPEDS institutional characteristics directory, HD file)',
    publisher: 'US Department of Education, National Center for Education Statistics',
    licence: 'US Government work, public domain',
    downloads: [
      {
        name: `hd${ipedsDirectoryYear}.csv`,
        url: `https://nces.ed.gov/ipeds/datacenter/data/HD${ipedsDirectoryYear}.zip`,
        zipMember: `hd${ipedsDirectoryYear}.csv`,
      },
    ],
    importHelp:
      'hdYYYY.csv from the IPEDS HDYYYY.zip (CSV with UNITID, INSTNM, IALIAS, STABBR, WEBADDR, HLOFFER, PSET4FLG)',
    isNamedList: false,
    parse: parseIpedsDirectory,
  },
  {
    kind: 'high-risk-institutions',
    title: "The organisation's high-risk and diploma-mill institution list",
    publisher: 'your organisation',
    licence: 'your own',
    downloads: [],
    importHelp:
      'CSV with a header name,country,domains,reason (country ISO code or name, optional; domains separated by ;)',
    isNamedList: true,
    parse: parseHighRiskList,
  },
]
