import { createWriteStream } from 'node:fs'
import { Command } from 'commander'
import { generateApplications } from '@hirewall/synth'
import type { CliIo } from '../cli-io.js'
import { exitCodes, type ExitCode } from '../exit-codes.js'
import { BufferedWriter } from '../output/buffered-writer.js'
import { closeStream } from '../output/close-stream.js'
import { UsageError } from '../usage-error.js'

type GenerateOptions = {
  readonly count: string
  readonly seed: string
  readonly fraudShare?: string
  readonly output?: string
}

export function generateCommand(io: CliIo, setExitCode: (code: ExitCode) => void): Command {
  return new Command('generate')
    .description(
      'Write a synthetic, labelled world of job applications (JSONL) for tests, demos, evaluation and benchmarks.',
    )
    .option('-n, --count <count>', 'how many applications', '1000')
    .option('-s, --seed <seed>', 'random seed: the same seed always gives the same world', '1')
    .option('--fraud-share <share>', "share of fraudulent applications, 0..1 (default: the generator's realistic mix)")
    .option('-o, --output <file>', 'write to this file instead of stdout')
    .addHelpText(
      'after',
      `
Each record is a canonical application (docs/application-record.md) with a "label" field (isFraud, pattern,
personaId, ringId, hardNegative) that screening never reads and "hirewall eval" scores against.

Examples:
  hirewall generate --count 20000 --seed 7 -o world.jsonl
  hirewall eval world.jsonl`,
    )
    .action(async (options: GenerateOptions) => {
      setExitCode(await runGenerate(options, io))
    })
}

async function runGenerate(options: GenerateOptions, io: CliIo): Promise<ExitCode> {
  const count = parseWhole(options.count, '--count')
  const seed = parseWhole(options.seed, '--seed')
  const fraudShare = options.fraudShare === undefined ? undefined : parseShare(options.fraudShare)
  const stream = options.output ? createWriteStream(options.output) : io.stdout
  const writer = new BufferedWriter(stream)
  for (const record of generateApplications({ count, seed, ...(fraudShare === undefined ? {} : { fraudShare }) })) {
    await writer.write(`${JSON.stringify(record)}\n`)
  }
  await writer.flush()
  if (options.output) {
    await closeStream(stream)
    io.stderr.write(`wrote ${count} applications to ${options.output}\n`)
  }
  return exitCodes.ok
}

function parseWhole(text: string, flag: string): number {
  const value = Number(text)
  if (!Number.isSafeInteger(value) || value < 0)
    throw new UsageError(`${flag} must be a whole number ≥ 0, got "${text}"`)
  return value
}

function parseShare(text: string): number {
  const value = Number(text)
  if (!Number.isFinite(value) || value < 0 || value > 1)
    throw new UsageError(`--fraud-share must be between 0 and 1, got "${text}"`)
  return value
}
