import { createReadStream } from 'node:fs'
import { open, readFile, stat } from 'node:fs/promises'
import { join } from 'node:path'
import { createInterface } from 'node:readline'
import {
  importEntraSignIn,
  importEntraSignIns,
  importHiresCsv,
  importHiresJson,
  importMdmCsv,
  importOktaEvent,
  importOktaSystemLog,
  importOsqueryLog,
  importOsqueryResult,
  importPayrollCsv,
  importShipmentsCsv,
  type ImportedRow,
  type WorkforceRecord,
} from '@hirewall/workforce'
import { UsageError } from '../usage-error.js'

/** The feeds `hirewall workforce` reads, each from a flag or from its usual name in a directory. */
export const feedKinds = ['hires', 'shipments', 'mdm', 'osquery', 'okta', 'entra', 'payroll'] as const
export type FeedKind = (typeof feedKinds)[number]

/** The names a feed's file has in a directory, the first one that exists is read. */
export const feedFileNames: Readonly<Record<FeedKind, readonly string[]>> = {
  hires: ['hires.csv', 'hires.jsonl', 'hires.json'],
  shipments: ['shipments.csv'],
  mdm: ['mdm.csv'],
  osquery: ['osquery.log', 'osquery-results.log', 'osquery.jsonl'],
  okta: ['okta-system-log.jsonl', 'okta-system-log.json'],
  entra: ['entra-sign-ins.jsonl', 'entra-sign-ins.json'],
  payroll: ['payroll.csv'],
}

export type FeedFile = { readonly kind: FeedKind; readonly path: string }

/** One imported row and where it came from. */
export type FeedRow = { readonly file: string; readonly row: ImportedRow<WorkforceRecord> }

async function exists(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile()
  } catch {
    return false
  }
}

/** The feeds to read: each flag given, else the usual file name in the directory; at least one must exist. */
export async function resolveFeedFiles(
  directory: string | undefined,
  flags: Partial<Record<FeedKind, string>>,
): Promise<FeedFile[]> {
  const files: FeedFile[] = []
  for (const kind of feedKinds) {
    const flagged = flags[kind]
    if (flagged !== undefined) {
      if (!(await exists(flagged))) throw new UsageError(`--${kind}: no such file: ${flagged}`)
      files.push({ kind, path: flagged })
      continue
    }
    if (directory === undefined) continue
    for (const name of feedFileNames[kind]) {
      const path = join(directory, name)
      if (await exists(path)) {
        files.push({ kind, path })
        break
      }
    }
  }
  if (files.length === 0)
    throw new UsageError(
      directory === undefined
        ? 'name a directory of feed files or at least one feed (--hires, --okta...)'
        : `no feed file in ${directory} (expected names such as hires.csv, okta-system-log.jsonl: see --help)`,
    )
  return files
}

/** Whether a JSON feed is one document (an array, a Graph `{ value: [...] }`) rather than JSON Lines. */
async function isJsonDocument(path: string): Promise<boolean> {
  const handle = await open(path, 'r')
  try {
    const { buffer, bytesRead } = await handle.read(Buffer.alloc(65_536), 0, 65_536, 0)
    const head = buffer
      .subarray(0, bytesRead)
      .toString('utf8')
      .replace(/^\uFEFF/, '')
      .trimStart()
    if (head.startsWith('[')) return true
    if (!head.startsWith('{')) return false
    const firstLine = head.split('\n', 1)[0] ?? ''
    try {
      JSON.parse(firstLine)
      return false
    } catch {
      return true
    }
  } finally {
    await handle.close()
  }
}

const lineImporters = {
  osquery: (value: unknown, line: number) => importOsqueryResult(value, line),
  okta: (value: unknown, line: number) => [importOktaEvent(value, line)],
  entra: (value: unknown, line: number) => [importEntraSignIn(value, line)],
} as const

/**
 * The rows of one feed file through its importer. CSV files and JSON documents are read whole (an HR export is small;
 * a document cannot be split); JSON Lines feeds (osquery results, sign-in exports) are streamed line by line, so a
 * file of millions of events never sits in memory.
 */
export async function* feedRows(file: FeedFile, accountKey: string | undefined): AsyncGenerator<FeedRow> {
  const name = file.path
  const wrap = function* (rows: Iterable<ImportedRow<WorkforceRecord>>): Generator<FeedRow> {
    for (const row of rows) yield { file: name, row }
  }
  switch (file.kind) {
    case 'hires': {
      const text = await readFile(file.path, 'utf8')
      yield* wrap(/\.json(l)?$/i.test(file.path) ? importHiresJson(text) : importHiresCsv(text))
      return
    }
    case 'shipments':
      yield* wrap(importShipmentsCsv(await readFile(file.path, 'utf8')))
      return
    case 'mdm':
      yield* wrap(importMdmCsv(await readFile(file.path, 'utf8')))
      return
    case 'payroll':
      yield* wrap(importPayrollCsv(await readFile(file.path, 'utf8'), accountKey === undefined ? {} : { accountKey }))
      return
    case 'osquery':
    case 'okta':
    case 'entra': {
      if (await isJsonDocument(file.path)) {
        const text = await readFile(file.path, 'utf8')
        const importer =
          file.kind === 'osquery' ? importOsqueryLog : file.kind === 'okta' ? importOktaSystemLog : importEntraSignIns
        yield* wrap(importer(text))
        return
      }
      const importLine = lineImporters[file.kind]
      const lines = createInterface({ input: createReadStream(file.path, 'utf8'), crlfDelay: Infinity })
      let line = 0
      for await (const text of lines) {
        line++
        const trimmed = line === 1 ? text.replace(/^\uFEFF/, '').trim() : text.trim()
        if (trimmed === '') continue
        let value: unknown
        try {
          value = JSON.parse(trimmed)
        } catch (error) {
          const message = error instanceof Error ? error.message : String(error)
          yield {
            file: name,
            row: { line, status: 'invalid', issues: [{ path: '(line)', message: `is not valid JSON: ${message}` }] },
          }
          continue
        }
        yield* wrap(importLine(value, line))
      }
      return
    }
  }
}
