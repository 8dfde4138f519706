import { Command } from 'commander'
import { generateOneTimePassword, hashPassword } from '@hirewall/server'
import { openStore } from '@hirewall/store'
import type { CliIo } from '../cli-io.js'
import { exitCodes, type ExitCode } from '../exit-codes.js'
import { resolveDataDirectory } from '../serve/data-directory.js'
import { addPrivacyCommands } from './admin-privacy-commands.js'

/** `hirewall admin`: recovery tasks run on the server's machine against its store, for when nobody can sign in. */
export function adminCommand(io: CliIo, setExitCode: (code: ExitCode) => void): Command {
  const admin = new Command('admin').description(
    "Recovery tasks against the service's store (run where the server runs).",
  )
  admin
    .command('reset-password')
    .description(
      'Give a user a new one-time password (printed once; it must be changed at the next sign-in) and sign them out ' +
        'everywhere. Uses DATABASE_URL, else the PGlite data directory; stop `hirewall serve` first when on PGlite.',
    )
    .argument('<email>', "the user's email")
    .option('--data-dir <dir>', 'PGlite data directory (default: $HIREWALL_HOME/data, else ~/.hirewall/data)')
    .action(async (email: string, options: { dataDir?: string }) => {
      setExitCode(await resetPassword(email, options.dataDir, io))
    })
  addPrivacyCommands(admin, io, setExitCode)
  return admin
}

async function resetPassword(email: string, dataDir: string | undefined, io: CliIo): Promise<ExitCode> {
  const store = await openStore({ dataDir: resolveDataDirectory(dataDir) })
  try {
    const user = await store.users.findByEmail(email.toLowerCase())
    if (user === undefined) {
      io.stderr.write(`hirewall: no user with the email ${email}\n`)
      return exitCodes.usage
    }
    const password = generateOneTimePassword()
    await store.transaction(async (repositories) => {
      await repositories.users.setPassword(user.id, await hashPassword(password), { mustChangePassword: true })
      await repositories.sessions.revokeAllFor(user.id)
      await repositories.audit.append({
        actor: 'system:cli',
        action: 'user.password-reset',
        target: `user:${user.id}`,
        details: { password: 'one-time' },
      })
    })
    io.stdout.write(`New one-time password for ${user.email} (shown only now):\n\n    ${password}\n\n`)
    return exitCodes.ok
  } finally {
    await store.close()
  }
}
