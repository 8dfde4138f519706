/**
 * Short names people write for well-known schools that their initials do not give (`LSE`, `ETH`, `Caltech`), or
 * give ambiguously (`USC`, `NTU`), keyed by the folded short name. Each points at a name as the lists write it, with
 * its country; a test checks that every one resolves in the real lists. Derived acronyms (MIT, UCLA, KAIST) need no
 * entry here.
 */
export const famousAcronyms: Readonly<Record<string, readonly (readonly [name: string, countryCode: string])[]>> = {
  mit: [['Massachusetts Institute of Technology', 'US']],
  caltech: [['California Institute of Technology', 'US']],
  ucla: [['University of California-Los Angeles', 'US']],
  usc: [['University of Southern California', 'US']],
  upenn: [['University of Pennsylvania', 'US']],
  penn: [['University of Pennsylvania', 'US']],
  umich: [['University of Michigan-Ann Arbor', 'US']],
  gatech: [['Georgia Institute of Technology-Main Campus', 'US']],
  'georgia tech': [['Georgia Institute of Technology-Main Campus', 'US']],
  'virginia tech': [['Virginia Polytechnic Institute and State University', 'US']],
  'penn state': [['Pennsylvania State University-Main Campus', 'US']],
  'cal poly': [['California Polytechnic State University-San Luis Obispo', 'US']],
  wustl: [['Washington University in St Louis', 'US']],
  uchicago: [['University of Chicago', 'US']],
  lse: [['London School of Economics and Political Science, University of London', 'GB']],
  oxford: [['University of Oxford', 'GB']],
  cambridge: [['University of Cambridge', 'GB']],
  eth: [['ETHZ - ETH Zurich', 'CH']],
  'eth zurich': [['ETHZ - ETH Zurich', 'CH']],
  epfl: [['EPFL - EPF Lausanne', 'CH']],
  kaist: [['Korea Advanced Institute of Science & Technology', 'KR']],
  postech: [['Pohang University of Science and Technology', 'KR']],
  ntu: [
    ['Nanyang Technological University', 'SG'],
    ['National Taiwan University', 'TW'],
  ],
  hku: [['The University of Hong Kong', 'HK']],
  tum: [['Technische Universität München', 'DE']],
  kth: [['KTH Royal Institute of Technology', 'SE']],
  uoft: [['University of Toronto', 'CA']],
  utoronto: [['University of Toronto', 'CA']],
}

/**
 * Prefixes people write for a family of schools, expanded before matching the rest of the name (`IIT Bombay` →
 * indian institute technology bombay, `UC Berkeley`, `SUNY Buffalo`). Only when more words follow.
 */
export const familyPrefixes: ReadonlyMap<string, string> = new Map(
  Object.entries({
    iit: 'indian institute technology',
    iiit: 'indian institute information technology',
    iim: 'indian institute management',
    nit: 'national institute technology',
    uc: 'university california',
    ut: 'university texas',
    suny: 'state university new york',
    cuny: 'city university new york',
    unc: 'university north carolina',
    tu: 'technical university',
  }),
)
