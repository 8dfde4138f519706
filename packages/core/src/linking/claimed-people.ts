import type { NormalisedApplication } from '../normalise/normalise-application.js'

/**
 * The people applications claim to be: the sorted name tokens (so "Miller Jordan" is "Jordan Miller") and the birth
 * year when given. A record without a birth year is the first person of that name; one with a birth year matches
 * that year or a person of that name whose year was never given. A nameless record is a person of its own.
 */
export class ClaimedPeople {
  private readonly byName = new Map<string, number | number[]>()
  private readonly names: string[] = []
  private readonly birthYears: number[] = []
  private readonly surnames: number[] = []
  /** The latest application of each person and that application's history snapshot. */
  readonly latestApplication: number[] = []
  readonly latestHistory: (string | undefined)[] = []

  get size(): number {
    return this.names.length
  }

  resolve(facts: NormalisedApplication): number {
    const tokens = facts.name.tokens
    const birthYear = facts.birth ? Number(facts.birth.text.slice(0, 4)) || 0 : 0
    if (tokens.length === 0) return this.create('', birthYear, -1 - this.names.length)
    const name = [...tokens].sort().join(' ')
    const known = this.byName.get(name)
    const candidates = known === undefined ? [] : typeof known === 'number' ? [known] : known
    const match =
      birthYear === 0
        ? candidates[0]
        : (candidates.find((person) => this.birthYears[person] === birthYear) ??
          candidates.find((person) => this.birthYears[person] === 0))
    if (match !== undefined) return match
    const person = this.create(name, birthYear, surnameHash(tokens[tokens.length - 1] ?? ''))
    if (known === undefined) this.byName.set(name, person)
    else if (typeof known === 'number') this.byName.set(name, [known, person])
    else known.push(person)
    return person
  }

  nameOf(person: number): string {
    return this.names[person] ?? ''
  }

  /** A number per surname (the last name token); unique for nameless people, so they never look like family. */
  surnameOf(person: number): number {
    return this.surnames[person] ?? -1 - person
  }

  private create(name: string, birthYear: number, surname: number): number {
    const person = this.names.length
    this.names.push(name)
    this.birthYears.push(birthYear)
    this.surnames.push(surname)
    this.latestApplication.push(-1)
    this.latestHistory.push(undefined)
    return person
  }
}

function surnameHash(token: string): number {
  let hash = 0x811c9dc5
  for (let index = 0; index < token.length; index++) hash = Math.imul(hash ^ token.charCodeAt(index), 0x01000193)
  // Non-negative, so it never collides with the negative numbers of nameless people.
  return hash >>> 1
}
