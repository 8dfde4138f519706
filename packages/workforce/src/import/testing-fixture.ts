import { readFileSync } from 'node:fs'

/** A fixture file of this folder, as text (tests only). */
export function fixture(name: string): string {
  return readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8')
}
