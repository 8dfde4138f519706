import { jobTracks, type JobTrack } from './data/jobs.js'
import type { Random } from './random.js'

/** Every open requisition with a stable id, e.g. `REQ-2104 Backend Engineer (Go)`. */
export const requisitions: readonly { readonly id: string; readonly title: string; readonly track: JobTrack }[] =
  jobTracks.flatMap((track, trackIndex) =>
    track.requisitions.map((title, index) => ({ id: `REQ-${2100 + trackIndex * 10 + index + 1}`, title, track })),
  )

/** How often each track is hired for: engineering roles most, as in the remote IT roles fraud rings target. */
const trackWeights: Readonly<Record<string, number>> = {
  backend: 5,
  frontend: 4,
  fullstack: 5,
  mobile: 2,
  data: 3,
  devops: 2.5,
  blockchain: 1,
  qa: 1.5,
}

export function pickTrack(random: Random): JobTrack {
  return random.weighted(jobTracks.map((track) => [track, trackWeights[track.name] ?? 1] as const))
}

export function pickRequisition(random: Random, track: JobTrack): { id: string; title: string } {
  const matching = requisitions.filter((requisition) => requisition.track === track)
  const chosen = random.pick(matching.length > 0 ? matching : requisitions)
  return { id: chosen.id, title: chosen.title }
}
