/**
 * Remembers where each part of a mapped record came from, so a validation issue on the canonical record
 * (`cv.education[0].startDate`) can name the field the user must fix in their own file
 * (`payload.application.candidate.educations[0].start_date`).
 */
export class SourcePaths {
  readonly #paths = new Map<string, string>()

  /** Records that the canonical `canonicalPath` (and everything under it) came from `sourcePath`; `''` is the root. */
  set(canonicalPath: string, sourcePath: string): this {
    this.#paths.set(canonicalPath, sourcePath)
    return this
  }

  /** The source path for a canonical path: the nearest mapped ancestor, with the rest of the path appended. */
  translate(canonicalPath: string): string {
    let prefix = canonicalPath
    for (;;) {
      const source = this.#paths.get(prefix)
      if (source !== undefined) {
        const rest = canonicalPath.slice(prefix.length)
        if (source !== '') return source + rest
        const relative = rest.startsWith('.') ? rest.slice(1) : rest
        return relative === '' ? '(record)' : relative
      }
      const cut = Math.max(prefix.lastIndexOf('.'), prefix.lastIndexOf('['))
      if (cut <= 0) return canonicalPath
      prefix = prefix.slice(0, cut)
    }
  }
}
