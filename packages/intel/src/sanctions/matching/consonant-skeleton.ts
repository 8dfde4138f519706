/**
 * The consonants of a lower-case ASCII token, doubled letters once: `muhamad` → `mhmd`, `husain` → `hsn`. Arabic and
 * Hebrew write few vowels, so a name transliterated from those scripts (`محمد` → `mhmd`) can only be compared with a
 * Latin spelling this way; the same key also blocks candidates for spellings that differ in their vowels. `w` and `y`
 * count as vowels: in Arabic they mostly write the long vowels u and i. A leading vowel leaves a mark (`_`). Latin
 * digraphs of one Arabic letter fold to one consonant (`kh` → `k`, `dh` → `z`); an abjad word is already written one
 * consonant per letter (`isAbjad`).
 */
export function consonantSkeleton(token: string, isAbjad = false): string {
  // A word that starts with a vowel keeps a mark of it (Ahmad `_hmd`, Hamid `hmd`); Arabic writes that vowel too.
  let skeleton = startsWithVowel.has(token[0] ?? '') ? '_' : ''
  let last = ''
  for (let i = 0; i < token.length; i += 1) {
    let letter = token[i] ?? ''
    if (isVowel.has(letter)) continue
    const next = token[i + 1]
    // Digraphs of one Arabic letter that Latin spellings write either way (Zawahiri, Dhawahiri; Khalid, Halid).
    if (!isAbjad && next === 'h' && letter in digraphs) {
      letter = digraphs[letter] ?? letter
      i += 1
    } else if (!isAbjad && letter === 'c') letter = next === 'e' || next === 'i' ? 's' : 'k'
    else letter = letters[letter] ?? letter
    if (letter !== last) skeleton += letter
    last = letter
  }
  return skeleton
}

const digraphs: Readonly<Record<string, string>> = { k: 'k', g: 'g', s: 's', d: 'z', t: 't', p: 'f' }
// Letters Arabic does not tell apart from another: q and k, p and b, v and f.
const letters: Readonly<Record<string, string>> = { q: 'k', p: 'b', v: 'f' }

const isVowel = new Set(['a', 'e', 'i', 'o', 'u', 'w', 'y'])
const startsWithVowel = new Set(['a', 'e', 'i', 'o', 'u'])
