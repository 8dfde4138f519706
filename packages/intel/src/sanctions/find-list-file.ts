import type { IntelFile } from '../source/intel-source.js'

/**
 * The file of a source with this name (`sdn.csv`), compared case-insensitively and without folders, since OFAC
 * publishes `SDN.CSV` and users pass paths. Undefined when absent.
 */
export function findListFile(files: readonly IntelFile[], name: string): IntelFile | undefined {
  const wanted = name.toLowerCase()
  return files.find((file) => baseName(file.name).toLowerCase() === wanted)
}

function baseName(path: string): string {
  return path.slice(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1)
}
