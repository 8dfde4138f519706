import { describe, expect, it } from 'vitest'
import { normaliseName, type NameReading } from './normalise-name.js'

const folded = (name: string, reading: NameReading = 'person'): string[] =>
  normaliseName(name, reading).tokens.map((token) => token.folded)
const kinds = (name: string, reading: NameReading = 'person'): string[] =>
  normaliseName(name, reading).tokens.map((token) => `${token.folded}:${token.kind}`)

describe('normaliseName', () => {
  it.each([
    ['KIM, Jong Un', ['kim', 'jong', 'un']],
    ['Kim Jong-un', ['kim', 'jong', 'un']],
    ['Gim Jeong-eun', ['kim', 'jong', 'un']],
    ['김정은', ['kim', 'jong', 'un']],
    ['최룡해', ['choe', 'ryong', 'hae']],
    ['이영호', ['ri', 'yong', 'ho']],
    ['Lee Young-ho', ['ri', 'yong', 'ho']],
    ['习近平', ['xi', 'jin', 'ping']],
    ['Ｋｉｍ　Ｊｏｎｇ　Ｕｎ', ['kim', 'jong', 'un']],
  ])('Korean and Chinese: %s', (name, expected) => {
    expect(folded(name)).toEqual(expected)
  })

  it.each([
    ['Дмитрий Медведев', ['dmitri', 'medvedev']],
    ['Dmitriy Medvedev', ['dmitri', 'medvedev']],
    ['Евгений Пригожин', ['evgeni', 'prigozhin']],
    ['Yevgeniy Prigozhin', ['evgeni', 'prigozhin']],
    ['Müller-Lüdenscheidt', ['muler', 'ludenscheidt']],
  ])('Cyrillic and accents: %s', (name, expected) => {
    expect(folded(name)).toEqual(expected)
  })

  it.each([
    ['Mohammed al-Tikriti', ['muhamad:word', 'al:particle', 'tikriti:word']],
    ['محمد التكريتي', ['mhmd:word', 'al:particle', 'tkrt:word']],
    ['Abdulrahman', ['abd:word', 'rahman:word']],
    ['Abd al-Rahman', ['abd:word', 'al:particle', 'rahman:word']],
    ['Abdullah', ['abd:word', 'allah:word']],
    ['عبد الله', ['_bd:word', '_lh:word']],
    ['Usama bin Laden', ['usama:word', 'bin:particle', 'laden:word']],
    ["Ja'far O'Brien", ['jafar:word', 'obrien:word']],
  ])('Arabic names: %s', (name, expected) => {
    expect(kinds(name)).toEqual(expected)
  })

  it.each([
    ['Haji Mullah Omar Akhund', ['umar', 'akhund']],
    ['Dr. Ayman al-Zawahiri', ['ayman', 'al', 'zawahiri']],
    ['General Kim Yong Chol', ['kim', 'yong', 'chol']],
    ['Imam Bheel', ['imam', 'bhil']],
  ])('honorifics dropped while two words remain: %s', (name, expected) => {
    expect(folded(name)).toEqual(expected)
  })

  it.each([
    ['Siemens Aktiengesellschaft', ['siemens:word', 'ag:legal-form']],
    ['SiemensAG', ['siemens:word', 'ag:legal-form']],
    ['Acme Co., Ltd.', ['acme:word', 'ltd:legal-form']],
    ['Acme Limited Liability Company', ['acme:word', 'llc:legal-form']],
    ['Acme Limited Liabilty Compnay', ['acme:word', 'llc:legal-form']],
    ['ООО Ромашка', ['ooo:legal-form', 'romashka:word']],
    ['OAO Gazprom', ['ojsc:legal-form', 'gazprom:word']],
    ['Open Joint Stock Company Gazprom', ['ojsc:legal-form', 'gazprom:word']],
    ['T.E.G. Limited', ['teg:word', 'ltd:legal-form']],
    ['General Trading Company', ['general:word', 'trading:word', 'co:legal-form']],
    ['Cubafrutas', ['cubafrutas:word']],
  ])('organisations: %s', (name, expected) => {
    expect(kinds(name, 'organisation')).toEqual(expected)
  })

  it('keeps initials of people as initials', () => {
    expect(kinds('J. P. Smith')).toEqual(['j:initial', 'p:initial', 'smith:word'])
  })

  it('marks Hangul and Han syllables and Arabic words for their own comparisons', () => {
    const [hangul] = normaliseName('김', 'person').tokens
    const [arabic] = normaliseName('أحمد', 'person').tokens
    expect(hangul).toMatchObject({ isSyllable: true, isAbjad: false })
    expect(arabic).toMatchObject({ isAbjad: true, skeleton: '_hmd' })
    expect(normaliseName('Ahmad', 'person').tokens[0]?.skeleton).toBe('_hmd')
    expect(normaliseName('Hamid', 'person').tokens[0]?.skeleton).toBe('hmd')
  })
})
