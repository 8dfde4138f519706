/** One problem with one field of an input record. `path` is a JSONPath-like string: `contacts.phones[0].value`. */
export type ValidationIssue = {
  readonly path: string
  readonly message: string
}

/** Renders a path of keys and indexes as `a.b[0].c`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = ''
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`
    else out += out === '' ? String(key) : `.${String(key)}`
  }
  return out === '' ? '(record)' : out
}
