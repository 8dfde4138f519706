import { Command, InvalidArgumentError } from 'commander'
import type { ApplicationRecord } from '@hirewall/core'
import { readOidcSettings, type OidcSettings } from '@hirewall/server'
import type { CliIo } from '../cli-io.js'
import { exitCodes, type ExitCode } from '../exit-codes.js'
import { loadScreeningIntel, type IntelFlags } from '../intel/screening-intel.js'
import { readApplications } from '../input/read-applications.js'
import { loadPolicy } from '../policy/load-policy.js'
import { resolveDataDirectory } from '../serve/data-directory.js'
import { publicOrigins } from '../serve/public-origins.js'
import { resolveDataKeys } from '../serve/data-keys-file.js'
import { startService } from '../serve/start-service.js'
import { UsageError } from '../usage-error.js'
import { consortiumKeyFileVariable, readConsortiumKey } from '../sharing/read-consortium-key.js'
import { engineOptions } from '../workforce/workforce-engine.js'
import { demoFile } from './demo-command.js'

type ServeFlags = IntelFlags & {
  readonly port: number
  readonly host: string
  readonly dataDir?: string
  readonly publicOrigin: string[]
  readonly adminEmail: string
  readonly policy?: string
  readonly demo: boolean
  readonly console: boolean
  readonly submissionsPerMinute?: number
  readonly logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'silent'
  readonly trustProxy?: string
  readonly allowUnencrypted?: boolean
  readonly workforceOrganisation?: string
  readonly oidcIssuer?: string
  readonly oidcName?: string
  readonly producer?: string
}

const logLevels = ['fatal', 'error', 'warn', 'info', 'debug', 'silent'] as const

export function serveCommand(io: CliIo, setExitCode: (code: ExitCode) => void): Command {
  return new Command('serve')
    .description(
      'Run the HireWall service: the HTTP API, ATS webhooks, outbound webhooks, bulk imports and re-screenings on a ' +
        'job queue shared by every process on the database, and the analyst console, on embedded ' +
        'PGlite (default) or the PostgreSQL server DATABASE_URL names. On first start it creates an admin and prints ' +
        'a one-time password.',
    )
    .option('-p, --port <port>', 'port to listen on (default: $PORT, else 8080)', integer('--port'))
    .option('--host <address>', 'address to listen on', '127.0.0.1')
    .option(
      '--data-dir <dir>',
      'PGlite data directory when DATABASE_URL is unset (default: $HIREWALL_HOME/data, else ~/.hirewall/data)',
    )
    .option(
      '--public-origin <url>',
      'an origin the console is served from, for the CSRF check (repeatable; default: http://localhost:PORT and http://127.0.0.1:PORT)',
      (value: string, previous: string[]) => [...previous, value],
      [],
    )
    .option('--admin-email <email>', 'email of the admin created on first start', 'admin@hirewall.localhost')
    .option(
      '--policy <file>',
      'scoring policy file (default: the shipped policy); recorded as version 1 when the store has no published policy, after which the published one screens',
    )
    .option('--demo', 'load the bundled demo applications when the store is empty')
    .option('--no-console', 'serve the API only')
    .option(
      '--submissions-per-minute <count>',
      'submissions allowed per API key or person',
      integer('--submissions-per-minute'),
    )
    .option(
      '--trust-proxy <proxies>',
      'behind a reverse proxy: "true" or the proxy addresses/CIDRs (comma-separated) whose X-Forwarded-For is believed, so sign-in limits count clients, not the proxy',
    )
    .option('--log-level <level>', `one of ${logLevels.join(', ')}`, 'info')
    .option(
      '--intel-dir <dir>',
      'the intel cache (default: $HIREWALL_INTEL_DIR, else $HIREWALL_HOME/intel, else ~/.hirewall/intel)',
    )
    .option('--no-intel', 'screen without the intel cache and the shipped network data')
    .option(
      '--allow-unencrypted',
      'on a PostgreSQL server without HIREWALL_DATA_KEYS: store personal data unencrypted (not for production)',
    )
    .option(
      '--oidc-issuer <url>',
      "single sign-on: the OpenID Provider's issuer URL, https (default $HIREWALL_OIDC_ISSUER; client id and secret from the environment)",
    )
    .option(
      '--oidc-name <name>',
      'single sign-on: the name on the sign-in button (default $HIREWALL_OIDC_NAME, else "single sign-on")',
    )
    .option(
      '--workforce-organisation <file>',
      'after the hire: the organisation file (trusted networks, offices, allowed tools; docs/workforce.md)',
    )
    .option(
      '--producer <name>',
      'your organisation as partners see it in exports and on the TAXII server (default $HIREWALL_PRODUCER)',
    )
    .addHelpText(
      'after',
      `
Environment:
  DATABASE_URL                 a PostgreSQL server (postgres://user@host:5432/db); unset: embedded PGlite
  PORT                         the port when --port is not given
  HIREWALL_HOME                where data and the intel cache live (default ~/.hirewall)
  HIREWALL_GREENHOUSE_SECRET   secret(s) of Greenhouse webhooks (comma-separated while rotating)
  HIREWALL_ASHBY_SECRET        secret(s) of Ashby webhooks
  HIREWALL_LEVER_SECRET        signature token(s) of Lever webhooks
  HIREWALL_LEVER_API_KEY       Lever API key, to fetch what Lever's webhooks only point at
  HIREWALL_DATA_KEYS           keys that encrypt personal data, id:base64,... (first current); on PGlite
                               without it a key file is made beside the data directory
  HIREWALL_IDENTIFIER_KEY      key(s) of the keyed hashes identifiers are matched by: base64 (32 bytes), or
                               id:base64,... while rotating (first current, one entry may be bare base64)
  HIREWALL_ACCOUNT_KEY         secret the payroll feed's account numbers are hashed with (HMAC-SHA256)
  HIREWALL_OIDC_ISSUER         single sign-on: the OpenID Provider's issuer URL (or --oidc-issuer)
  HIREWALL_OIDC_CLIENT_ID      single sign-on: this service's client id at the provider
  HIREWALL_OIDC_CLIENT_SECRET  single sign-on: its client secret (never logged)
  HIREWALL_OIDC_NAME           single sign-on: the name on the sign-in button (or --oidc-name)
  HIREWALL_PRODUCER            the producer name of exports and the TAXII server (default HireWall)
  HIREWALL_CONSORTIUM_KEY_FILE the consortium key: privacy-preserving exports (and hashed watchlist entries)
See docs/api.md, docs/webhooks.md and docs/security.md.`,
    )
    .action(async (options: Omit<ServeFlags, 'port'> & { port?: number }) => {
      setExitCode(await runServe(options, io))
    })
}

async function runServe(flags: Omit<ServeFlags, 'port'> & { port?: number }, io: CliIo): Promise<ExitCode> {
  if (!(logLevels as readonly string[]).includes(flags.logLevel)) {
    throw new InvalidArgumentError(`--log-level must be one of ${logLevels.join(', ')}`)
  }
  const port = flags.port ?? portFromEnvironment()
  const oidc = oidcSettingsOf(flags)
  const say = (line: string): void => void io.stderr.write(`${line}\n`)
  const policy = await loadPolicy(flags.policy)
  const intel = await loadScreeningIntel(flags, io)
  const workforce = await engineOptions(
    {
      intel: flags.intel,
      ...(flags.intelDir === undefined ? {} : { intelDir: flags.intelDir }),
      ...(flags.policy === undefined ? {} : { policy: flags.policy }),
      ...(flags.workforceOrganisation === undefined ? {} : { organisation: flags.workforceOrganisation }),
    },
    io,
  )
  const accountKey = process.env.HIREWALL_ACCOUNT_KEY?.trim() || undefined
  // Admin exports and the TAXII server: who shares, and the consortium key of privacy-preserving exports.
  const keyFile = process.env[consortiumKeyFileVariable]?.trim()
  const producer = flags.producer?.trim() || process.env.HIREWALL_PRODUCER?.trim() || undefined
  const sharing = {
    ...(producer === undefined ? {} : { producer }),
    ...(keyFile === undefined || keyFile === '' ? {} : { consortiumKey: await readConsortiumKey(keyFile) }),
  }
  const databaseUrl = process.env.DATABASE_URL?.trim() || undefined
  const dataKeys = await resolveDataKeys({
    env: process.env,
    databaseUrl,
    dataDir: resolveDataDirectory(flags.dataDir),
    create: true,
    allowUnencrypted: flags.allowUnencrypted === true,
  })
  if (dataKeys.warning !== undefined) say(dataKeys.warning)
  const service = await startService({
    dataKeys: dataKeys.ring,
    oidc,
    port,
    host: flags.host,
    dataDir: resolveDataDirectory(flags.dataDir),
    databaseUrl,
    publicOrigins: publicOrigins(flags.publicOrigin, flags.host, port),
    adminEmail: flags.adminEmail.toLowerCase(),
    policy,
    intel,
    seed: () => (flags.demo ? demoRecords() : []),
    submissionsPerMinute: flags.submissionsPerMinute,
    logLevel: flags.logLevel,
    serveConsole: flags.console,
    trustProxy: flags.trustProxy === 'true' ? true : flags.trustProxy,
    say,
    workforce,
    accountKey,
    sharing,
  })
  const url = service.server.url.replace('http://127.0.0.1:', 'http://localhost:')
  if (service.seeded > 0) say(`Loaded ${service.seeded} demo applications (packages/cli/demo/applications.jsonl).`)
  say(`HireWall is running: ${flags.console ? `console ${url}/, ` : ''}API ${url}/v1, docs ${url}/docs`)
  if (service.firstAdmin.status === 'created') {
    say(
      `First start: created the admin ${service.firstAdmin.user.email} with the one-time password\n\n    ${service.firstAdmin.oneTimePassword}\n\n` +
        'It is shown only now; sign in with it and choose a new one.',
    )
  } else {
    say('Sign in with an existing account (lost the admin password? `hirewall admin reset-password EMAIL`).')
  }
  if (oidc !== undefined) {
    const [origin] = publicOrigins(flags.publicOrigin, flags.host, port)
    say(
      `Single sign-on: ${oidc.displayName} (${oidc.issuer.href}); the provider must allow the redirect URI ${origin ?? ''}/v1/session/oidc/callback`,
    )
  }
  say('Stop with Ctrl-C.')
  return exitCodes.ok
}

async function* demoRecords(): AsyncIterable<ApplicationRecord> {
  for await (const row of readApplications([demoFile])) if (row.status === 'valid') yield row.record
}

/** The single sign-on settings from --oidc-issuer / --oidc-name and the environment; a bad one is a usage error. */
function oidcSettingsOf(flags: Pick<ServeFlags, 'oidcIssuer' | 'oidcName'>): OidcSettings | undefined {
  try {
    return readOidcSettings({ issuer: flags.oidcIssuer, displayName: flags.oidcName, env: process.env })
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error))
  }
}

function portFromEnvironment(): number {
  const value = process.env.PORT?.trim()
  if (value === undefined || value === '') return 8080
  const port = Number(value)
  if (!Number.isInteger(port) || port < 0 || port > 65_535)
    throw new InvalidArgumentError(`PORT is not a port: ${value}`)
  return port
}

function integer(flag: string): (value: string) => number {
  return (value) => {
    const parsed = Number(value)
    if (!Number.isInteger(parsed) || parsed < 0) throw new InvalidArgumentError(`${flag} must be a whole number`)
    return parsed
  }
}
