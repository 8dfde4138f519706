/**
 * Spellings of one name in different romanisation systems, folded to one form per group. Lists write a name the way
 * its source transliterated it (OFAC's `MUHAMMAD`, a CV's `Mohamed`; the UN's `RI Yong Ho`, a South Korean `Lee
 * Young-ho`; `Yevgeniy` and `Evgeny`), and an applicant rarely uses the list's system. The first entry of each group
 * is its folded form.
 */
const variantGroups: readonly (readonly string[])[] = [
  // Arabic given names and their common Latin spellings.
  [
    'muhamad',
    'muhammad',
    'mohammed',
    'mohammad',
    'muhammed',
    'mohamed',
    'mohamad',
    'muhamed',
    'mohamud',
    'mohammod',
    'mohd',
    'muhammet',
    'mehmet',
    'mehmed',
    'mahomed',
    'mahomet',
    'mouhamed',
    'mouhammad',
    'mohamet',
    'mohummad',
    'mohmmad',
    'mukhammad',
    'magomed',
  ],
  ['ahmad', 'ahmed', 'ahmet', 'achmed', 'akhmed', 'akhmad', 'ahmadu'],
  ['husain', 'hussein', 'husein', 'hussain', 'husayn', 'hossein', 'hosein', 'houssein', 'hussien', 'hussin', 'husseyn'],
  ['hasan', 'hassan', 'hasen', 'hassen', 'hasaan'],
  ['usama', 'osama', 'ousama', 'oussama', 'usamah', 'osamah'],
  ['umar', 'omar', 'omer', 'oumar'],
  ['usman', 'uthman', 'othman', 'osman', 'ousman', 'othmane', 'usmon'],
  ['yusuf', 'yousef', 'yusef', 'youssef', 'yousif', 'yousuf', 'yussuf', 'youssouf', 'yosef', 'yusif'],
  ['ibrahim', 'ebrahim', 'ibraheem', 'ibrahem', 'ebraheem', 'ibragim'],
  ['khalid', 'khaled', 'khaleed', 'halid'],
  ['mahmud', 'mahmoud', 'mahmood', 'mehmood', 'makhmud'],
  ['mustafa', 'mustapha', 'moustafa', 'mostafa', 'moustapha', 'mustafah'],
  ['abu', 'abou'],
  ['jamal', 'gamal', 'djamel', 'jamel', 'djamal'],
  ['faisal', 'faysal', 'feisal', 'faysel', 'faycal'],
  ['zubair', 'zubayr', 'zubeir', 'zoubair', 'zubeyr'],
  ['jafar', 'jaafar', 'jaffar', 'djafar'],
  ['said', 'saeed', 'saied', 'sayeed', 'saeid'],
  ['sayid', 'sayyid', 'sayed', 'seyed', 'syed', 'sayyed', 'seyyed'],
  ['nasir', 'nasser', 'naser', 'nassir', 'nacer'],
  ['rahman', 'rehman', 'rahmane'],
  ['rahim', 'raheem'],
  ['karim', 'kareem'],
  ['salim', 'saleem', 'selim'],
  ['hakim', 'hakeem'],
  ['hamid', 'hameed'],
  ['majid', 'majeed', 'magid', 'maged', 'madjid'],
  ['rashid', 'rasheed', 'rachid', 'rashed'],
  ['sharif', 'shareef', 'cherif', 'sherif'],
  ['kadir', 'qadir', 'qader', 'kader', 'qadeer', 'kadyr'],
  ['haidar', 'haider', 'hayder', 'heidar', 'haydar'],
  ['musa', 'moussa', 'mousa', 'moosa'],
  ['isa', 'issa', 'eissa'],
  ['yahya', 'yahia', 'yehia', 'yahiya'],
  ['zakaria', 'zakariya', 'zakariyya', 'zakariah', 'zakariyah'],
  ['ismail', 'ismael', 'esmail', 'ismaeel', 'ismoil'],
  ['allah', 'ullah', 'ollah', 'illah', 'alla', 'ulla', 'lah', 'llah', 'lla', 'lahi', 'llahi', 'ullahi', 'allahi'],
  ['abd', 'abdul', 'abdel', 'abdal', 'abdol', 'abdoul', 'abdu', 'abdou', 'abdur'],
  // Russian given names: the Cyrillic letter by letter (BGN, ISO 9, passport systems) and English forms.
  ['aleksandr', 'alexandr', 'alexander', 'aleksander', 'alexandre'],
  ['aleksei', 'alexei', 'alexey', 'aleksey', 'alexej', 'aleksej', 'alexeï'],
  ['sergei', 'sergey', 'serguei', 'sergej', 'sergii', 'sergiy'],
  ['andrei', 'andrey', 'andrej', 'andrii', 'andriy'],
  ['nikolai', 'nikolay', 'nicolai', 'nikolaj', 'mykola'],
  ['yuri', 'yury', 'yuriy', 'iurii', 'yurii', 'jurij', 'juri', 'iouri', 'yurij'],
  ['dmitri', 'dmitry', 'dmitriy', 'dmitrii', 'dmitrij', 'dmytro'],
  ['evgeni', 'yevgeny', 'yevgeniy', 'evgeny', 'evgeniy', 'evgenii', 'evgenij', 'yevgenii', 'ievgen', 'yevhen'],
  ['mikhail', 'michail', 'mihail', 'mikhael'],
  ['pyotr', 'petr', 'piotr'],
  ['fedor', 'fyodor', 'feodor', 'fiodor'],
  ['natalia', 'natalya', 'nataliya', 'natalja'],
  ['ilya', 'ilia', 'ilja', 'ilyas'],
  ['viktor', 'victor'],
  ['konstantin', 'constantin', 'kostiantyn'],
  ['vyacheslav', 'viacheslav', 'vjaceslav'],
  ['oleksandr', 'olexandr'],
  // Korean surnames and syllables: the DPRK system of the UN and OFAC lists first, then South Korean spellings.
  ['kim', 'gim', 'kimm'],
  ['ri', 'lee', 'yi', 'rhee', 'rhie', 'ree', 'rie', 'li', 'lie', 'rhi'],
  ['pak', 'park', 'bak', 'bag', 'pack'],
  ['choe', 'choi', 'choy', 'chey'],
  ['jong', 'jeong', 'jung', 'chung', 'cheong', 'chong', 'joung'],
  ['un', 'eun', 'oun'],
  ['rim', 'lim', 'im', 'yim'],
  ['o', 'oh'],
  ['so', 'seo', 'suh'],
  ['sin', 'shin'],
  ['ryu', 'yoo', 'yu', 'ryoo', 'rew', 'liu'],
  ['ro', 'roh', 'noh', 'no', 'rho'],
  ['hyon', 'hyun', 'hyeon', 'hyoun'],
  ['kyong', 'kyung', 'gyeong', 'kyeong', 'gyung'],
  ['chol', 'chul', 'cheol', 'choul'],
  ['song', 'sung', 'seong', 'soung'],
  ['yong', 'young', 'yeong', 'yung'],
  ['myong', 'myung', 'myeong'],
  ['ryong', 'ryung', 'ryeong', 'lyong', 'lyeong'],
  ['sok', 'seok', 'suk', 'sook'],
  ['hyok', 'hyuk', 'hyeok', 'hyouk'],
  ['tok', 'deok', 'duk', 'dok', 'teok', 'tuk'],
  ['hui', 'hee', 'heui', 'hi'],
  ['tae', 'thae', 'dae'],
  ['ju', 'joo', 'chu', 'choo'],
  ['u', 'woo', 'wu'],
  ['yun', 'yoon', 'youn'],
  ['jon', 'jeon', 'chon', 'chun', 'cheon'],
  ['mun', 'moon', 'moun'],
  ['pae', 'bae'],
  ['paek', 'baek', 'paik', 'baik'],
  ['ho', 'heo', 'hur', 'huh'],
  ['kang', 'gang'],
  ['ko', 'go', 'koh'],
  ['ku', 'gu', 'koo', 'goo'],
  ['kwon', 'gwon', 'kwun'],
  ['kwang', 'gwang'],
  ['kum', 'geum', 'keum', 'kuem'],
  ['kil', 'gil'],
  ['pyong', 'byeong', 'byung', 'byong'],
  ['chae', 'chai'],
  ['jang', 'chang'],
  ['jin', 'chin'],
  ['jo', 'cho'],
  ['ji', 'chi'],
  ['om', 'eom', 'uhm'],
  ['ryom', 'yeom', 'yom'],
  ['pyon', 'byeon', 'byun'],
]

const foldedForm = new Map<string, string>()
for (const group of variantGroups) {
  const folded = group[0] ?? ''
  for (const spelling of group) foldedForm.set(spelling, folded)
}

/** Spelling rules that hold across many names; applied after the variant groups, so both sides fold alike. */
function foldSpelling(token: string): string {
  let folded = token
  if (folded.length > 3) folded = folded.replace(/^ye(?=[bcdfgklmnprstvz])/, 'e')
  if (folded.length > 2) {
    folded = folded
      .replace(/(iy|yy|ii|ij|yi)$/, 'i')
      .replace(/([bcdfgklmnprstvz])y$/, '$1i')
      .replace(/([aeo])y$/, '$1i')
      .replace(/iya$/, 'ia')
      .replace(/([aeiou])ye/g, '$1e')
  }
  return folded
    .replace(/dzh|dj/g, 'j')
    .replace(/ph/g, 'f')
    .replace(/ks/g, 'x')
    .replace(/ou/g, 'u')
    .replace(/ee/g, 'i')
    .replace(/oo/g, 'u')
    .replace(/q/g, 'k')
    .replace(/(.)\1+/g, '$1')
}

/**
 * The folded form of one lower-case ASCII name token: its variant group's form when it has one, else the token with
 * the cross-system spelling rules applied (`dmitriy` → `dmitri`, `mahmoud` → `mahmud`, `hassan` → `hasan`). Two
 * spellings of one name fold to the same string; the scorer counts that as a near-exact match.
 */
export function foldRomanisation(token: string): string {
  const grouped = foldedForm.get(token)
  if (grouped !== undefined) return grouped
  let folded = spellingCache.get(token)
  if (folded === undefined) {
    const spelled = foldSpelling(token)
    folded = foldedForm.get(spelled) ?? spelled
    // Bounded: emptied when full, so screening a long batch never grows it.
    if (spellingCache.size >= spellingCacheLimit) spellingCache.clear()
    spellingCache.set(token, folded)
  }
  return folded
}

// Name words repeat (the lists hold tens of thousands of names with a few thousand distinct words).
const spellingCache = new Map<string, string>()
const spellingCacheLimit = 200_000

/**
 * A word read as two name parts written together (`gwangyon` → `kwang` + `yon`, `jungeun` → `jong` + `un`): each
 * way of cutting it, both parts folded, for parts of at least two letters.
 */
export function foldedHalves(word: string): readonly (readonly [first: string, second: string])[] {
  let halves = halvesCache.get(word)
  if (halves === undefined) {
    const cuts: (readonly [string, string])[] = []
    for (let cut = 2; cut <= word.length - 2; cut += 1) {
      cuts.push([foldRomanisation(word.slice(0, cut)), foldRomanisation(word.slice(cut))])
    }
    halves = cuts
    if (halvesCache.size >= halvesCacheLimit) halvesCache.clear()
    halvesCache.set(word, halves)
  }
  return halves
}

const halvesCache = new Map<string, readonly (readonly [string, string])[]>()
const halvesCacheLimit = 20_000
