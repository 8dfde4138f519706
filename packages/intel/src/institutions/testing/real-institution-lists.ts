import { readFileSync } from 'node:fs'
import type { IntelParseResult, LoadedList } from '../../source/intel-source.js'
import type { Institution } from '../institution.js'
import { parseIpedsDirectory } from '../parse-ipeds-directory.js'
import { parseWorldUniversities } from '../parse-world-universities.js'

// Tests only: the real lists as the repository's shared test data holds them (never copied into the project).
const directory = new URL('../../../../../../shared/data/universities/', import.meta.url)

/** Reads a file of the shared test data, as the cache would hand it to a parser. */
export function readSharedFile(name: string, encoding: BufferEncoding = 'utf8'): string {
  return readFileSync(new URL(name, directory), encoding)
}

/** The real world-universities list and IPEDS HD2022 directory, parsed, as loaded lists. */
export function loadRealInstitutionLists(): readonly LoadedList<Institution>[] {
  const world = parseWorldUniversities([
    { name: 'world_universities_and_domains.json', text: readSharedFile('world_universities_and_domains.json') },
  ])
  // NCES publishes Windows-1252; Latin-1 is the lossless way to read it as text.
  const ipeds = parseIpedsDirectory([{ name: 'hd2022.csv', text: readSharedFile('ipeds_hd2022.csv', 'latin1') }])
  return [toList('world-universities', world), toList('ipeds', ipeds)]
}

function toList(name: string, result: IntelParseResult): LoadedList<Institution> {
  if (result.status !== 'ok' || result.data.area !== 'institutions') {
    throw new Error(`the shared ${name} list did not parse: ${JSON.stringify(result).slice(0, 300)}`)
  }
  return {
    source: { name, version: result.version ?? 'shared test data', entries: result.entries },
    items: result.data.institutions,
  }
}
