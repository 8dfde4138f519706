import { readFileSync } from 'node:fs'
import { parse } from 'csv-parse/sync'
import { describe, expect, it } from 'vitest'
import { normaliseApplication } from '../normalise/normalise-application.js'
import { foldToAscii } from '../normalise/person-name.js'
import type { ApplicationRecord } from '../record/application-record.js'
import { createEmailDomainReference } from '../reference/email-domain-reference.js'
import type { ReferenceData } from '../reference/reference-data.js'
import type { Signal } from '../signals/signal.js'
import { anApplication } from '../testing/an-application.js'
import { emailDetector } from './email-detector.js'

// The detector's own logic, against a reference with a few known domains; the real lists are tested further down.
const disposableDomains = new Set(['mailinator.com', 'yopmail.com', 'guerrillamail.com'])
const freeDomains = new Set(['gmail.com', 'outlook.com', 'yahoo.com', 'qq.com'])
const fewDomains: ReferenceData = {
  isDisposableEmailDomain: (domain) => disposableDomains.has(domain) || domain.endsWith('.mailinator.com'),
  isFreeEmailDomain: (domain) => freeDomains.has(domain),
  sources: [
    { name: 'mailchecker disposable domains', version: '6.0.21', entries: 3 },
    { name: 'free-email-domains', version: '1.12.6', entries: 4 },
  ],
}

function recordWith(emails: readonly string[], name?: string): ApplicationRecord {
  return anApplication({
    cv: { basics: name === undefined ? {} : { name } },
    contacts: { emails: emails.map((value) => ({ value })) },
  })
}

function detect(emails: readonly string[], name = 'Jordan Avery Miller', reference = fewDomains): readonly Signal[] {
  const record = recordWith(emails, name)
  return emailDetector.detect({ record, facts: normaliseApplication(record), reference })
}

const codesOf = (signals: readonly Signal[]): string[] => signals.map((signal) => signal.code)

describe('emailDetector: addresses and domains', () => {
  it.each([
    ['jordan.miller@brightline.health', []],
    ['jordan.miller@gmail.com', ['email.free-mail']],
    ['jordan.miller+jobs@gmail.com', ['email.free-mail']],
    ['jordan.miller@mailinator.com', ['email.disposable']],
    ['jordan.miller@mx.mailinator.com', ['email.disposable']],
    ['jordan.miller', ['email.invalid']],
    ['jordan..miller@gmail.com', ['email.invalid']],
    ['jordan miller@gmail.com', ['email.invalid']],
    ['jordan.miller@gmail', ['email.invalid']],
    ['jordan@miller@gmail.com', ['email.invalid']],
  ])('%s raises %j', (address, codes) => {
    expect(codesOf(detect([address]))).toEqual(codes)
  })

  it('names the disposable domain and the list that has it', () => {
    const [signal] = detect(['jordan.miller@yopmail.com'])
    expect(signal).toEqual({
      code: 'email.disposable',
      severity: 'high',
      message:
        'The email "jordan.miller@yopmail.com" is at yopmail.com, a disposable (throwaway) mail domain listed by ' +
        'mailchecker disposable domains.',
      evidence: {
        path: 'contacts.emails[0].value',
        raw: 'jordan.miller@yopmail.com',
        domain: 'yopmail.com',
        list: 'mailchecker disposable domains',
        listVersion: '6.0.21',
      },
    })
  })

  it('says why an address is invalid', () => {
    const [signal] = detect(['jordan.miller'])
    expect(signal).toMatchObject({
      severity: 'medium',
      message: 'The email "jordan.miller" is not a valid address: it has no @ or nothing before it.',
      evidence: { raw: 'jordan.miller', problem: 'has no @ or nothing before it' },
    })
  })

  it('gives free mail as context that weighs nothing', () => {
    expect(detect(['jordan.miller@outlook.com'])[0]).toMatchObject({
      severity: 'info',
      evidence: { domain: 'outlook.com' },
    })
  })

  it('checks every address, the cv one too, once each', () => {
    const record = anApplication({
      cv: { basics: { name: 'Jordan Avery Miller', email: 'Jordan.Miller@Gmail.com' } },
      contacts: { emails: [{ value: 'jordan.miller@gmail.com' }, { value: 'jordan@yopmail.com' }] },
    })
    const signals = emailDetector.detect({ record, facts: normaliseApplication(record), reference: fewDomains })
    expect(signals.map((signal) => [signal.code, signal.evidence['path']])).toEqual([
      ['email.free-mail', 'contacts.emails[0].value'],
      ['email.disposable', 'contacts.emails[1].value'],
    ])
  })
})

describe('emailDetector: local parts', () => {
  it.each([
    ['jordan.miller1997', []],
    ['jmiller', []],
    ['jordanmiller', []],
    ['miller.jordan', []],
    ['j.a.miller', []],
    ['jam', []],
    ['jordan_m_84', []],
    ['millerj19970415', []],
    ['jordan.miller.dev', []],
    ['info', []],
    ['jm', []],
    ['xk7qz2m9', ['email.local-part.generated']],
    ['dev88123456', ['email.local-part.generated']],
    ['a3f9c2e1b7', ['email.local-part.generated']],
    ['bcdfghk', ['email.local-part.generated']],
    ['jordan.miller.5551234567', ['email.local-part.generated']],
    ['coolcoder', ['email.local-part.unrelated-to-name']],
    ['kim.sungho', ['email.local-part.unrelated-to-name']],
    ['devmaster2020', ['email.local-part.unrelated-to-name']],
  ])('%s@brightline.health raises %j', (local, codes) => {
    expect(codesOf(detect([`${local}@brightline.health`]))).toEqual(codes)
  })

  it('explains the generated traits it measured', () => {
    const [signal] = detect(['dev88123456@brightline.health'])
    expect(signal).toMatchObject({
      severity: 'low',
      evidence: { localPart: 'dev88123456', traits: ['long-digit-run'] },
    })
    expect(signal?.message).toBe(
      'The email "dev88123456@brightline.health" has a generated-looking local part "dev88123456": a run of 8 digits (88123456).',
    )
    expect(detect(['xk7qz2m9@brightline.health'])[0]?.evidence['traits']).toEqual([
      'consonant-string',
      'letters-digits-alternating',
    ])
  })

  it('names the local part and the name it does not fit', () => {
    expect(detect(['coolcoder@brightline.health'])[0]).toMatchObject({
      message:
        'The email "coolcoder@brightline.health" has a local part "coolcoder" that does not derive from the ' +
        'applicant\'s name "Jordan Avery Miller".',
      evidence: { localPart: 'coolcoder', name: 'Jordan Avery Miller' },
    })
  })

  it('judges the local part against the name only when the name is known and in Latin letters', () => {
    expect(detect(['coolcoder@brightline.health'], '')).toEqual([])
    expect(detect(['betina.patkova@brightline.health'], 'Бетина Паткова')).toEqual([])
  })

  it('takes the name out before measuring randomness: consonant-heavy surnames are names, not noise', () => {
    expect(detect(['w.przybylski@brightline.health'], 'Wojciech Przybylski')).toEqual([])
    expect(detect(['hirschfeld.k@brightline.health'], 'Klaus Hirschfeld')).toEqual([])
    expect(detect(['ulrika.sandstrm@brightline.health'], 'Ulrika Sandström')).toEqual([])
  })

  it('raises both a domain and a local-part signal for one address', () => {
    expect(codesOf(detect(['xk7qz2m9@yopmail.com']))).toEqual(['email.disposable', 'email.local-part.generated'])
  })
})

// ── Real data: 50,000 synthetic US names (opensanctions/yente), and the public disposable and free-mail lists. ──

const dataFolder = new URL('../../../../../shared/data/', import.meta.url)

type NameRow = { full_name: string; first_name: string; last_name: string; date_of_birth: string }

describe('emailDetector over addresses people make from their names', () => {
  const names = parse<NameRow>(readFileSync(new URL('name-matching/yente_negatives_us.csv', dataFolder)), {
    columns: true,
  })
    .filter((row) => /^[a-z\s'.-]+$/.test(foldToAscii(row.full_name)))
    .slice(0, 5000)

  const habits: readonly ((row: NameRow) => string)[] = [
    (row) => `${row.first_name}.${row.last_name}`,
    (row) => `${row.first_name}${row.last_name}`,
    (row) => `${row.first_name[0] ?? ''}${row.last_name}`,
    (row) => `${row.first_name}_${row.last_name}${row.date_of_birth.slice(0, 4)}`,
    (row) => `${row.last_name}.${row.first_name}${row.date_of_birth.slice(2, 4)}`,
    (row) => `${row.first_name}${row.last_name}${row.date_of_birth.replaceAll('-', '')}`,
    (row) => `${row.first_name}.${row.last_name[0] ?? ''}`,
  ]

  it('almost never finds a name-made local part generated or unrelated to the name', () => {
    const counts = { checked: 0, generated: 0, unrelated: 0 }
    for (const row of names) {
      for (const habit of habits) {
        const local = foldToAscii(habit(row)).replace(/[^a-z0-9._]/g, '')
        const codes = codesOf(detect([`${local}@example.org`], row.full_name))
        counts.checked++
        if (codes.includes('email.local-part.generated')) counts.generated++
        if (codes.includes('email.local-part.unrelated-to-name')) counts.unrelated++
      }
    }
    // Measured over 35,000 addresses of 5,000 Latin-script names: none generated; one unrelated ("my.p" for My
    // Petersson: a two-letter first name and an initial).
    expect(counts.checked).toBe(35_000)
    expect(counts.generated).toBe(0)
    expect(counts.unrelated).toBeLessThanOrEqual(5)
  })
})

describe('emailDetector over the public disposable and free-mail lists', () => {
  const lines = (file: string): string[] =>
    readFileSync(new URL(file, dataFolder), 'utf8')
      .split('\n')
      .map((line) => line.trim().toLowerCase())
      .filter((line) => line !== '' && !line.startsWith('#'))
  const disposable = lines('email/disposable_email_blocklist.conf')
  const free = lines('email/freemail_free.txt')
  const reference = createEmailDomainReference({
    disposable,
    free,
    sources: [
      { name: 'disposable-email-domains', version: 'test', entries: disposable.length },
      { name: 'freemail', version: 'test', entries: free.length },
    ],
  })

  it('flags every listed disposable domain, and its subdomains, as disposable and nothing else', () => {
    expect(disposable).toHaveLength(8335)
    for (const domain of disposable.filter((_, index) => index % 50 === 0)) {
      expect(codesOf(detect([`jordan.miller@${domain}`], 'Jordan Avery Miller', reference))).toEqual([
        'email.disposable',
      ])
      expect(reference.isDisposableEmailDomain(`mx.${domain}`)).toBe(true)
    }
  })

  it('treats free-mail domains as free mail (context only) unless the disposable list has them', () => {
    const onlyFree = free.filter((domain) => !reference.isDisposableEmailDomain(domain))
    expect(onlyFree.length).toBeGreaterThan(4000)
    for (const domain of onlyFree.filter((_, index) => index % 40 === 0)) {
      expect(codesOf(detect([`jordan.miller@${domain}`], 'Jordan Avery Miller', reference))).toEqual([
        'email.free-mail',
      ])
    }
    expect(codesOf(detect(['jordan.miller@gmail.com'], 'Jordan Avery Miller', reference))).toEqual(['email.free-mail'])
  })
})
