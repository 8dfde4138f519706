import type { Applicant } from './applicant.js'
import {
  domains,
  highlightTemplates,
  months,
  products,
  projectTemplates,
  summaryTemplates,
  teams,
} from './data/cv-sentences.js'
import { Random } from './random.js'

export type CvText = {
  readonly text: string
  /** Bullet points per work entry, in the order of `applicant.work`. */
  readonly highlights: readonly (readonly string[])[]
}

const smallNumbers = ['two', 'three', 'four', 'five', 'six']
const bigNumbers = ['8,000', '25,000', '120,000', '2 million', '40 million', '300', '1,500', '600,000']
const minimumWords = 250
const maximumWords = 700
const maximumBullets = 7
const maximumProjects = 6

/**
 * A template split once into literal text (even indexes) and placeholder names (odd indexes), with the number of
 * spaces in its literal text: templates and values are single-spaced, so a filled sentence has spaces + 1 words.
 */
type CompiledTemplate = { readonly parts: readonly string[]; readonly spaces: number }
const spacesIn = (text: string): number => {
  let spaces = 0
  for (let index = text.indexOf(' '); index >= 0; index = text.indexOf(' ', index + 1)) spaces++
  return spaces
}
const compile = (template: string): CompiledTemplate => {
  const parts = template.split(/\{(\w+)\}/)
  return {
    parts,
    spaces: parts.filter((_part, index) => index % 2 === 0).reduce((sum, part) => sum + spacesIn(part), 0),
  }
}
const summaries = summaryTemplates.map(compile)
const bullets = highlightTemplates.map(compile)
const projects = projectTemplates.map(compile)

/** Words of generated text, which is single-spaced: separators plus one. */
function countWords(text: string): number {
  let separators = 0
  for (let index = text.indexOf(' '); index >= 0; index = text.indexOf(' ', index + 1)) separators++
  for (let index = text.indexOf('\n'); index >= 0; index = text.indexOf('\n', index + 1)) separators++
  return separators + 1
}

function placeholder(name: string, random: Random, applicant: Applicant, experienceYears: number): string {
  const skills = applicant.skills
  switch (name) {
    case 'skill':
      return skills[0] ?? 'Python'
    case 'skill2':
      return skills[1 + random.int(0, 2)] ?? skills[0] ?? 'SQL'
    case 'skill3':
      return skills[4 + random.int(0, 3)] ?? skills[2] ?? 'Docker'
    case 'years':
      return experienceYears <= 1 ? 'one year' : `${experienceYears} years`
    case 'title':
      return applicant.headline
    case 'percent':
      return String(random.int(3, 12) * 5)
    case 'coverage':
      return String(random.int(14, 19) * 5)
    case 'number':
      return random.pick(bigNumbers)
    case 'small':
      return random.pick(smallNumbers)
    case 'team':
      return random.pick(teams)
    case 'teamCount':
      return String(random.int(12, 60))
    case 'stars':
      return String(random.int(2, 40) * 10)
    case 'product':
      return random.pick(products)
    case 'domain':
      return random.pick(domains)
    default:
      return name
  }
}

type Filled = { readonly text: string; readonly words: number }

function fill(template: CompiledTemplate, random: Random, applicant: Applicant, experienceYears: number): Filled {
  const parts = template.parts
  let text = parts[0] ?? ''
  let spaces = template.spaces
  for (let index = 1; index < parts.length; index += 2) {
    const value = placeholder(parts[index] ?? '', random, applicant, experienceYears)
    spaces += spacesIn(value)
    text += value + (parts[index + 1] ?? '')
  }
  return { text, words: spaces + 1 }
}

const cvDates = new Map<string, string>()
function formatCvDate(date: string | undefined): string {
  if (!date) return 'Present'
  let formatted = cvDates.get(date)
  if (formatted === undefined) {
    const [year, month] = date.split('-')
    formatted = month ? `${months[Number(month) - 1] ?? ''} ${year ?? ''}` : (year ?? '')
    cvDates.set(date, formatted)
  }
  return formatted
}

/**
 * The CV as plain text (250-700 words): header, summary, experience with bullet points, projects when the work
 * history is short, education and skills, all from the applicant's own facts. The wording comes from
 * `applicant.cvSeed`, so personas of one ring that share the seed get near-identical text; `applicant.cvEdits`
 * bullets are then reworded with `editRandom`.
 */
export function buildCvText(applicant: Applicant, experienceYears: number, editRandom: Random): CvText {
  const random = new Random(applicant.cvSeed)
  const target = Math.round(random.normal(440, 120, 280, 660))
  const separator = random.pick([' · ', ' | ', ', '])
  const contactLine = [
    `${applicant.city.name}, ${applicant.city.region}`,
    applicant.email,
    applicant.phoneRaw,
    ...(applicant.linkedIn?.url ? [applicant.linkedIn.url.replace(/^https:\/\/(www\.)?/, '')] : []),
    ...(applicant.gitHub?.url ? [applicant.gitHub.url.replace(/^https:\/\//, '')] : []),
  ].join(separator)
  const name = random.chance(0.5) ? applicant.fullName.toUpperCase() : applicant.fullName
  const header = `${name}\n${applicant.headline}\n${contactLine}`
  const summary = random.sample(summaries, 4).map((template) => fill(template, random, applicant, experienceYears))
  let summaryCount = random.int(2, 3)
  const jobs = applicant.work
  const highlights: Filled[][] = jobs.map(() => [])
  const bulletOrder = random.sample(bullets, bullets.length)
  let nextBullet = 0
  const takeBullet = (): Filled =>
    fill(bulletOrder[nextBullet++ % bulletOrder.length] ?? compile(''), random, applicant, experienceYears)
  for (const list of highlights) list.push(takeBullet())
  const projectOrder = random.sample(projects, maximumProjects)
  const projectLines: Filled[] = []

  const jobHeaders = jobs.map(
    (job) =>
      `${job.position ?? ''} — ${job.name ?? ''}, ${job.location ?? ''}\n${formatCvDate(job.startDate)} – ${formatCvDate(job.endDate)}`,
  )
  const education = applicant.education
    .map((entry) => {
      const years = `${entry.startDate?.slice(0, 4) ?? ''} – ${entry.endDate?.slice(0, 4) ?? ''}`
      return `${entry.studyType ?? ''} in ${entry.area ?? ''} — ${entry.institution ?? ''} (${years})`
    })
    .join('\n')
  const skills = `SKILLS\n${applicant.skills.join(', ')}`

  // The word count is kept incrementally: rendering every CV repeatedly would dominate the generator's time.
  const bulletWords = (line: Filled | undefined): number => (line ? line.words + 1 : 0)
  let words =
    countWords(header) +
    3 +
    jobHeaders.reduce((sum, text) => sum + countWords(text), 0) +
    countWords(education) +
    countWords(skills) +
    summary.slice(0, summaryCount).reduce((sum, sentence) => sum + sentence.words, 0) +
    highlights.reduce((sum, list) => sum + bulletWords(list[0]), 0)
  const goal = Math.max(target, minimumWords)
  while (words < goal) {
    // Recent jobs get more bullets, as on real CVs; then the summary, then projects for short histories.
    const index = Math.floor(random.next() * random.next() * jobs.length)
    const list = highlights[index] ?? highlights.find((items) => items.length < maximumBullets)
    if (list && list.length < maximumBullets) {
      const line = takeBullet()
      list.push(line)
      words += bulletWords(line)
    } else if (summaryCount < summary.length) {
      words += summary[summaryCount]?.words ?? 0
      summaryCount++
    } else if (projectLines.length < maximumProjects) {
      const line = fill(projectOrder[projectLines.length] ?? compile(''), random, applicant, experienceYears)
      projectLines.push(line)
      words += bulletWords(line) + (projectLines.length === 1 ? 1 : 0)
    } else break
  }
  // Long careers: drop bullets from the oldest jobs first.
  for (let index = jobs.length - 1; words > maximumWords && index >= 0; index--) {
    const list = highlights[index]
    while (list && list.length > 1 && words > maximumWords) words -= bulletWords(list.pop())
  }
  for (let edit = 0; edit < applicant.cvEdits; edit++) {
    const list = highlights[editRandom.int(0, Math.max(0, jobs.length - 1))]
    if (!list || list.length === 0) continue
    list[editRandom.int(0, list.length - 1)] = fill(editRandom.pick(bullets), editRandom, applicant, experienceYears)
  }

  const lines = highlights.map((list) => list.map((line) => line.text))
  const experience = jobHeaders
    .map((jobHeader, index) => `${jobHeader}\n- ${(lines[index] ?? []).join('\n- ')}`)
    .join('\n\n')
  const summaryText = summary
    .slice(0, summaryCount)
    .map((sentence) => sentence.text)
    .join(' ')
  const sections = [header, `SUMMARY\n${summaryText}`, `EXPERIENCE\n${experience}`]
  if (projectLines.length > 0) sections.push(`PROJECTS\n- ${projectLines.map((line) => line.text).join('\n- ')}`)
  sections.push(`EDUCATION\n${education}`, skills)
  return { text: sections.join('\n\n'), highlights: lines }
}
