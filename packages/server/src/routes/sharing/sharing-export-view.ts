import { exportTlpLevels, sharingExportFormats, type SharingExportSummary } from '@hirewall/store'
import { z } from 'zod'

/** One export as the API lists it: what was shared, by whom, when, and how much (the document is downloaded apart). */
export const sharingExportViewSchema = z
  .object({
    id: z.string(),
    format: z.enum(sharingExportFormats),
    tlp: z.enum(exportTlpLevels),
    isHashed: z.boolean().describe('Privacy-preserving mode: keyed hashes instead of values.'),
    keyFingerprint: z.string().nullable().describe('Which consortium key the hashes need (never the key).'),
    selection: z.record(z.string(), z.unknown()).describe('The date range and cluster the export was asked for.'),
    actor: z.string().describe('The admin who exported: `user:<id>`.'),
    createdAt: z.iso.datetime(),
    indicatorCount: z.number().int(),
    withheldCount: z.number().int().describe('Indicators kept back (a range in hashed mode, an unreadable value).'),
    objectCount: z.number().int().describe('STIX objects in the bundle, or MISP attributes in the event.'),
    downloadUrl: z.string().describe('`GET` it for the document as it left.'),
  })
  .meta({ id: 'SharingExport' })

export type SharingExportView = z.infer<typeof sharingExportViewSchema>

export function toSharingExportView(summary: SharingExportSummary): SharingExportView {
  return {
    id: summary.id,
    format: summary.format,
    tlp: summary.tlp,
    isHashed: summary.isHashed,
    keyFingerprint: summary.keyFingerprint,
    selection: summary.selection,
    actor: summary.actor,
    createdAt: summary.createdAt.toISOString(),
    indicatorCount: summary.indicatorCount,
    withheldCount: summary.withheldCount,
    objectCount: summary.objectCount,
    downloadUrl: `/v1/sharing/exports/${summary.id}`,
  }
}
