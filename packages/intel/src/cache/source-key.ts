import { intelKinds, type IntelKind, type IntelSourceDefinition } from '../source/intel-source.js'

/**
 * Which cached source: the kind, plus the user's list name for kinds that hold several named lists side by side
 * (watchlists, high-risk institution lists, network classifications).
 */
export type SourceKey = { readonly kind: IntelKind; readonly name?: string }

// List names become folder names: keep them to characters every file system and shell accepts unquoted.
const listNamePattern = /^[a-z0-9][a-z0-9._-]{0,63}$/i

/** Whether `value` is one of the intel kinds (`ofac-sdn`, `watchlist`...). */
export function isIntelKind(value: string): value is IntelKind {
  return (intelKinds as readonly string[]).includes(value)
}

/** Why a list name cannot be used, or undefined when it can. */
export function listNameProblem(name: string): string | undefined {
  if (listNamePattern.test(name)) return undefined
  return `list name "${name}" must be 1-64 letters, digits, dots, dashes or underscores, starting with a letter or digit`
}

/**
 * Checks a key against its definition: named kinds need a valid name, official kinds take none. Returns the problem
 * in a sentence, or undefined.
 */
export function sourceKeyProblem(definition: IntelSourceDefinition, name: string | undefined): string | undefined {
  if (definition.isNamedList) {
    if (name === undefined) return `${definition.kind} holds named lists: give the list a name with --name`
    return listNameProblem(name)
  }
  if (name !== undefined) return `${definition.kind} is an official list and takes no --name`
  return undefined
}

/** How a source is named in statuses, signals and `dataVersions`: `ofac-sdn`, or `watchlist:front-companies`. */
export function sourceDisplayName(key: SourceKey): string {
  return key.name === undefined ? key.kind : `${key.kind}:${key.name}`
}

/** The source's folder inside the cache directory, as path segments. */
export function sourceFolderSegments(key: SourceKey): readonly string[] {
  return key.name === undefined ? [key.kind] : [key.kind, key.name]
}
