import { workforceSignalDefinitions, type SignalCode } from '@hirewall/core'

/** A group of rule signals the model may learn from, and why none of them stands for a protected attribute. */
export type AllowedSignalGroup = { readonly codes: readonly SignalCode[]; readonly whyAllowed: string }

/** A rule signal the model must never learn from, and why: the rules may still use it, at their capped weight. */
export type ExcludedSignal = { readonly code: SignalCode; readonly whyExcluded: string }

/**
 * The rule signals the model reads, by group. Each one says how a contact line, a document, a timeline, an account,
 * the interview or the identity graph behaves, or that two claims contradict each other; none says where a person
 * comes from. Every code of the signal registry is here, in `excludedSignals` or among the after-hire signals (a test
 * checks it), so a new signal joins the model only once someone writes down why it is allowed.
 */
export const allowedSignalGroups: readonly AllowedSignalGroup[] = [
  {
    codes: [
      'phone.unparseable',
      'phone.invalid',
      'phone.voip',
      'phone.toll-free',
      'phone.premium-rate',
      'phone.personal-number',
      'phone.non-personal-line',
    ],
    whyAllowed:
      'How the phone line works (invalid, VoIP, forwarding services): a property of the line, not the person.',
  },
  {
    codes: ['email.invalid', 'email.disposable', 'email.free-mail', 'email.local-part.generated'],
    whyAllowed:
      'How the mailbox was made (throwaway domain, machine-made local part, a local part unrelated to the name given); the name itself never reaches the model.',
  },
  {
    codes: [
      'education.date.future',
      'education.date.inverted',
      'education.timeline.order',
      'education.timeline.overlap',
      'education.duration.implausible',
    ],
    whyAllowed: 'A study timeline that cannot be true as written.',
  },
  {
    codes: ['education.age.implausible', 'employment.before-plausible-age'],
    whyAllowed:
      'A timeline impossibility (a degree finished before 17, work before 16); the birth date only dates the timeline, and age itself never reaches the model.',
  },
  {
    codes: ['education.abroad.lifelong-home-elsewhere'],
    whyAllowed:
      'A contradiction between two claims (a lifelong home and studies abroad in the same years); studying abroad alone raises nothing, and no country reaches the model.',
  },
  {
    codes: [
      'employment.date.future',
      'employment.date.inverted',
      'employment.overlap.full-time',
      'employment.seniority-exceeds-experience',
    ],
    whyAllowed: 'A work history that cannot be true as written.',
  },
  {
    codes: ['context.ip.invalid', 'context.ip.not-public', 'context.submission-hour.unusual'],
    whyAllowed: 'How the application was submitted (a hidden or broken address, the hour): behaviour, not origin.',
  },
  {
    codes: ['context.timezone.mismatch', 'context.timezone.utc8-9', 'context.claimed-timezone.mismatch'],
    whyAllowed:
      "Where the submitting computer's clock was set, against where the applicant says they live at the time of applying: a contradiction of a present-day claim, not a statement about origin.",
  },
  {
    codes: [
      'profile.display-name.mismatch',
      'profile.account.new',
      'profile.account.dormant-then-active',
      'profile.connections.few',
      'profile.github.backdated-activity',
      'profile.github.younger-than-experience',
      'profile.url.invalid',
    ],
    whyAllowed: 'How the online accounts behave (new, rented, backdated, someone else’s name on them).',
  },
  {
    codes: [
      'interview.camera-refused',
      'interview.liveness-failed',
      'interview.reading-answers',
      'interview.voice-changer',
      'interview.avoided-in-person',
    ],
    whyAllowed: 'What the interviewer observed the applicant do.',
  },
  {
    codes: [
      'identity.shared.phone',
      'identity.shared.email',
      'identity.shared.device',
      'identity.shared.cv-file',
      'identity.shared.payee',
      'identity.shared.address',
      'identity.shared.ip',
      'identity.shared.ip-prefix',
      'identity.shared.referrer',
      'identity.profile-shared',
      'identity.cv-near-duplicate',
      'identity.photo-reused',
      'identity.history-changed',
      'identity.burst',
      'identity.ring',
    ],
    whyAllowed:
      'The same identifiers or documents under several claimed people: the persona-ring tell, counted, never named.',
  },
  {
    codes: ['sanctions.match'],
    whyAllowed:
      'A match on an official sanctions list, which the law requires screening against; the list entry, not the applicant’s origin.',
  },
  {
    codes: [
      'institution.not-found',
      'institution.high-risk',
      'institution.country.mismatch',
      'institution.degree.not-offered',
    ],
    whyAllowed:
      'Facts about a school (a diploma mill, a degree it does not award, a contradiction with the country stated for it); where the school is never reaches the model.',
  },
  {
    codes: ['network.vpn', 'network.hosting', 'network.proxy', 'network.tor-exit', 'network.country.mismatch'],
    whyAllowed:
      'How the submission reached us (VPN, hosting, proxy, Tor) or a contradiction between the network location and the claimed home at the time of applying.',
  },
  {
    codes: ['network.country.embargoed'],
    whyAllowed:
      'A submission from inside a comprehensively sanctioned country, which the law requires acting on; it is about where the computer was, not where the person comes from.',
  },
  {
    codes: ['watchlist.match'],
    whyAllowed: "An identifier on the organisation's own watchlist of known-bad phones, mailboxes, addresses and IPs.",
  },
]

/** Rule signals kept out of the model. */
export const excludedSignals: readonly ExcludedSignal[] = [
  {
    code: 'phone.format.anomaly',
    whyExcluded:
      'How a person writes a phone number (digit grouping, a trunk prefix, an exit code) is a habit learned where they grew up: it fires for a newcomer writing their own local number the way they always have. In generated worlds only fraud shows it, and the model learned to send a single such signal to hold; the rules keep it as a low signal.',
  },
  {
    code: 'phone.country.mismatch',
    whyExcluded:
      'Immigrants keep the phone number of the country they grew up in, so a phone from another country than the home tracks national origin. Measured: with it, the model flagged legitimate immigrants of a generated world ten times as often as other legitimate applicants (2.3% against 0.3%); without it, no more often.',
  },
  {
    code: 'email.local-part.unrelated-to-name',
    whyExcluded:
      'Whether a mailbox derives from a name depends on how the name is romanised and on naming customs, so it fails more often for names of some origins: a proxy for name origin. Measured with this and the handle check: legitimate applicants claiming China were flagged 4.3% of the time against 0.4% for the United States; without them, 1.0%.',
  },
  {
    code: 'profile.handle.unrelated-to-name',
    whyExcluded:
      'The same as for mailboxes: whether a handle derives from a name depends on romanisation and naming customs, a proxy for name origin.',
  },
  {
    code: 'context.language.mismatch',
    whyExcluded:
      "The browser's first language is the language a person reads, which tracks national origin: immigrants and their families raise it by living normally. The rules keep it as weak context; a model would learn to lean on it.",
  },
]

/**
 * Signals about people already hired (shipments, devices, sign-ins, payroll). The model scores applications, and these
 * are raised on an employee's records, never on an application: they are not inputs of this model.
 */
export const afterHireSignalCodes: readonly SignalCode[] = workforceSignalDefinitions.map(
  (definition) => definition.code,
)
