/** Canonical words that say what kind of school a name is: a query naming one kind fits a name of another poorly. */
export const typeWords: ReadonlySet<string> = new Set(
  'university college institute polytechnic academy school seminary conservatory'.split(' '),
)

/** Words naming a unit within a school (`Harvard Business School`, `Stanford Graduate School of Business`). */
export const unitWords: ReadonlySet<string> = new Set(
  'school faculty department graduate campus division extension center program programme honors honours continuing executive evening online'.split(
    ' ',
  ),
)

/**
 * Words that tell two schools of one place apart: a subject (`Kyoto University of Education`, `Istanbul Technical
 * University`) or a qualifier (`University of Northern British Columbia`, `Columbus State University`). A name that
 * has one the query lacks, or the other way round, is probably another school.
 */
export const distinguishingWords: ReadonlySet<string> = new Set(
  [
    'business law medicine medical engineering management education nursing dental dentistry pharmacy technical',
    'technology technological science art arts music agriculture agricultural economics economic health international',
    'study foreign language languages teacher teachers normal theology theological design fine maritime veterinary',
    'forestry mining sport sports physical military police aviation pedagogical pedagogic humanities social commerce',
    'finance open distance virtual applied polytechnic northern southern eastern western north south east west',
    'central upper lower new american state national federal royal catholic christian islamic metropolitan community',
    'women',
  ]
    .join(' ')
    .split(' '),
)

/** Words that often name the same thing in two schools' names (`Politechnika Gdańska`, `Technical University of Gdansk`). */
export const relatedWords: ReadonlyMap<string, readonly string[]> = new Map([
  ['polytechnic', ['technical', 'technology']],
  ['technical', ['polytechnic', 'technology']],
  ['technology', ['polytechnic', 'technical']],
])
