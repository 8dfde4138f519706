import cliProgress from 'cli-progress'

/** A progress bar on a terminal for long inputs; silent when stderr is not a TTY (pipes, CI, tests). */
export type Progress = {
  readonly update: (bytesRead: number, totalBytes: number | undefined) => void
  readonly stop: () => void
}

export function createProgress(stream: NodeJS.WritableStream & { isTTY?: boolean }, enabled: boolean): Progress {
  if (!enabled || stream.isTTY !== true) return { update: () => undefined, stop: () => undefined }
  const bar = new cliProgress.SingleBar(
    {
      stream,
      format: 'screening [{bar}] {percentage}% | {value}/{total} MB | eta {eta}s',
      hideCursor: true,
      clearOnComplete: true,
    },
    cliProgress.Presets.shades_classic,
  )
  let started = false
  let lastUpdate = 0
  return {
    update(bytesRead, totalBytes) {
      const now = performance.now()
      if (now - lastUpdate < 100) return
      lastUpdate = now
      const toMb = (bytes: number): number => Math.round(bytes / 1e5) / 10
      if (!started) {
        bar.start(toMb(totalBytes ?? bytesRead), 0)
        started = true
      }
      if (totalBytes !== undefined) bar.setTotal(toMb(totalBytes))
      bar.update(toMb(bytesRead))
    },
    stop() {
      if (started) bar.stop()
    },
  }
}
