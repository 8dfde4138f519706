import type { IntelSourceDefinition } from '../source/intel-source.js'
import { ofacCsvFileNames, parseOfacCsvList } from './ofac-csv-list.js'
import { openSanctionsFileName, parseOpenSanctionsEntities } from './opensanctions-entities.js'
import { parseUnConsolidatedList, unConsolidatedFileName } from './un-consolidated-list.js'

// OFAC's Sanctions List Service; the old www.treasury.gov/ofac/downloads addresses redirect here.
const ofacExports = 'https://sanctionslistservice.ofac.treas.gov/api/PublicationPreview/exports'
const ofacLicence = 'Public domain (a work of the US Government); no licence needed.'

/** The source definitions of sanctions lists (OFAC SDN, OFAC consolidated, UN consolidated, OpenSanctions). */
export const sanctionsSources: readonly IntelSourceDefinition[] = [
  {
    kind: 'ofac-sdn',
    title: 'OFAC Specially Designated Nationals and Blocked Persons (SDN) list',
    publisher: 'US Treasury, Office of Foreign Assets Control',
    licence: ofacLicence,
    downloads: [
      { name: ofacCsvFileNames['ofac-sdn'].primary, url: `${ofacExports}/SDN.CSV` },
      { name: ofacCsvFileNames['ofac-sdn'].aliases, url: `${ofacExports}/ALT.CSV` },
      { name: ofacCsvFileNames['ofac-sdn'].addresses, url: `${ofacExports}/ADD.CSV`, isOptional: true },
      { name: ofacCsvFileNames['ofac-sdn'].comments, url: `${ofacExports}/SDN_COMMENTS.CSV`, isOptional: true },
    ],
    importHelp:
      "OFAC's legacy CSV files: sdn.csv and alt.csv, with add.csv and sdn_comments.csv when you have them (names as OFAC publishes them, any case).",
    isNamedList: false,
    parse: (files) => parseOfacCsvList(files, 'ofac-sdn'),
  },
  {
    kind: 'ofac-consolidated',
    title: 'OFAC Consolidated Sanctions List (the non-SDN lists, such as SSI, NS-PLC and NS-CMIC)',
    publisher: 'US Treasury, Office of Foreign Assets Control',
    licence: ofacLicence,
    downloads: [
      { name: ofacCsvFileNames['ofac-consolidated'].primary, url: `${ofacExports}/CONS_PRIM.CSV` },
      { name: ofacCsvFileNames['ofac-consolidated'].aliases, url: `${ofacExports}/CONS_ALT.CSV` },
      { name: ofacCsvFileNames['ofac-consolidated'].addresses, url: `${ofacExports}/CONS_ADD.CSV`, isOptional: true },
      {
        name: ofacCsvFileNames['ofac-consolidated'].comments,
        url: `${ofacExports}/CONS_COMMENTS.CSV`,
        isOptional: true,
      },
    ],
    importHelp:
      "OFAC's consolidated list CSV files: cons_prim.csv and cons_alt.csv, with cons_add.csv and cons_comments.csv when you have them.",
    isNamedList: false,
    parse: (files) => parseOfacCsvList(files, 'ofac-consolidated'),
  },
  {
    kind: 'un-consolidated',
    title: 'United Nations Security Council Consolidated List',
    publisher: 'United Nations Security Council',
    licence: 'Public information published by the United Nations for use in implementing sanctions; no licence needed.',
    downloads: [{ name: unConsolidatedFileName, url: 'https://scsanctions.un.org/resources/xml/en/consolidated.xml' }],
    importHelp: 'The UN Security Council consolidated list as XML, saved as consolidated.xml.',
    isNamedList: false,
    parse: parseUnConsolidatedList,
  },
  {
    kind: 'opensanctions',
    title: 'OpenSanctions consolidated sanctions dataset (FollowTheMoney entities)',
    publisher: 'OpenSanctions',
    licence:
      'CC BY-NC 4.0: free for non-commercial use with attribution; commercial use needs a licence from OpenSanctions (opensanctions.org/licensing).',
    downloads: [
      {
        name: openSanctionsFileName,
        url: 'https://data.opensanctions.org/datasets/latest/sanctions/entities.ftm.json',
      },
    ],
    importHelp:
      'An OpenSanctions dataset export in FollowTheMoney JSON lines, saved as entities.ftm.json (commercial use needs their licence).',
    isNamedList: false,
    parse: parseOpenSanctionsEntities,
  },
]
