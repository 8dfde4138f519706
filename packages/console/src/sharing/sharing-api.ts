import { callApi } from '../api/api-client'

/** The formats and TLP levels an admin may export in; TLP:RED never leaves, so it is not offered. */
export const exportFormats = ['stix', 'misp'] as const
export type ExportFormat = (typeof exportFormats)[number]
export const exportTlpLevels = ['clear', 'green', 'amber', 'amber+strict'] as const
export type ExportTlpLevel = (typeof exportTlpLevels)[number]

/** One export as the API lists it. */
export type SharingExport = {
  readonly id: string
  readonly format: ExportFormat
  readonly tlp: ExportTlpLevel
  readonly isHashed: boolean
  readonly keyFingerprint: string | null
  readonly selection: Readonly<Record<string, unknown>>
  readonly actor: string
  readonly createdAt: string
  readonly indicatorCount: number
  readonly withheldCount: number
  readonly objectCount: number
  readonly downloadUrl: string
}

/** What the export form holds: strings as typed, empty when not given. */
export type ExportForm = {
  readonly format: ExportFormat
  readonly tlp: ExportTlpLevel
  readonly isHashed: boolean
  /** `YYYY-MM-DD` from a date input, or empty. */
  readonly decidedFrom: string
  readonly decidedBefore: string
  readonly clusterId: string
  readonly attributedTo: string
}

export const emptyExportForm: ExportForm = {
  format: 'stix',
  tlp: 'amber',
  isHashed: false,
  decidedFrom: '',
  decidedBefore: '',
  clusterId: '',
  attributedTo: '',
}

/** The body of `POST /v1/sharing/exports` for a form: blank fields left out, text trimmed. */
export function exportRequestOf(form: ExportForm): Readonly<Record<string, unknown>> {
  const optional = (name: string, value: string) => (value.trim() === '' ? {} : { [name]: value.trim() })
  return {
    format: form.format,
    tlp: form.tlp,
    hashed: form.isHashed,
    ...optional('decidedFrom', form.decidedFrom),
    ...optional('decidedBefore', form.decidedBefore),
    ...optional('clusterId', form.clusterId),
    ...optional('attributedTo', form.attributedTo),
  }
}

/** The TLP label as people write it: `TLP:AMBER+STRICT`. */
export function tlpLabel(level: ExportTlpLevel): string {
  return `TLP:${level.toUpperCase()}`
}

/** A one-line account of what an export was asked for: "decided from 2026-11-01, cluster cluster:ring-1". */
export function describeSelection(selection: Readonly<Record<string, unknown>>): string {
  const parts: string[] = []
  const text = (name: string): string | undefined => {
    const value = selection[name]
    return typeof value === 'string' ? value : undefined
  }
  const from = text('decidedFrom')
  const before = text('decidedBefore')
  if (from !== undefined) parts.push(`decided from ${from}`)
  if (before !== undefined) parts.push(`decided before ${before}`)
  const cluster = text('clusterId')
  if (cluster !== undefined) parts.push(`cluster ${cluster}`)
  const attributed = text('attributedTo')
  if (attributed !== undefined) parts.push(`attributed to ${attributed}`)
  return parts.length === 0 ? 'every confirmed fraud' : parts.join(', ')
}

/** The file name a download is saved as. */
export function downloadFileName(item: Pick<SharingExport, 'id' | 'format'>): string {
  return `hirewall-export-${item.id}.${item.format === 'stix' ? 'stix' : 'misp'}.json`
}

export async function listExports(signal: AbortSignal): Promise<readonly SharingExport[]> {
  return (await callApi<{ items: readonly SharingExport[] }>('GET', '/v1/sharing/exports?limit=100', { signal })).items
}

/** Exports the confirmed-fraud indicators the form selects; the answer says how many left and what was kept back. */
export function createExport(form: ExportForm): Promise<{
  readonly export: SharingExport
  readonly withheld: readonly { readonly kind: string; readonly reason: string; readonly message: string }[]
}> {
  return callApi('POST', '/v1/sharing/exports', { body: exportRequestOf(form) })
}

/** Fetches an export's document (the download is audited) and saves it as a file. */
export async function downloadExport(item: SharingExport): Promise<void> {
  const document = await callApi<unknown>('GET', item.downloadUrl)
  const url = URL.createObjectURL(new Blob([JSON.stringify(document, null, 2)], { type: 'application/json' }))
  const link = Object.assign(window.document.createElement('a'), { href: url, download: downloadFileName(item) })
  link.click()
  URL.revokeObjectURL(url)
}
