import { boundedLevenshtein } from './bounded-levenshtein.js'

/**
 * Legal forms of organisations, as lower-case ASCII token sequences, each folded to one code: "Limited Liability
 * Company", "L.L.C." and "LLC" are `llc`; "Общество с ограниченной ответственностью" (transliterated) and "OOO" are
 * `ooo`. A legal form says little about who an organisation is, so it counts little in a match.
 */
const legalFormGroups: readonly (readonly [code: string, spellings: readonly string[]])[] = [
  ['llc', ['llc', 'l l c', 'limited liability company', 'limited liability co', 'fz llc', 'fzllc']],
  ['llp', ['llp', 'l l p', 'limited liability partnership']],
  ['lp', ['lp', 'l p', 'limited partnership']],
  ['ltd', ['ltd', 'limited', 'co ltd', 'company limited', 'pvt ltd', 'private limited', 'pte ltd', 'pty ltd', 'pte']],
  ['plc', ['plc', 'p l c', 'public limited company']],
  ['inc', ['inc', 'incorporated']],
  ['corp', ['corp', 'corporation']],
  ['co', ['co', 'company', 'cie', 'compagnie', 'compania', 'companhia']],
  ['gmbh', ['gmbh', 'gesellschaft mit beschrankter haftung']],
  ['ag', ['ag', 'aktiengesellschaft']],
  ['kg', ['kg', 'kommanditgesellschaft']],
  ['sa', ['sa', 's a', 'sociedad anonima', 'societe anonyme', 'sae', 'sal', 'sak']],
  ['sas', ['sas', 's a s']],
  ['sarl', ['sarl', 's a r l', 'societe a responsabilite limitee']],
  ['srl', ['srl', 's r l', 'sociedad de responsabilidad limitada', 'societa a responsabilita limitata']],
  ['sadecv', ['s a de c v', 'sa de cv', 'de cv', 'sapi de cv', 's de rl de cv', 's de r l de c v']],
  ['spa', ['spa', 's p a', 'societa per azioni']],
  ['bv', ['bv', 'b v', 'besloten vennootschap']],
  ['nv', ['nv', 'n v', 'naamloze vennootschap']],
  ['ltda', ['ltda', 'lda']],
  ['oy', ['oy', 'oyj']],
  ['ab', ['ab']],
  ['as', ['as', 'asa', 'aps', 'a s']],
  ['kft', ['kft', 'zrt', 'nyrt']],
  ['doo', ['doo', 'd o o']],
  [
    'ooo',
    [
      'ooo',
      'obshchestvo s ogranichennoy otvetstvennostyu',
      'obshchestvo s ogranichennoi otvetstvennostyu',
      'obshchestvo s ogranichennoi otvetstvennostiu',
      'obshestvo s ogranichennoy otvetstvennostyu',
      'tov',
      'too',
    ],
  ],
  // Russian joint-stock forms and their English names are one form each (OAO is an open joint-stock company).
  [
    'jsc',
    [
      'jsc',
      'j s c',
      'joint stock company',
      'joint stock co',
      'jointstock company',
      'ao',
      'aktsionernoe obshchestvo',
      'aktsionernoye obshchestvo',
      'aktsionernoe obshestvo',
    ],
  ],
  ['ojsc', ['ojsc', 'open joint stock company', 'open jointstock company', 'oao', 'otkrytoe aktsionernoe obshchestvo']],
  [
    'cjsc',
    ['cjsc', 'closed joint stock company', 'closed jointstock company', 'zao', 'zakrytoe aktsionernoe obshchestvo'],
  ],
  [
    'pjsc',
    ['pjsc', 'public joint stock company', 'public jointstock company', 'pao', 'publichnoe aktsionernoe obshchestvo'],
  ],
  ['bhd', ['bhd', 'sdn bhd', 'berhad', 'sendirian berhad']],
  ['pt', ['pt', 'tbk', 'pt tbk']],
  ['fze', ['fze', 'fzco', 'fzc', 'fzle', 'free zone establishment', 'free zone company']],
  ['wll', ['wll', 'w l l', 'spc']],
  ['kk', ['kk', 'kabushiki kaisha', 'yugen kaisha', 'godo kaisha']],
]

/** Legal-form spellings as token lists, keyed by their first token, longest first. */
const legalFormsByFirstToken = new Map<string, LegalFormSpelling[]>()
for (const [code, spellings] of legalFormGroups) {
  for (const spelling of spellings) {
    const tokens = spelling.split(' ')
    const first = tokens[0] ?? ''
    const forms = legalFormsByFirstToken.get(first) ?? []
    forms.push({ tokens, code })
    forms.sort((left, right) => right.tokens.length - left.tokens.length)
    legalFormsByFirstToken.set(first, forms)
  }
}

/**
 * The legal form spelled by the tokens from `start` on, as its code and the number of tokens it takes, or undefined.
 * The longest spelling wins ("limited liability company" before "limited").
 */
export function legalFormAt(
  tokens: readonly string[],
  start: number,
): { readonly code: string; readonly length: number } | undefined {
  const word = tokens[start] ?? ''
  // Longest first, each word as spelled or (when long) with one slip: "Limited Liability Compnay", "Limted".
  for (const form of formsStartingLike(word)) {
    if (form.tokens.every((token, offset) => isSameOrSlip(token, tokens[start + offset] ?? ''))) {
      return { code: form.code, length: form.tokens.length }
    }
  }
  return undefined
}

/** Spellings whose first word may be `word`: one slip keeps either its first or its last letter. */
function formsStartingLike(word: string): readonly LegalFormSpelling[] {
  const exact = legalFormsByFirstToken.get(word) ?? []
  if (word.length < misspeltLength) return exact
  const byFirst = formsByFirstLetter.get(word[0] ?? '') ?? []
  const byLast = formsByLastLetter.get(word[word.length - 1] ?? '') ?? []
  return [...new Set([...exact, ...byFirst, ...byLast])].sort((left, right) => right.tokens.length - left.tokens.length)
}

function isSameOrSlip(expected: string, written: string): boolean {
  if (expected === written) return true
  if (expected.length < misspeltLength || Math.abs(expected.length - written.length) > 1) return false
  if (expected[0] !== written[0] && expected[expected.length - 1] !== written[written.length - 1]) return false
  return boundedLevenshtein(expected, written, 1) <= 1
}

const misspeltLength = 5
type LegalFormSpelling = { readonly tokens: readonly string[]; readonly code: string }

const formsByFirstLetter = new Map<string, LegalFormSpelling[]>()
const formsByLastLetter = new Map<string, LegalFormSpelling[]>()
for (const form of [...legalFormsByFirstToken.values()].flat()) {
  const first = form.tokens[0] ?? ''
  if (first.length < misspeltLength) continue
  for (const [map, letter] of [
    [formsByFirstLetter, first[0] ?? ''],
    [formsByLastLetter, first[first.length - 1] ?? ''],
  ] as const) {
    map.set(letter, [...(map.get(letter) ?? []), form])
  }
}
