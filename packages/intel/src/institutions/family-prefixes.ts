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
