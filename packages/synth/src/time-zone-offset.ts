const formatters = new Map<string, Intl.DateTimeFormat>()
const blockOffsets = new Map<string, Map<number, number>>()
/** Offsets are cached per week: no zone changes its offset twice within one (DST rules are months apart). */
const blockMs = 7 * 86_400_000

function formatter(timeZone: string): Intl.DateTimeFormat {
  let found = formatters.get(timeZone)
  if (!found) {
    found = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' })
    formatters.set(timeZone, found)
  }
  return found
}

function exactOffset(timeZone: string, instantMs: number): number {
  const name = formatter(timeZone)
    .formatToParts(instantMs)
    .find((part) => part.type === 'timeZoneName')?.value
  const match = /^GMT(?:([+-])(\d{2}):(\d{2}))?$/.exec(name ?? '')
  if (!match) throw new Error(`Cannot read the offset of ${timeZone} from "${name ?? ''}"`)
  if (!match[1]) return 0
  const minutes = Number(match[2]) * 60 + Number(match[3])
  return match[1] === '-' ? -minutes : minutes
}

function offsetAtBlockStart(timeZone: string, block: number): number {
  let zone = blockOffsets.get(timeZone)
  if (!zone) {
    zone = new Map()
    blockOffsets.set(timeZone, zone)
  }
  let offset = zone.get(block)
  if (offset === undefined) {
    offset = exactOffset(timeZone, block * blockMs)
    zone.set(block, offset)
  }
  return offset
}

/**
 * The zone's offset from UTC at an instant, in minutes east of Greenwich (UTC+9 is 540), as a browser reports it.
 * Cached per week: when the offsets at both ends of a block agree, no transition happens inside it.
 */
export function utcOffsetMinutes(timeZone: string, instantMs: number): number {
  const block = Math.floor(instantMs / blockMs)
  const start = offsetAtBlockStart(timeZone, block)
  const end = offsetAtBlockStart(timeZone, block + 1)
  return start === end ? start : exactOffset(timeZone, instantMs)
}
