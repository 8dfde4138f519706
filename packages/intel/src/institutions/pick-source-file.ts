import type { IntelFile, IntelFileIssue } from '../source/intel-source.js'

export type PickedFile =
  | { readonly status: 'ok'; readonly file: IntelFile }
  | { readonly status: 'invalid'; readonly issues: readonly IntelFileIssue[] }

/**
 * The one file a single-file source reads: the one whose base name matches (case-insensitively; a string is an exact
 * name, a pattern tests the name), else the only file given, whatever it is called (users import renamed copies).
 */
export function pickSourceFile(files: readonly IntelFile[], expected: string | RegExp): PickedFile {
  const baseName = (file: IntelFile): string => (file.name.split(/[\\/]/).at(-1) ?? file.name).toLowerCase()
  const matches = (file: IntelFile): boolean =>
    typeof expected === 'string' ? baseName(file) === expected.toLowerCase() : expected.test(baseName(file))
  const named = files.find(matches)
  if (named) return { status: 'ok', file: named }
  const [only, ...others] = files
  if (only && others.length === 0) return { status: 'ok', file: only }
  const given = files.map((file) => file.name).join(', ') || 'no file'
  return {
    status: 'invalid',
    issues: [{ file: given, message: `expected one file named like ${String(expected)}, got ${files.length}` }],
  }
}
