import {
  findSignalDefinition,
  identifierKinds,
  severityRank,
  type ScreeningResult,
  type Severity,
} from '@hirewall/core'
import { sharedKinds, unlinkedFacts, type LinkFacts } from './link-facts.js'
import { featurePosition, modelFeatureNames } from './model-features.js'

/**
 * What the model scores: the rules' screening result (its signals' codes and severities; messages and evidence are
 * never read) and the identity graph's facts about the application. `link: null` when it was screened alone.
 */
export type ModelInput = {
  readonly result: Pick<ScreeningResult, 'signals'>
  readonly link: LinkFacts | null
}

const lowRank = severityRank('low')
const mediumRank = severityRank('medium')

function position(name: string): number {
  const index = featurePosition(name)
  if (index === undefined) throw new Error(`unknown model feature ${name}`)
  return index
}

const clusterApplications = position('link.cluster.other-applications')
const clusterPeople = position('link.cluster.other-claimed-people')
const clusterSurnames = position('link.cluster.other-surnames')
const sharedKindCount = position('link.shared-kinds')
const perKind = identifierKinds.map((kind) => position(`link.shared.${kind}.other-people`))
const samePerson = position('link.same-person.earlier-applications')
const cvText = position('link.cv-text.similarity')
const photo = position('link.photo.similarity')
const familiesAtMedium = position('category.families-at-medium')
const familiesAtLow = position('category.families-at-low')

/** Severity as a level: 0 when the signal is absent, 1 for info up to 5 for critical. */
export function severityLevel(severity: Severity): number {
  return severityRank(severity) + 1
}

/**
 * The feature vector of one application, in `modelFeatureNames` order. A signal feature holds the highest severity
 * level of that code (0 when absent); signals the model may not read (see signal-features.ts) are skipped everywhere.
 */
export function extractFeatures(input: ModelInput): Float64Array {
  const vector = new Float64Array(modelFeatureNames.length)
  const families = new Set<string>()
  const lowFamilies = new Set<string>()
  for (const signal of input.result.signals) {
    const index = featurePosition(`signal.${signal.code}`)
    if (index === undefined) continue
    const level = severityLevel(signal.severity)
    if (level > (vector[index] ?? 0)) vector[index] = level
    const category = findSignalDefinition(signal.code)?.category
    if (category === undefined) continue
    const rank = severityRank(signal.severity)
    if (rank >= lowRank) {
      lowFamilies.add(category)
      const countIndex = featurePosition(`category.${category}.count`)
      if (countIndex !== undefined) vector[countIndex] = (vector[countIndex] ?? 0) + 1
    }
    if (rank >= mediumRank) families.add(category)
  }
  vector[familiesAtMedium] = families.size
  vector[familiesAtLow] = lowFamilies.size

  const link = input.link ?? unlinkedFacts
  vector[clusterApplications] = link.clusterApplications - 1
  vector[clusterPeople] = link.clusterClaimedPeople - 1
  vector[clusterSurnames] = link.clusterSurnames - 1
  vector[sharedKindCount] = sharedKinds(link).length
  identifierKinds.forEach((kind, kindIndex) => {
    vector[perKind[kindIndex] as number] = link.otherPeopleByKind[kind] ?? 0
  })
  vector[samePerson] = link.samePersonEarlierApplications
  vector[cvText] = link.cvTextSimilarity
  vector[photo] = link.photoSimilarity
  return vector
}
