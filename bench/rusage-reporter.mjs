// Preloaded into a benchmarked process (node --import): on exit, writes its peak memory and CPU time as JSON to the
// file named by BENCH_RUSAGE_FILE, so the benchmark can compare processes measured the same way.
import { writeFileSync } from 'node:fs'

const target = process.env.BENCH_RUSAGE_FILE
if (target) {
  process.on('exit', () => {
    const usage = process.resourceUsage()
    writeFileSync(
      target,
      JSON.stringify({
        maxRssMb: usage.maxRSS / 1024,
        userCpuSeconds: usage.userCPUTime / 1e6,
        systemCpuSeconds: usage.systemCPUTime / 1e6,
      }),
    )
  })
}
