import { basename } from 'node:path'
import type { IntelSourceDefinition } from '../source/intel-source.js'
import { isPlainFileName } from './source-manifest.js'

/** One file to import: the path the user gave and the name the parser will read it by. */
export type ImportFile = { readonly path: string; readonly name: string }

export type ImportFileNames =
  | { readonly status: 'ok'; readonly files: readonly ImportFile[] }
  | { readonly status: 'invalid'; readonly message: string }

/**
 * Names each imported file the way the source's parser expects. Users keep dated copies (`sdn_2024-05-03.csv`,
 * `UN_consolidated.xml`), so for a source of several files (OFAC's sdn.csv, alt.csv, add.csv) a file is recognised by
 * its exact name, else by starting with the expected name's words (`alt_2025-12.csv` is alt.csv; `cons_alt.csv` is
 * not), else named explicitly as `alt.csv=PATH`. A file of a single-file source is renamed when its name holds the
 * expected one's words anywhere (`UN_consolidated.xml`), else keeps its own name (the parser takes the only file).
 */
export function assignImportFileNames(definition: IntelSourceDefinition, args: readonly string[]): ImportFileNames {
  const expected = definition.downloads.map((download) => download.name)
  const files: ImportFile[] = []
  for (const arg of args) {
    const explicit = explicitName(arg, expected)
    if (explicit) {
      files.push(explicit)
      continue
    }
    const own = basename(arg)
    if (expected.length <= 1) {
      // `UN_consolidated.xml` is consolidated.xml; `hd2022.csv` keeps its name (it says the IPEDS year).
      files.push({ path: arg, name: recogniseName(own, expected, containsRun) ?? own })
      continue
    }
    const name = recogniseName(own, expected, startsWithRun)
    if (!name)
      return {
        status: 'invalid',
        message:
          `cannot tell which ${definition.kind} file ${arg} is (expected ${expected.join(', ')}): ` +
          `rename it or pass it as ${expected[0]}=${arg}`,
      }
    files.push({ path: arg, name })
  }
  if (files.length === 0) return { status: 'invalid', message: `no file given for ${definition.kind}` }
  for (const file of files)
    if (!isPlainFileName(file.name)) return { status: 'invalid', message: `${file.path} is not a file name` }
  const seen = new Map<string, string>()
  for (const file of files) {
    const other = seen.get(file.name.toLowerCase())
    if (other)
      return { status: 'invalid', message: `${other} and ${file.path} are both ${file.name} of ${definition.kind}` }
    seen.set(file.name.toLowerCase(), file.path)
  }
  return { status: 'ok', files }
}

function explicitName(arg: string, expected: readonly string[]): ImportFile | undefined {
  const separator = arg.indexOf('=')
  if (separator <= 0) return undefined
  const wanted = arg.slice(0, separator).toLowerCase()
  const name = expected.find((candidate) => candidate.toLowerCase() === wanted)
  return name ? { path: arg.slice(separator + 1), name } : undefined
}

function recogniseName(
  own: string,
  expected: readonly string[],
  matches: (words: readonly string[], run: readonly string[]) => boolean,
): string | undefined {
  const exact = expected.find((name) => name.toLowerCase() === own.toLowerCase())
  if (exact) return exact
  const given = splitName(own)
  const found = expected.filter((name) => {
    const wanted = splitName(name)
    return wanted.extension === given.extension && matches(given.words, wanted.words)
  })
  // `cons_alt_2025` starts with `cons` too (were cons.csv expected): the expected name with the most words is the specific one.
  const longest = Math.max(...found.map((name) => splitName(name).words.length))
  const best = found.filter((name) => splitName(name).words.length === longest)
  return best.length === 1 ? best[0] : undefined
}

function splitName(name: string): { readonly words: readonly string[]; readonly extension: string } {
  const dot = name.lastIndexOf('.')
  const stem = dot > 0 ? name.slice(0, dot) : name
  const extension = dot > 0 ? name.slice(dot + 1).toLowerCase() : ''
  return {
    words: stem
      .toLowerCase()
      .split(/[^a-z0-9]+/)
      .filter(Boolean),
    extension,
  }
}

function startsWithRun(words: readonly string[], run: readonly string[]): boolean {
  return run.length > 0 && run.every((word, index) => words[index] === word)
}

function containsRun(words: readonly string[], run: readonly string[]): boolean {
  for (let start = 0; start + run.length <= words.length; start++)
    if (startsWithRun(words.slice(start), run)) return true
  return false
}
