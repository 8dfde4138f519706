import {
  findSignalDefinition,
  identifierKinds,
  signalCategories,
  type IdentifierKind,
  type SignalCode,
} from '@hirewall/core'
import { allowedSignalGroups } from './signal-features.js'

export const featureKinds = ['signal', 'category', 'link'] as const
export type FeatureKind = (typeof featureKinds)[number]

/** One input of the model: a number that is 0 in the common case (nothing found), larger when there is more. */
export type FeatureDefinition = {
  /** Stable dotted name, stored in model files: `signal.phone.voip`, `link.cluster.other-applications`. */
  readonly name: string
  readonly kind: FeatureKind
  /** What the value measures, in a phrase an analyst understands. */
  readonly description: string
  /** Why this input says nothing about a protected attribute (national origin, ethnicity, age, sex). */
  readonly whyAllowed: string
  /** For `signal` features: the rule signal it reads, so explanations sit next to that signal. */
  readonly signalCode?: SignalCode
}

const countWhy =
  'A count of the rule signals of one family that the model may read (each allowed on its own); excluded signals are not counted.'
const linkWhy =
  'How this application’s identifiers connect to other applications in the pool: reuse across claimed people is the persona-ring tell. Counts and similarities only; no identifier, name or place reaches the model.'

function signalFeatures(): FeatureDefinition[] {
  return allowedSignalGroups.flatMap((group) =>
    group.codes.map((code): FeatureDefinition => {
      const definition = findSignalDefinition(code)
      return {
        name: `signal.${code}`,
        kind: 'signal',
        description: definition?.description ?? code,
        whyAllowed: group.whyAllowed,
        signalCode: code,
      }
    }),
  )
}

function categoryFeatures(): FeatureDefinition[] {
  const readable = new Set(
    allowedSignalGroups.flatMap((group) => group.codes.map((code) => findSignalDefinition(code)?.category)),
  )
  return [
    ...signalCategories
      .filter((category) => readable.has(category))
      .map((category): FeatureDefinition => ({
        name: `category.${category}.count`,
        kind: 'category',
        description: `${category} signals at low severity or above`,
        whyAllowed: countWhy,
      })),
    {
      name: 'category.families-at-low',
      kind: 'category',
      description: 'Signal families with a signal at low severity or above',
      whyAllowed: countWhy,
    },
    {
      name: 'category.families-at-medium',
      kind: 'category',
      description: 'Signal families with a signal at medium severity or above',
      whyAllowed: countWhy,
    },
  ]
}

const kindPhrases: Readonly<Record<IdentifierKind, string>> = {
  phone: 'phone number',
  email: 'mailbox',
  address: 'postal address',
  device: 'device fingerprint',
  ip: 'IP address',
  'ip-prefix': 'network (/24 or /48)',
  profile: 'profile handle',
  'cv-file': 'CV file',
  'cv-text': 'CV text',
  photo: 'photo',
  referrer: 'referrer',
  payee: 'payee account',
}

function linkFeatures(): FeatureDefinition[] {
  const link = (name: string, description: string): FeatureDefinition => ({
    name,
    kind: 'link',
    description,
    whyAllowed: linkWhy,
  })
  return [
    link('link.cluster.other-applications', 'Other applications in the same persona cluster when it was linked.'),
    link('link.cluster.other-claimed-people', 'Other claimed people in the same persona cluster.'),
    link('link.cluster.other-surnames', 'Other surnames in the same persona cluster.'),
    link('link.shared-kinds', 'Kinds of identifier shared with other claimed people.'),
    ...identifierKinds.map((kind) =>
      link(`link.shared.${kind}.other-people`, `Other claimed people on the same ${kindPhrases[kind]}.`),
    ),
    link(
      'link.same-person.earlier-applications',
      'Earlier applications of the same claimed person sharing an identifier.',
    ),
    link('link.cv-text.similarity', 'Similarity of the closest CV text of another claimed person (0 to 1).'),
    link('link.photo.similarity', 'Similarity of the closest photo of another claimed person (0 to 1).'),
  ]
}

/** Every feature the model can compute, in vector order. */
export const modelFeatures: readonly FeatureDefinition[] = [
  ...signalFeatures(),
  ...categoryFeatures(),
  ...linkFeatures(),
]

/** Feature names in vector order. */
export const modelFeatureNames: readonly string[] = modelFeatures.map((feature) => feature.name)

const featureIndex = new Map<string, number>(modelFeatureNames.map((name, index) => [name, index]))

/** The position of a feature in the vector `extractFeatures` returns, or undefined for a name this version lacks. */
export function featurePosition(name: string): number | undefined {
  return featureIndex.get(name)
}

export function findFeature(name: string): FeatureDefinition | undefined {
  const index = featureIndex.get(name)
  return index === undefined ? undefined : modelFeatures[index]
}
