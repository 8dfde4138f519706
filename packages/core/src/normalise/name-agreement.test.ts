import { describe, expect, it } from 'vitest'
import { compareDisplayName, type NameAgreement } from './name-agreement.js'
import { parsePersonName } from './person-name.js'

describe('compareDisplayName', () => {
  it.each<[string, string, NameAgreement]>([
    ['Jordan Avery Miller', 'Jordan Miller', 'same'],
    ['Jordan Avery Miller', 'Miller Jordan', 'same'],
    ['Jordan Avery Miller', 'J. Miller', 'same'],
    ['Jordan Avery Miller', 'J. A. M.', 'same'],
    ['Jordan Avery Miller', 'Jordan', 'same'],
    ['Jordan Avery Miller', 'Jordan Avery', 'same'],
    ['Jordan Avery Miller', 'Avery Miller', 'same'],
    ['Jordan Avery Miller', 'Jordan Avery-Miller', 'same'],
    ['Jordan Avery Miller', 'Jordan Miller, PMP', 'same'],
    ['Jordan Avery Miller', 'Jordan Miller PMP', 'same'],
    ['Jordan Avery Miller', 'Dr. Jordan Miller (she/her)', 'same'],
    ['Jordan Avery Miller', 'Jordan Miller - Staff Engineer', 'same'],
    ['Jordan Avery Miller', 'jordanmiller', 'same'],
    ['Jordan Avery Miller', 'jmiller', 'same'],
    ['Jordan Avery Miller', '🚀 Jordan Miller', 'same'],
    ['Aaron Nguyen', 'aaron-dev', 'same'],
    ['Jessica Scott', 'cloud_coder1019', 'unknown'],
    ['Jordan Avery Miller', 'Wei Zhang', 'different'],
    ['Jordan Avery Miller', 'Jordan Smith', 'different'],
    ['Jordan Avery Miller', 'Avery Smith', 'different'],
    ['Jordan Avery Miller', 'J. Smith', 'different'],
    ['Jordan Avery Miller', 'K. L.', 'different'],
    ['Robert James Smith', 'Bob Smith', 'same'],
    ['Robert James Smith', 'Rob Smith', 'same'],
    ['William Turner', 'Bill Turner', 'same'],
    ['Katherine Nguyen', 'Kate Nguyen', 'same'],
    ['Elizabeth Olsen', 'Liz Olsen', 'same'],
    ['Alexander Chen', 'Alex Chen', 'same'],
    ['Alexander Chen', 'Sasha Chen', 'same'],
    ['Dmitry Ivanov', 'Dima Ivanov', 'same'],
    ['José Martínez', 'Jose Martinez', 'same'],
    ['María José García López', 'Maria Garcia', 'same'],
    ['María José García López', 'Maria Fernandez', 'different'],
    ['Wei Zhang', 'David Zhang', 'same'],
    ['Minjun Kim', '김민준', 'unknown'],
    ['Jordan Miller', '', 'unknown'],
    ['', 'Jordan Miller', 'unknown'],
  ])('%s / %s → %s', (name, displayName, expected) => {
    expect(compareDisplayName(displayName, parsePersonName(name))).toBe(expected)
  })
})
