// Query variants of listed names for the sanctions evaluation, generated deterministically from a seed. The spelling
// tables here are written independently of the matcher's (they are what applicants and other lists write), and the
// random changes (vowels, typing slips, order, punctuation) are not tables at all.

/** A seeded pseudo-random generator (mulberry32): the same seed gives the same variants on every machine. */
export function seededRandom(seed) {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let value = state
    value = Math.imul(value ^ (value >>> 15), value | 1)
    value ^= value + Math.imul(value ^ (value >>> 7), value | 61)
    return ((value ^ (value >>> 14)) >>> 0) / 4294967296
  }
}

const pick = (random, items) => items[Math.floor(random() * items.length)]

/** Name words as a list writes them: "KIM, Jong Un" → ["KIM", "Jong", "Un"], hyphens kept inside words. */
export function wordsOf(name) {
  return name.split(/[\s,;]+/).filter((word) => word.length > 0)
}

/** OFAC writes "LAST, First Middle"; people write "First Middle Last". */
export function naturalOrder(name) {
  const comma = name.indexOf(',')
  if (comma < 0) return name
  return `${name.slice(comma + 1).trim()} ${name.slice(0, comma).trim()}`.trim()
}

export function reordered(name, random) {
  const words = wordsOf(name)
  if (words.length < 2) return undefined
  for (let attempt = 0; attempt < 10; attempt += 1) {
    const shuffled = [...words]
    for (let i = shuffled.length - 1; i > 0; i -= 1) {
      const j = Math.floor(random() * (i + 1))
      ;[shuffled[i], shuffled[j]] = [shuffled[j], shuffled[i]]
    }
    if (shuffled.join(' ') !== words.join(' ')) return shuffled.join(' ')
  }
  return undefined
}

/** Case, commas, dots and hyphens as people type them: "kim jong-un", "KIM JONGUN", "Al Tikriti", "AlTikriti". */
export function punctuated(name, random, isPerson = true) {
  const words = wordsOf(naturalOrder(name))
  // Surname first with a comma is a person's name only.
  let style = Math.floor(random() * 5)
  if (style === 3 && !isPerson) style = 0
  let text
  switch (style) {
    case 0: // lower case, hyphens to spaces
      text = words.join(' ').replace(/-/g, ' ').toLowerCase()
      break
    case 1: // last two words hyphenated (Jong-Un)
      text = words.length >= 3 ? `${words.slice(0, -2).join(' ')} ${words.slice(-2).join('-')}` : words.join('-')
      break
    case 2: // hyphens dropped (AlTikriti), title case
      text = words.map((word) => title(word.replace(/-/g, ''))).join(' ')
      break
    case 3: // surname first with a comma, upper case
      text = words.length >= 2 ? `${words.at(-1).toUpperCase()}, ${words.slice(0, -1).join(' ')}` : words.join(' ')
      break
    default: // dots and stray punctuation
      text = `${words.join('. ')}.`
  }
  return text === name ? undefined : text
}

function title(word) {
  return word.charAt(0).toUpperCase() + word.slice(1).toLowerCase()
}

/** One typing slip (substitution, deletion, insertion or swap) in a random word of at least five letters. */
export function typo(name, random) {
  const words = wordsOf(naturalOrder(name))
  const long = words.map((word, index) => [word, index]).filter(([word]) => /^[A-Za-z]{5,}$/.test(word))
  if (long.length === 0) return undefined
  const [word, index] = pick(random, long)
  const position = 1 + Math.floor(random() * (word.length - 1))
  const letter = pick(random, 'abcdefghijklmnopqrstuvwxyz'.split(''))
  const operation = Math.floor(random() * 4)
  let changed
  if (operation === 0) changed = word.slice(0, position) + letter + word.slice(position + 1)
  else if (operation === 1) changed = word.slice(0, position) + word.slice(position + 1)
  else if (operation === 2) changed = word.slice(0, position) + letter + word.slice(position)
  else if (position < word.length - 1) {
    changed = word.slice(0, position) + word[position + 1] + word[position] + word.slice(position + 2)
  } else changed = word.slice(0, position - 1) + word[position] + word[position - 1]
  if (changed.toLowerCase() === word.toLowerCase()) return undefined
  const result = [...words]
  result[index] = changed
  return result.join(' ')
}

// ── romanisation variants ──

// South Korean, McCune-Reischauer and Revised Romanisation spellings of the DPRK forms the lists use.
const koreanSpellings = {
  kim: ['Gim'],
  ri: ['Lee', 'Yi', 'Rhee'],
  pak: ['Park', 'Bak'],
  choe: ['Choi'],
  jong: ['Jeong', 'Chong', 'Jung'],
  un: ['Eun'],
  chol: ['Cheol', 'Chul'],
  song: ['Seong', 'Sung'],
  yong: ['Young', 'Yeong'],
  hyon: ['Hyun', 'Hyeon'],
  kyong: ['Kyung', 'Gyeong'],
  myong: ['Myung', 'Myeong'],
  ryong: ['Ryeong', 'Lyong'],
  hui: ['Hee'],
  sok: ['Seok', 'Suk'],
  hyok: ['Hyuk', 'Hyeok'],
  kwang: ['Gwang'],
  kang: ['Gang'],
  ko: ['Go', 'Koh'],
  ku: ['Gu', 'Koo'],
  jon: ['Jeon', 'Chun'],
  yun: ['Yoon'],
  mun: ['Moon'],
  so: ['Seo', 'Suh'],
  sin: ['Shin'],
  o: ['Oh'],
  ryu: ['Yoo', 'Yu'],
  pae: ['Bae'],
  paek: ['Baek'],
  tok: ['Deok', 'Duk'],
  kum: ['Geum', 'Keum'],
  chang: ['Jang'],
  kil: ['Gil'],
  pyong: ['Byeong', 'Byung'],
}

// Arabic names as other lists, passports and CVs spell them.
const arabicSpellings = {
  muhammad: ['Mohammed', 'Mohamed', 'Mohammad', 'Muhammed'],
  mohammed: ['Muhammad', 'Mohamed', 'Mohammad'],
  mohammad: ['Muhammad', 'Mohammed', 'Mohamad'],
  mohamed: ['Mohammed', 'Muhammad'],
  ahmad: ['Ahmed'],
  ahmed: ['Ahmad'],
  husayn: ['Hussein', 'Hussain'],
  hussein: ['Husayn', 'Hussain', 'Husain'],
  hussain: ['Hussein', 'Husayn'],
  hassan: ['Hasan'],
  hasan: ['Hassan'],
  usama: ['Osama'],
  osama: ['Usama'],
  umar: ['Omar'],
  omar: ['Umar'],
  yusuf: ['Yousef', 'Youssef'],
  yousef: ['Yusuf'],
  ibrahim: ['Ebrahim', 'Ibraheem'],
  khalid: ['Khaled'],
  khaled: ['Khalid'],
  mahmud: ['Mahmoud'],
  mahmoud: ['Mahmud'],
  mustafa: ['Mustapha', 'Moustafa'],
  abdul: ['Abd al', 'Abdel'],
  abdel: ['Abdul', 'Abd al'],
  abd: ['Abdul'],
  abu: ['Abou'],
  said: ['Saeed'],
  saeed: ['Said'],
  nasser: ['Nasir'],
  nasir: ['Nasser'],
  jamal: ['Gamal'],
  faisal: ['Faysal'],
  abdullah: ['Abdallah', 'Abd Allah'],
  abdallah: ['Abdullah'],
  ali: ['Aly'],
  salih: ['Saleh'],
  saleh: ['Salih'],
  rahman: ['Rehman'],
}

// Russian names in the other systems (BGN/PCGN, passport, English forms).
const russianSpellings = {
  yevgeniy: ['Evgeny', 'Evgeniy'],
  yevgeny: ['Evgeniy'],
  evgeniy: ['Yevgeny', 'Evgeny'],
  aleksandr: ['Alexander', 'Alexandr'],
  alexander: ['Aleksandr'],
  aleksey: ['Alexei', 'Aleksei'],
  aleksei: ['Alexey'],
  sergey: ['Sergei'],
  sergei: ['Sergey'],
  andrey: ['Andrei'],
  andrei: ['Andrey'],
  nikolay: ['Nikolai'],
  nikolai: ['Nikolay'],
  dmitriy: ['Dmitry', 'Dmitri'],
  dmitry: ['Dmitriy'],
  yuriy: ['Yury', 'Yuri'],
  yury: ['Yuriy'],
  mikhail: ['Mihail'],
  vasiliy: ['Vasily'],
  anatoliy: ['Anatoly'],
  valeriy: ['Valery'],
  vitaliy: ['Vitaly'],
  arkadiy: ['Arkady'],
  gennadiy: ['Gennady'],
  grigoriy: ['Grigory'],
  maksim: ['Maxim'],
  pyotr: ['Petr'],
  fedor: ['Fyodor'],
  viktor: ['Victor'],
  ilya: ['Ilia'],
}

const romanisationTables = { korean: koreanSpellings, arabic: arabicSpellings, russian: russianSpellings }

/** Rules that change spellings the tables do not list: Russian endings, Arabic article and vowels. */
const romanisationRules = {
  korean: [],
  arabic: [
    [/^AL-/i, (random) => pick(random, ['El-', 'Al ', 'Al', ''])],
    [/OU/i, () => 'U'],
    [/EE/i, () => 'I'],
  ],
  russian: [
    [/IY$/i, () => 'Y'],
    [/YEVICH$/i, () => 'EVICH'],
    [/YEV$/i, () => 'EV'],
    [/KH/i, () => 'H'],
  ],
}

/** Which romanisation family a listed entity's names belong to, from its programmes and nationality. */
export function romanisationFamily(entity) {
  const programs = entity.programs.join(' ')
  const nationalities = [...entity.nationalities, ...entity.countries]
  if (/DPRK|1718|NKSPEA/.test(programs) || nationalities.includes('kp')) return 'korean'
  if (
    /RUSSIA|UKRAINE|BELARUS|CYBER|1014|14024|13660|13661|13662|13685/.test(programs) ||
    nationalities.includes('ru')
  ) {
    return 'russian'
  }
  if (/SDGT|IRAQ|SYRIA|FTO|YEMEN|LIBYA|SDT|ISIL|1267|1988|TALIBAN|HIZBALLAH|IRAN/i.test(programs)) return 'arabic'
  return undefined
}

/** The name respelled in another romanisation of its family; undefined when nothing in it has another spelling. */
export function romanised(name, family, random) {
  const table = romanisationTables[family]
  const rules = romanisationRules[family]
  let changed = 0
  const words = wordsOf(naturalOrder(name)).flatMap((word) => word.split('-'))
  const respelled = words.map((word) => {
    const options = table[word.toLowerCase()]
    if (options !== undefined && random() < 0.8) {
      changed += 1
      return pick(random, options)
    }
    for (const [pattern, replacement] of rules) {
      if (pattern.test(word) && random() < 0.6) {
        changed += 1
        return word.replace(pattern, replacement(random))
      }
    }
    return word
  })
  if (changed === 0) return undefined
  // Korean given names: as often joined or hyphenated as spaced (Jong-un, Jongun).
  if (family === 'korean' && respelled.length === 3 && random() < 0.5) {
    // OFAC writes "KIM, Jong Un" (given names last once reordered), the UN "KIM JONG UN" (surname first).
    const [first, second, surname] = name.includes(',') ? respelled : [respelled[1], respelled[2], respelled[0]]
    return random() < 0.5 ? `${first}-${second.toLowerCase()} ${surname}` : `${surname} ${first}${second.toLowerCase()}`
  }
  return respelled.join(' ')
}

// ── other scripts ──

// Hangul for the DPRK syllables of listed names (the characters a Korean CV or ID document would show).
const hangulSyllables = {
  kim: '김',
  ri: '리',
  pak: '박',
  choe: '최',
  jong: '정',
  kang: '강',
  ko: '고',
  ku: '구',
  han: '한',
  jo: '조',
  yun: '윤',
  jang: '장',
  rim: '림',
  o: '오',
  so: '서',
  sin: '신',
  kwon: '권',
  hwang: '황',
  an: '안',
  song: '성',
  ryu: '류',
  hong: '홍',
  jon: '전',
  mun: '문',
  yang: '양',
  son: '손',
  pae: '배',
  paek: '백',
  ho: '호',
  yu: '유',
  nam: '남',
  sim: '심',
  ro: '로',
  ha: '하',
  kwak: '곽',
  cha: '차',
  ju: '주',
  u: '우',
  min: '민',
  jin: '진',
  ji: '지',
  chae: '채',
  won: '원',
  chon: '천',
  pang: '방',
  kong: '공',
  hyon: '현',
  ham: '함',
  yom: '염',
  kye: '계',
  thae: '태',
  tae: '태',
  un: '은',
  il: '일',
  chol: '철',
  su: '수',
  hun: '훈',
  ja: '자',
  hyong: '형',
  yong: '영',
  hae: '해',
  ryong: '룡',
  myong: '명',
  hui: '희',
  sok: '석',
  hyok: '혁',
  kwang: '광',
  kyong: '경',
  chun: '춘',
  sun: '순',
  kil: '길',
  tok: '덕',
  man: '만',
  hak: '학',
  chang: '창',
  jae: '재',
  tong: '동',
  sang: '상',
  hwa: '화',
  mi: '미',
  ok: '옥',
  sil: '실',
  ryon: '련',
  kum: '금',
  pok: '복',
  rak: '락',
  sam: '삼',
  pong: '봉',
  mu: '무',
  ung: '웅',
  chan: '찬',
  jun: '준',
  kun: '군',
  taek: '택',
  yon: '연',
  hyang: '향',
  sung: '승',
  tu: '두',
  nyo: '녀',
  se: '세',
  chi: '치',
  gun: '군',
  dong: '동',
  pyong: '평',
  hyo: '효',
  sop: '섭',
  kap: '갑',
  ik: '익',
  in: '인',
}

/** A Korean name in Hangul, one syllable per romanised syllable; undefined unless every syllable is known. */
export function inHangul(name) {
  // Hangul writes the surname first, as OFAC's "KIM, Jong Un" and the UN's "KIM JONG UN" do.
  const syllables = wordsOf(name).flatMap((word) => word.toLowerCase().split('-'))
  const hangul = syllables.map((syllable) => hangulSyllables[syllable])
  return hangul.length > 1 && hangul.every((character) => character !== undefined) ? hangul.join('') : undefined
}

// Latin to Cyrillic as Russian passports' Latin forms are read back (longest letter groups first).
const cyrillicLetters = [
  ['shch', 'щ'],
  ['yevich', 'евич'],
  ['iy', 'ий'],
  ['yy', 'ый'],
  ['zh', 'ж'],
  ['kh', 'х'],
  ['ts', 'ц'],
  ['ch', 'ч'],
  ['sh', 'ш'],
  ['yu', 'ю'],
  ['ya', 'я'],
  ['ye', 'е'],
  ['yo', 'ё'],
  ['a', 'а'],
  ['b', 'б'],
  ['v', 'в'],
  ['g', 'г'],
  ['d', 'д'],
  ['e', 'е'],
  ['z', 'з'],
  ['i', 'и'],
  ['y', 'й'],
  ['k', 'к'],
  ['l', 'л'],
  ['m', 'м'],
  ['n', 'н'],
  ['o', 'о'],
  ['p', 'п'],
  ['r', 'р'],
  ['s', 'с'],
  ['t', 'т'],
  ['u', 'у'],
  ['f', 'ф'],
  ['x', 'кс'],
  ['w', 'в'],
  ['c', 'к'],
  ['j', 'дж'],
  ['q', 'к'],
  ['h', 'х'],
]

/** A Russian name written back in Cyrillic, first name first, as a Russian document shows it. */
export function inCyrillic(name) {
  const words = wordsOf(naturalOrder(name))
  if (words.length < 2 || !words.every((word) => /^[A-Za-z-]+$/.test(word))) return undefined
  return words
    .map((word) => {
      let rest = word.toLowerCase()
      let cyrillic = ''
      while (rest.length > 0) {
        const [latin, letter] = cyrillicLetters.find(([latin]) => rest.startsWith(latin)) ?? [rest[0], rest[0]]
        cyrillic += letter
        rest = rest.slice(latin.length)
      }
      return cyrillic.charAt(0).toUpperCase() + cyrillic.slice(1)
    })
    .join(' ')
}
