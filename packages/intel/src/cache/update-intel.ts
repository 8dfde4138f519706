import type { IntelFileIssue, IntelKind, IntelSourceDefinition } from '../source/intel-source.js'
import { intelSourceDefinitions } from '../source/source-catalogue.js'
import { downloadSource, type DownloadOptions } from './download-source.js'
import type { IntelCache } from './intel-cache.js'
import type { SourceManifest } from './source-manifest.js'

export type UpdateOptions = DownloadOptions & {
  /** Only these kinds (default: every kind with an official download). */
  readonly kinds?: readonly IntelKind[]
  /** The catalogue to update from (tests pass their own). */
  readonly definitions?: readonly IntelSourceDefinition[]
  readonly now?: () => Date
}

/** What `intel update` did to one source. A failed or refused source keeps the version in use (`current`). */
export type SourceUpdate =
  | {
      readonly kind: IntelKind
      readonly status: 'updated'
      readonly manifest: SourceManifest
      readonly previous?: SourceManifest
      readonly missingOptional: readonly string[]
    }
  | { readonly kind: IntelKind; readonly status: 'unchanged'; readonly manifest: SourceManifest }
  | { readonly kind: IntelKind; readonly status: 'failed'; readonly message: string; readonly current?: SourceManifest }
  | {
      readonly kind: IntelKind
      readonly status: 'refused'
      readonly reason: 'invalid' | 'empty' | 'collapsed'
      readonly message: string
      readonly issues: readonly IntelFileIssue[]
      readonly current?: SourceManifest
    }

/** The kinds `intel update` fetches by default: those with an official download. */
export function updatableKinds(definitions: readonly IntelSourceDefinition[] = intelSourceDefinitions): IntelKind[] {
  return definitions.filter((definition) => definition.downloads.length > 0).map((definition) => definition.kind)
}

/**
 * Downloads each official source, verifies it by parsing and stores it in the cache, one source at a time; yields
 * each source's outcome as soon as it is known so the command can report progress.
 */
export async function* updateIntel(cache: IntelCache, options: UpdateOptions = {}): AsyncGenerator<SourceUpdate> {
  const definitions = options.definitions ?? intelSourceDefinitions
  const now = options.now ?? (() => new Date())
  for (const kind of options.kinds ?? updatableKinds(definitions)) {
    const definition = definitions.find((candidate) => candidate.kind === kind)
    const current = await cache.currentManifest({ kind })
    const kept = current ? { current } : {}
    if (!definition || definition.downloads.length === 0) {
      yield { kind, status: 'failed', message: `${kind} has no official download: use intel import`, ...kept }
      continue
    }
    const download = await downloadSource(definition, options)
    if (download.status === 'failed') {
      yield { kind, status: 'failed', message: download.message, ...kept }
      continue
    }
    const outcome = await cache.store(definition, {
      key: { kind },
      origin: 'download',
      fetchedAt: now(),
      files: download.files,
    })
    switch (outcome.status) {
      case 'stored':
        yield {
          kind,
          status: 'updated',
          manifest: outcome.manifest,
          ...(outcome.previous ? { previous: outcome.previous } : {}),
          missingOptional: download.missingOptional,
        }
        break
      case 'unchanged':
        yield { kind, status: 'unchanged', manifest: outcome.manifest }
        break
      case 'refused':
        yield { kind, ...outcome }
        break
    }
  }
}
