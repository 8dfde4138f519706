import { Command, CommanderError } from 'commander'
import { processIo, type CliIo } from './cli-io.js'
import { adminCommand } from './commands/admin-command.js'
import { demoCommand } from './commands/demo-command.js'
import { evalCommand } from './commands/eval-command.js'
import { generateCommand } from './commands/generate-command.js'
import { graphCommand } from './commands/graph-command.js'
import { intelCommand } from './commands/intel-command.js'
import { modelCommand } from './commands/model-command.js'
import { screenCommand } from './commands/screen-command.js'
import { serveCommand } from './commands/serve-command.js'
import { shareCommand } from './commands/share-command.js'
import { workforceCommand } from './commands/workforce-command.js'
import { exitCodes, type ExitCode } from './exit-codes.js'
import { UsageError } from './usage-error.js'

/** Runs `hirewall` with the given arguments and returns the exit code; tests call it in-process with their own io. */
export async function main(argv: readonly string[], io: CliIo = processIo): Promise<ExitCode> {
  let exitCode: ExitCode = exitCodes.ok
  const setExitCode = (code: ExitCode): void => {
    exitCode = code
  }
  const program = new Command('hirewall')
    .description('Screen job applications and remote hires for identity fraud. HireWall recommends; a human decides.')
    .version('0.1.0')
    .exitOverride()
    .configureOutput({
      writeOut: (text) => io.stdout.write(text),
      writeErr: (text) => io.stderr.write(text),
    })
    .showHelpAfterError('(run with --help for usage)')
  for (const command of [
    screenCommand,
    graphCommand,
    generateCommand,
    evalCommand,
    demoCommand,
    intelCommand,
    shareCommand,
    serveCommand,
    adminCommand,
    modelCommand,
    workforceCommand,
  ]) {
    program.addCommand(
      command(io, setExitCode)
        .exitOverride()
        .configureOutput({
          writeOut: (text) => io.stdout.write(text),
          writeErr: (text) => io.stderr.write(text),
        }),
    )
  }
  try {
    await program.parseAsync([...argv], { from: 'user' })
    return exitCode
  } catch (error) {
    if (error instanceof CommanderError) {
      // --help and --version end here too, with exit code 0.
      return error.exitCode === 0 ? exitCodes.ok : exitCodes.usage
    }
    if (error instanceof UsageError) {
      io.stderr.write(`hirewall: ${error.message}\n`)
      return exitCodes.usage
    }
    io.stderr.write(
      `hirewall: unexpected error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    )
    return exitCodes.internal
  }
}
