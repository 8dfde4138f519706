import { describe, expect, it } from 'vitest'
import type { ResumeWork } from '../record/application-record.js'
import { classifyEmployment, employerKey, type EmploymentKind } from './employment-kind.js'

const cases: readonly (readonly [ResumeWork, EmploymentKind])[] = [
  [{ position: 'Software Engineer', name: 'Acme' }, 'standard'],
  [{ position: 'Internal Tools Engineer', name: 'International Paper' }, 'standard'],
  [{ position: 'Contracts Manager', name: 'Acme' }, 'standard'],
  [{ position: 'Part-time Developer', name: 'Acme' }, 'part-time'],
  [{ position: 'Contract Software Engineer', name: 'Acme' }, 'part-time'],
  [{ position: 'Web Developer', name: 'Freelance' }, 'part-time'],
  [{ position: 'Technical Advisor', name: 'Acme' }, 'part-time'],
  [{ position: 'Board Member', name: 'Code for America' }, 'part-time'],
  [{ position: 'Volunteer Mentor', name: 'CoderDojo' }, 'part-time'],
  [{ position: 'Co-founder & CEO', name: 'Tiny Labs' }, 'own-venture'],
  [{ position: 'Developer', name: 'Self-employed' }, 'own-venture'],
  [{ position: 'Software Engineering Intern', name: 'Acme' }, 'training'],
  [{ position: 'Teaching Assistant', name: 'UC Davis' }, 'training'],
  [{ position: 'Summer Analyst', name: 'Goldman Sachs' }, 'training'],
  [{ position: 'Part-time Research Assistant', name: 'UC Davis' }, 'training'],
  [{}, 'standard'],
]

describe('classifyEmployment', () => {
  it.each(cases)('reads %o as %s', (work, kind) => {
    expect(classifyEmployment(work).kind).toBe(kind)
  })

  it('names the words that decided', () => {
    expect(classifyEmployment({ position: 'Freelance Web Developer' })).toEqual({
      kind: 'part-time',
      marker: 'freelance',
    })
  })
})

describe('employerKey', () => {
  it.each([
    ['Google LLC', 'google'],
    ['Google, Inc.', 'google'],
    ['Société Générale S.A.', 'societe generale'],
    ['Tata Consultancy Services Pvt. Ltd.', 'tata consultancy services'],
    [undefined, ''],
  ])('reduces %s to %s', (name, key) => {
    expect(employerKey(name)).toBe(key)
  })
})
