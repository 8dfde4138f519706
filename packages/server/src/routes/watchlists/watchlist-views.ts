import { severities } from '@hirewall/core'
import { watchlistIndicatorKinds } from '@hirewall/intel'
import { tlpLevels } from '@hirewall/sharing'
import type { StoredWatchlistEntry, Watchlist } from '@hirewall/store'
import { z } from 'zod'

export const watchlistViewSchema = z
  .object({
    id: z.string(),
    name: z.string().describe('Signals cite the list as `watchlist:<name>`.'),
    description: z.string().nullable(),
    entries: z.number().int().describe('How many entries the list holds.'),
    revision: z
      .number()
      .int()
      .describe('Grows by one with every change to the entries; results cite it as the version.'),
    createdBy: z.string(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'Watchlist' })
export type WatchlistView = z.infer<typeof watchlistViewSchema>

export function toWatchlistView(watchlist: Watchlist): WatchlistView {
  return {
    id: watchlist.id,
    name: watchlist.name,
    description: watchlist.description,
    entries: watchlist.entries,
    revision: watchlist.revision,
    createdBy: watchlist.createdBy,
    createdAt: watchlist.createdAt.toISOString(),
    updatedAt: watchlist.updatedAt.toISOString(),
  }
}

export const watchlistEntryViewSchema = z
  .object({
    id: z.number().int(),
    kind: z.enum(watchlistIndicatorKinds),
    value: z.string().describe('As it was written.'),
    normalised: z.string().describe('The comparison key: E.164 phone, canonical mailbox, `network:username`...'),
    severity: z.enum(severities).nullable().describe('null: the signal default, high.'),
    note: z.string().nullable(),
    source: z.string().describe('Who supplied it: a partner identity, a file, a person.'),
    tlp: z.enum(tlpLevels),
    isShareable: z.boolean().describe('False for TLP:RED: the entry never leaves the organisation in an export.'),
    confidence: z.number().int().nullable(),
    addedBy: z.string(),
    addedAt: z.string(),
  })
  .meta({ id: 'WatchlistEntry' })
export type WatchlistEntryView = z.infer<typeof watchlistEntryViewSchema>

export function toWatchlistEntryView(entry: StoredWatchlistEntry): WatchlistEntryView {
  return {
    id: entry.id,
    kind: watchlistIndicatorKinds.find((kind) => kind === entry.kind) ?? 'email',
    value: entry.value,
    normalised: entry.normalised,
    severity: entry.severity,
    note: entry.note,
    source: entry.source,
    tlp: tlpLevels.find((level) => level === entry.tlp) ?? 'red',
    isShareable: entry.tlp !== 'red',
    confidence: entry.confidence,
    addedBy: entry.addedBy,
    addedAt: entry.addedAt.toISOString(),
  }
}

export const rescreenStartedSchema = z
  .object({
    status: z
      .enum(['queued', 'running', 'not-needed'])
      .describe(
        '`queued`: a background job (`jobId`); `running`: in this process; `not-needed`: no stored application holds the indicators.',
      ),
    scope: z.enum(['some', 'all']).describe('`some`: the applications holding the indicators; `all`: every one.'),
    applications: z.number().int().nullable().describe('How many applications are re-screened; null for all.'),
    reason: z.string().optional().describe('Why every application is re-screened.'),
    jobId: z.string().optional(),
  })
  .meta({ id: 'WatchlistRescreen' })
export type RescreenStarted = z.infer<typeof rescreenStartedSchema>
