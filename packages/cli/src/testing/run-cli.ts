import { PassThrough, Readable } from 'node:stream'
import { main } from '../main.js'

export type CliRun = { readonly exitCode: number; readonly stdout: string; readonly stderr: string }

/** Runs the real `hirewall` command in-process with captured output (and optional stdin text). */
export async function runCli(argv: readonly string[], stdinText = ''): Promise<CliRun> {
  const stdout = new PassThrough()
  const stderr = new PassThrough()
  const out: Buffer[] = []
  const err: Buffer[] = []
  stdout.on('data', (chunk: Buffer) => out.push(chunk))
  stderr.on('data', (chunk: Buffer) => err.push(chunk))
  const exitCode = await main(argv, { stdout, stderr, stdin: Readable.from([stdinText]) })
  return { exitCode, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') }
}
