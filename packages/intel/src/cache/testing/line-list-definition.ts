import type { IntelKind, IntelSourceDefinition, SourceDownload } from '../../source/intel-source.js'

/**
 * A tiny source format for tests of the cache, update and import machinery: a first line `# line-list <version>`,
 * then one email address per line (loaded as watchlist entries). Anything else is invalid, naming file and line.
 */
export function lineListDefinition(
  kind: IntelKind,
  options: { readonly isNamedList?: boolean; readonly downloads?: readonly SourceDownload[] } = {},
): IntelSourceDefinition {
  return {
    kind,
    title: `Test list ${kind}`,
    publisher: 'tests',
    licence: 'CC0',
    downloads: options.downloads ?? [],
    importHelp: 'one text file: "# line-list VERSION", then one email per line',
    isNamedList: options.isNamedList ?? false,
    parse: (files) => {
      const entries = []
      for (const file of files) {
        const lines = file.text.split('\n')
        const header = /^# line-list (\S+)$/.exec(lines[0] ?? '')
        if (!header)
          return { status: 'invalid', issues: [{ file: file.name, line: 1, message: 'not a line-list file' }] }
        for (const [index, line] of lines.entries()) {
          if (index === 0 || line.trim() === '') continue
          if (!/^[^@\s]+@[^@\s]+$/.test(line.trim()))
            return { status: 'invalid', issues: [{ file: file.name, line: index + 1, message: 'not an email' }] }
          entries.push({ kind: 'email' as const, value: line.trim(), list: kind })
        }
      }
      const version = /^# line-list (\S+)$/.exec(files[0]?.text.split('\n')[0] ?? '')?.[1]
      return {
        status: 'ok',
        data: { area: 'watchlist', entries },
        entries: entries.length,
        ...(version && version !== '-' ? { version } : {}),
        skipped: [],
      }
    },
  }
}

/** The text of a line-list file with `count` distinct addresses. */
export function lineListText(version: string, count: number, domain = 'example.test'): string {
  const lines = [`# line-list ${version}`]
  for (let index = 0; index < count; index++) lines.push(`user${index}@${domain}`)
  return `${lines.join('\n')}\n`
}
