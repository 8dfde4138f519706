import { foldToAscii } from './person-name.js'
import { memoise } from './memoise.js'

/** Seniority a job title claims, lowest first. Titles without such a word claim none. */
export const seniorityTiers = ['senior', 'staff', 'executive'] as const
export type SeniorityTier = (typeof seniorityTiers)[number]

export type SeniorityClaim = {
  readonly tier: SeniorityTier
  /** The word of the title that claims it, lower-case ASCII (`senior`, `head of`, `cto`). */
  readonly keyword: string
  /** Years of professional experience such a title normally follows. */
  readonly usualYears: number
  /** Below this many years the claim is far out of line, not just early. */
  readonly clearlyShortYears: number
}

/**
 * Usual experience per tier. The senior line sits at 2.5 years rather than a textbook 3: start-ups and many markets
 * give "Senior" and "Lead" titles early, and the signal is meant for clear inflation (a "Senior" straight out of
 * school), not for a fast promotion.
 */
export const seniorityExperience: Readonly<
  Record<SeniorityTier, { readonly usualYears: number; readonly clearlyShortYears: number }>
> = {
  senior: { usualYears: 2.5, clearlyShortYears: 1 },
  staff: { usualYears: 5, clearlyShortYears: 2 },
  executive: { usualYears: 7, clearlyShortYears: 3 },
}

// Highest tier first: "Senior Director" claims a director's seniority, "Senior Vice President" an executive's.
const patterns: readonly (readonly [SeniorityTier, RegExp])[] = [
  [
    'executive',
    /\b(vice president|vp|svp|evp|president|chief|cto|cio|ciso|cso|ceo|coo|cfo|cpo|cmo|cdo|cro|managing director)\b/,
  ],
  // "Staff" alone is an entry title in accounting and nursing; it claims seniority only for engineers and scientists.
  [
    'staff',
    /\b(staff(?: [a-z]+)? (?:engineer|scientist|developer|designer|researcher)|principal|distinguished|architect|director|head of)\b/,
  ],
  ['senior', /\b(senior|sr|lead|tech lead|team lead)\b(?! generation)/],
]

// Titles that sit below the rank they name ("Assistant Vice President", "Associate Architect", "Junior Lead").
const belowRank = /\b(junior|jr|assistant|associate|deputy|intern|trainee|apprentice|graduate|aspiring)\b/

/** The seniority a job title claims, or undefined when it claims none. */
export function classifySeniority(title: string | undefined): SeniorityClaim | undefined {
  return title ? classifyTitle(title) : undefined
}

// Job titles are a small vocabulary: each is read once.
const classifyTitle = memoise((title: string): SeniorityClaim | undefined => {
  const text = foldToAscii(title).replace(/[^a-z0-9]+/g, ' ')
  if (belowRank.test(text)) return undefined
  for (const [tier, pattern] of patterns) {
    const match = pattern.exec(text)
    if (match) return { tier, keyword: match[0], ...seniorityExperience[tier] }
  }
  return undefined
})
