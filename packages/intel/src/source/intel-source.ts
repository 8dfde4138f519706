import type { HighRiskInstitution, Institution } from '../institutions/institution.js'
import type { NetworkRange } from '../network/network-range.js'
import type { SanctionedEntity } from '../sanctions/sanctioned-entity.js'
import type { WatchlistEntry } from '../watchlists/watchlist-entry.js'
import type { ReferenceSource } from '@hirewall/core'

/** Every kind of reference source HireWall reads; `hirewall intel import KIND FILE...` takes these names. */
export const intelKinds = [
  'ofac-sdn',
  'ofac-consolidated',
  'un-consolidated',
  'opensanctions',
  'world-universities',
  'ipeds',
  'high-risk-institutions',
  'x4b-vpn',
  'x4b-datacenter',
  'network-classification',
  'tor-exits',
  'watchlist',
] as const
export type IntelKind = (typeof intelKinds)[number]

/** One file of a source as read from disk or downloaded: its name (`sdn.csv`) and its text. */
export type IntelFile = { readonly name: string; readonly text: string }

/** One official download of a source, fetched by `hirewall intel update`. */
export type SourceDownload = {
  /** The file name the parser expects (`sdn.csv`). */
  readonly name: string
  readonly url: string
  /** When set, the download is a zip archive and this member is the file. */
  readonly zipMember?: string
  /** A source still loads without it (OFAC's add.csv, say). */
  readonly isOptional?: boolean
}

/** What a parser made of a source's files: the data, by area, tagged for the loader that builds the index. */
export type ParsedIntel =
  | { readonly area: 'sanctions'; readonly entities: readonly SanctionedEntity[] }
  | { readonly area: 'institutions'; readonly institutions: readonly Institution[] }
  | { readonly area: 'high-risk-institutions'; readonly entries: readonly HighRiskInstitution[] }
  | { readonly area: 'network'; readonly ranges: readonly NetworkRange[] }
  | { readonly area: 'watchlist'; readonly entries: readonly WatchlistEntry[] }

/** A problem with a source file, named precisely enough to fix it: file, line (1-based) when known, field. */
export type IntelFileIssue = {
  readonly file: string
  readonly line?: number
  /** 1-based column of a CSV file, when the problem is in one cell. */
  readonly column?: number
  readonly field?: string
  readonly message: string
}

export type IntelParseResult =
  | {
      readonly status: 'ok'
      readonly data: ParsedIntel
      /** Entries loaded (entities, institutions, ranges...). */
      readonly entries: number
      /** The publication date or version the files themselves state (the UN list's `dateGenerated`), if any. */
      readonly version?: string
      /** Rows skipped with the reason; a few bad rows do not reject an official list. */
      readonly skipped: readonly IntelFileIssue[]
    }
  | { readonly status: 'invalid'; readonly issues: readonly IntelFileIssue[] }

/** What HireWall knows about one kind of source: where it comes from and how to read it. */
export type IntelSourceDefinition = {
  readonly kind: IntelKind
  readonly title: string
  readonly publisher: string
  readonly licence: string
  /** Official downloads for `intel update`; empty for lists only the organisation itself can provide. */
  readonly downloads: readonly SourceDownload[]
  /** One line for `intel import --help`: which files to pass and in what format. */
  readonly importHelp: string
  /** Several named lists of this kind may be loaded side by side (watchlists, high-risk lists). */
  readonly isNamedList: boolean
  /** Pure: no I/O. A malformed file gives `invalid` with the file and line, never a throw. */
  readonly parse: (files: readonly IntelFile[]) => IntelParseResult
}

/** A loaded source as signals cite it and `intel status` lists it. */
export type IntelSourceStatus = {
  readonly kind: IntelKind | 'package'
  /** The list's name: the kind for official lists, the user's name for named lists. */
  readonly name: string
  /** The data's own version or date when it has one, else the date it was fetched or imported. */
  readonly version: string
  readonly fetchedAt: string
  readonly sha256: string
  readonly bytes: number
  readonly entries: number
  /** Rows of the files the parser skipped (bad or repeated rows), for cached sources. */
  readonly skipped?: number
  readonly origin: 'download' | 'import' | 'package'
}

/**
 * One loaded list handed to a detector builder: its items and the source they came from, so every signal can cite
 * the list and version it used (`evidence.source: { name, version }`).
 */
export type LoadedList<Item> = { readonly source: ReferenceSource; readonly items: readonly Item[] }
