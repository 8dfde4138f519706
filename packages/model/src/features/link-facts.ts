import { identifierKinds, type IdentifierKind, type LinkResult, type PersonaCluster } from '@hirewall/core'

/**
 * What the identity graph knew about one application when it was linked: counts and similarities only, never who the
 * other applications or people are. The CLI takes them from its in-memory identity index; the service stores them
 * with each result so that a later rescoring sees the graph as it was at screening time.
 */
export type LinkFacts = {
  /** Applications in the persona cluster as of linking, this one included (1 when it stands alone). */
  readonly clusterApplications: number
  /** Distinct claimed people in that cluster (1 when alone). */
  readonly clusterClaimedPeople: number
  /** Distinct surnames in that cluster (1 when alone). */
  readonly clusterSurnames: number
  /** Per identifier kind: the most other claimed people found on one identifier of that kind (absent = 0). */
  readonly otherPeopleByKind: Readonly<Partial<Record<IdentifierKind, number>>>
  /** Earlier applications of the same claimed person that share an identifier with this one (resubmissions). */
  readonly samePersonEarlierApplications: number
  /** Estimated Jaccard similarity of the closest earlier CV text of another person, 0 when none is near. */
  readonly cvTextSimilarity: number
  /** Similarity (1 - differing bits / 64) of the closest earlier photo of another person, 0 when none is near. */
  readonly photoSimilarity: number
}

/** Link facts of an application that shares nothing with anyone (or was screened without the identity graph). */
export const unlinkedFacts: LinkFacts = {
  clusterApplications: 1,
  clusterClaimedPeople: 1,
  clusterSurnames: 1,
  otherPeopleByKind: {},
  samePersonEarlierApplications: 0,
  cvTextSimilarity: 0,
  photoSimilarity: 0,
}

/** The link facts of one link result, with its persona cluster as the index described it right after linking. */
export function linkFactsFrom(link: LinkResult, cluster: PersonaCluster | undefined): LinkFacts {
  const otherPeopleByKind: Partial<Record<IdentifierKind, number>> = {}
  let samePersonEarlierApplications = 0
  let cvTextSimilarity = 0
  let photoSimilarity = 0
  for (const found of link.links) {
    if (found.otherPeople > 0) {
      otherPeopleByKind[found.kind] = Math.max(otherPeopleByKind[found.kind] ?? 0, found.otherPeople)
    }
    if (found.match === 'exact') {
      if (found.otherPeople === 0)
        samePersonEarlierApplications = Math.max(samePersonEarlierApplications, found.applicationCount)
    } else if (found.otherPeople > 0) {
      if (found.kind === 'cv-text') cvTextSimilarity = Math.max(cvTextSimilarity, found.similarity)
      else photoSimilarity = Math.max(photoSimilarity, found.similarity)
    }
  }
  return {
    clusterApplications: Math.max(1, cluster?.applicationIds.length ?? 1),
    clusterClaimedPeople: Math.max(1, cluster?.claimedPeople ?? 1),
    clusterSurnames: Math.max(1, cluster?.surnames ?? 1),
    otherPeopleByKind,
    samePersonEarlierApplications,
    cvTextSimilarity,
    photoSimilarity,
  }
}

/** The kinds on which the application shares an identifier with at least one other claimed person. */
export function sharedKinds(facts: LinkFacts): readonly IdentifierKind[] {
  return identifierKinds.filter((kind) => (facts.otherPeopleByKind[kind] ?? 0) > 0)
}
