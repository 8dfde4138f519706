/**
 * What the index remembers about an identifier used by two or more applications (one used once is just the
 * application's number in the index's map). Distinct people are counted exactly; the first `trackedPeople` of them
 * are kept with their latest application, for evidence and to spot households.
 */
export class SharedIdentifier {
  static readonly trackedPeople = 16
  static readonly recentLimit = 64
  applicationCount = 0
  latestApplication = -1
  readonly people: number[] = []
  readonly peopleApplications: number[] = []
  private morePeople: Set<number> | undefined
  /** Submission times and people of the latest applications, for bursts (IP and device only). */
  recentTimes: number[] | undefined
  recentPeople: number[] | undefined

  get peopleCount(): number {
    return this.people.length + (this.morePeople?.size ?? 0)
  }

  hasPerson(person: number): boolean {
    return this.people.includes(person) || this.morePeople?.has(person) === true
  }

  add(application: number, person: number): void {
    this.applicationCount++
    this.latestApplication = application
    const tracked = this.people.indexOf(person)
    if (tracked >= 0) this.peopleApplications[tracked] = application
    else if (this.people.length < SharedIdentifier.trackedPeople) {
      this.people.push(person)
      this.peopleApplications.push(application)
    } else (this.morePeople ??= new Set()).add(person)
  }

  /** Adds a submission time and returns the applications and distinct people within `windowMs` of it. */
  addRecent(
    timeMs: number,
    person: number,
    windowMs: number,
  ): { readonly applications: number; readonly people: number } {
    const times = (this.recentTimes ??= [])
    const people = (this.recentPeople ??= [])
    times.push(timeMs)
    people.push(person)
    while (times.length > SharedIdentifier.recentLimit || (times.length > 0 && (times[0] ?? 0) < timeMs - windowMs)) {
      times.shift()
      people.shift()
    }
    const inWindow = new Set<number>()
    let applications = 0
    times.forEach((time, index) => {
      if (Math.abs(time - timeMs) > windowMs) return
      applications++
      inWindow.add(people[index] ?? -1)
    })
    return { applications, people: inWindow.size }
  }
}
