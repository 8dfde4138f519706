import type { Detector } from '../detect/detector.js'
import { findGeneratedTraits } from '../normalise/generated-local-part.js'
import type { NormalisedEmail } from '../normalise/normalise-application.js'
import { isRelatedToName, type PersonName } from '../normalise/person-name.js'
import type { ReferenceData } from '../reference/reference-data.js'
import { defineSignals } from '../signals/signal-definition.js'
import type { Signal } from '../signals/signal.js'

const emailSignals = defineSignals([
  {
    code: 'email.invalid',
    category: 'email',
    stage: 'application',
    severity: 'medium',
    description: 'An email address is not a valid address (no @, characters mail systems refuse, a bad domain).',
  },
  {
    code: 'email.disposable',
    category: 'email',
    stage: 'application',
    severity: 'high',
    description: 'An email address is at a disposable (throwaway) mail domain.',
  },
  {
    code: 'email.free-mail',
    category: 'email',
    stage: 'application',
    severity: 'info',
    description: 'An email address is at a free consumer mail service; context only, as most applicants use one.',
  },
  {
    code: 'email.local-part.unrelated-to-name',
    category: 'email',
    stage: 'application',
    severity: 'low',
    description: "An email address's local part does not derive from the applicant's name.",
  },
  {
    code: 'email.local-part.generated',
    category: 'email',
    stage: 'application',
    severity: 'low',
    description:
      "An email address's local part looks machine-made: a long digit run that is not a date, letters with almost " +
      'no vowels, or letters and digits alternating many times.',
  },
])

type EmailCode = (typeof emailSignals)[number]['code']

const severityOf = new Map(emailSignals.map((definition) => [definition.code, definition.severity]))

// Role mailboxes name a function, not a person: whether they fit the applicant's name says nothing.
const roleMailboxes = new Set([
  'admin',
  'billing',
  'careers',
  'contact',
  'enquiries',
  'hello',
  'hr',
  'info',
  'inquiries',
  'jobs',
  'mail',
  'office',
  'sales',
  'support',
  'team',
  'work',
])

/** Fewer letters and digits than this say too little to judge against a name (`jm`, `x1`). */
const minimumJudgedLength = 3

/**
 * Reads every email of the application (SIGNALS.md item 3): invalid addresses, disposable and free-mail domains
 * from the maintained lists behind `reference`, and local parts that do not fit the applicant's name or look
 * machine-made. A generated local part does not also count as unrelated to the name: it is one cause.
 */
export const emailDetector: Detector<EmailCode> = {
  name: 'email',
  signals: emailSignals,
  detect({ facts, reference }) {
    const found: Signal<EmailCode>[] = []
    for (const email of facts.emails) {
      if (!email.isValid) {
        found.push(
          make(
            'email.invalid',
            `The email "${email.raw}" is not a valid address: it ${email.problem ?? 'is malformed'}.`,
            Object.assign(where(email), {
              problem: email.problem ?? 'malformed',
            }),
          ),
        )
        continue
      }
      const domainSignal = domainSignalOf(email, reference)
      if (domainSignal) found.push(domainSignal)
      const localSignal = localPartSignalOf(email, facts.name)
      if (localSignal) found.push(localSignal)
    }
    return found
  },
}

function domainSignalOf(email: NormalisedEmail, reference: ReferenceData): Signal<EmailCode> | undefined {
  if (reference.isDisposableEmailDomain(email.domain)) {
    const list = reference.sources.find((source) => /disposable/i.test(source.name))
    const listName = list?.name ?? 'the disposable-domain list'
    return make(
      'email.disposable',
      `The email "${email.raw}" is at ${email.domain}, a disposable (throwaway) mail domain listed by ${listName}.`,
      Object.assign(where(email), {
        domain: email.domain,
        list: listName,
        ...(list ? { listVersion: list.version } : {}),
      }),
    )
  }
  if (reference.isFreeEmailDomain(email.domain)) {
    const list = reference.sources.find((source) => /free/i.test(source.name))
    return make(
      'email.free-mail',
      `The email "${email.raw}" is at ${email.domain}, a free consumer mail service.`,
      Object.assign(where(email), {
        domain: email.domain,
        ...(list ? { list: list.name, listVersion: list.version } : {}),
      }),
    )
  }
  return undefined
}

function localPartSignalOf(email: NormalisedEmail, name: PersonName): Signal<EmailCode> | undefined {
  const local = email.local.split('+')[0] ?? email.local
  const traits = findGeneratedTraits(local, name)
  if (traits.length > 0) {
    return make(
      'email.local-part.generated',
      `The email "${email.raw}" has a generated-looking local part "${local}": ` +
        `${traits.map((finding) => finding.explanation).join('; ')}.`,
      Object.assign(where(email), { localPart: local, traits: traits.map((finding) => finding.trait) }),
    )
  }
  const compact = local.toLowerCase().replace(/[^a-z0-9]/g, '')
  // A name written in another script (Патков, 李娜) cannot be compared with a Latin local part without transliteration.
  const hasLatinName = name.tokens.some((token) => /^[a-z]+$/.test(token))
  const isJudged = hasLatinName && compact.length >= minimumJudgedLength && !roleMailboxes.has(local.toLowerCase())
  if (!isJudged || isRelatedToName(local, name)) return undefined
  return make(
    'email.local-part.unrelated-to-name',
    `The email "${email.raw}" has a local part "${local}" that does not derive from the applicant's name "${name.full}".`,
    Object.assign(where(email), { localPart: local, name: name.full }),
  )
}

// A fresh object each call: signals add their own facts with Object.assign (`{ ...x, more }` is slow in V8).
function where(email: NormalisedEmail): Record<string, unknown> {
  return { path: email.path, raw: email.raw }
}

function make(code: EmailCode, message: string, evidence: Readonly<Record<string, unknown>>): Signal<EmailCode> {
  return { code, severity: severityOf.get(code) ?? 'low', message, evidence }
}
