import type { SignalDefinition } from './signal-definition.js'

/** docs/signals.md, rendered from the registry so the documented codes can never drift from the real ones. */
export function renderSignalCatalogue(definitions: readonly SignalDefinition[]): string {
  const lines = [
    '# Signal catalogue',
    '',
    '<!-- Generated from the signal registry by `npm run docs:signals`; a test fails when this file is stale. -->',
    '',
    'Every signal HireWall raises, by category. Codes are stable: write rules, policies and dashboards against them.',
    'The severity is the default a detector uses; `docs/scoring.md` explains how severities become a score.',
    '',
  ]
  const categories = [...new Set(definitions.map((definition) => definition.category))]
  for (const category of categories) {
    lines.push(`## ${category}`, '', '| code | severity | stage | meaning |', '|---|---|---|---|')
    for (const definition of definitions.filter((candidate) => candidate.category === category)) {
      lines.push(
        `| \`${definition.code}\` | ${definition.severity} | ${definition.stage} | ${definition.description.replaceAll('|', '\\|')} |`,
      )
    }
    lines.push('')
  }
  return lines.join('\n')
}
