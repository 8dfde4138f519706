/**
 * Splits a script of several PostgreSQL statements at the semicolons between them, keeping semicolons inside quoted
 * strings, quoted identifiers, dollar-quoted bodies (`$$ ... $$`, `$fn$ ... $fn$`) and comments. pg-boss sends its
 * schema and maintenance scripts as one text; PGlite's extended protocol takes one statement at a time.
 */
export function splitSqlStatements(script: string): readonly string[] {
  const statements: string[] = []
  let start = 0
  let index = 0
  while (index < script.length) {
    const char = script[index]
    const next = script[index + 1]
    if (char === "'" || char === '"') {
      index = afterQuoted(script, index, char)
    } else if (char === '-' && next === '-') {
      const end = script.indexOf('\n', index)
      index = end === -1 ? script.length : end + 1
    } else if (char === '/' && next === '*') {
      const end = script.indexOf('*/', index + 2)
      index = end === -1 ? script.length : end + 2
    } else if (char === '$') {
      index = afterDollarQuoted(script, index)
    } else if (char === ';') {
      pushStatement(statements, script.slice(start, index))
      index += 1
      start = index
    } else {
      index += 1
    }
  }
  pushStatement(statements, script.slice(start))
  return statements
}

function pushStatement(statements: string[], text: string): void {
  const trimmed = text.trim()
  if (trimmed !== '') statements.push(trimmed)
}

/** The index after a quoted string or identifier that opens at `start`; a doubled quote stays inside. */
function afterQuoted(script: string, start: number, quote: string): number {
  let index = start + 1
  while (index < script.length) {
    if (script[index] === quote) {
      if (script[index + 1] === quote) index += 2
      else return index + 1
    } else {
      index += 1
    }
  }
  return script.length
}

/** The index after a dollar-quoted body opening at `start`, or after the `$` when it opens none (`$1`). */
function afterDollarQuoted(script: string, start: number): number {
  const tag = /^\$(?:[A-Za-z_][A-Za-z0-9_]*)?\$/.exec(script.slice(start, start + 64))?.[0]
  if (tag === undefined) return start + 1
  const end = script.indexOf(tag, start + tag.length)
  return end === -1 ? script.length : end + tag.length
}
