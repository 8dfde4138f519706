import { writeFile } from 'node:fs/promises'
import { InvalidArgumentError, Option, type Command } from 'commander'
import {
  StoreError,
  eraseSubject,
  exportSubject,
  listRetentionPolicies,
  openStore,
  removeRetentionPolicy,
  retentionActions,
  rotateDataKeys,
  runRetention,
  setRetentionPolicy,
  type RetentionAction,
  type Store,
  type SubjectQuery,
} from '@hirewall/store'
import type { CliIo } from '../cli-io.js'
import { exitCodes, type ExitCode } from '../exit-codes.js'
import { resolveDataDirectory } from '../serve/data-directory.js'
import { resolveDataKeys } from '../serve/data-keys-file.js'
import { UsageError } from '../usage-error.js'

const actor = 'system:cli'
const dataDirHelp = 'PGlite data directory (default: $HIREWALL_HOME/data, else ~/.hirewall/data)'
const storeHelp =
  'Uses DATABASE_URL, else the PGlite data directory (stop `hirewall serve` first when on PGlite), with the keys of ' +
  'HIREWALL_DATA_KEYS and HIREWALL_IDENTIFIER_KEY, else the key file beside the data directory.'

type StoreFlags = { readonly dataDir?: string }
type SubjectFlags = StoreFlags & {
  readonly email?: string
  readonly phone?: string
  readonly application?: string
  readonly employee?: string
}

/**
 * `hirewall admin rotate-keys`, `admin retention ...` and `admin subject export|erase`: personal-data work against
 * the service's store (docs/security.md, "Personal data").
 */
export function addPrivacyCommands(admin: Command, io: CliIo, setExitCode: (code: ExitCode) => void): void {
  const before = new Set(admin.commands)
  admin
    .command('rotate-keys')
    .description(
      'Re-encrypt personal data under the current key (the first of HIREWALL_DATA_KEYS), hash identifiers again under ' +
        'the current identifier key (the first of HIREWALL_IDENTIFIER_KEY), and encrypt rows written ' +
        'before keys were set: applications, their identifiers, staged import rows, then employees, post-hire ' +
        'records and employee assessments. Pages commit one by one; rows already done are skipped, so run it again after a stop ' +
        '(or go on with --after). When it finishes, older keys can be removed from both variables. ' +
        storeHelp,
    )
    .option('--after <application-id>', 'start after this application id (the last one a stopped run printed)')
    .option('--page-size <count>', 'applications per transaction', positiveInteger('--page-size'), 200)
    .option('--data-dir <dir>', dataDirHelp)
    .action(async (flags: StoreFlags & { after?: string; pageSize: number }) => {
      setExitCode(
        await withStore(flags, io, async (store) => {
          const progress = await rotateDataKeys(store, {
            actor,
            pageSize: flags.pageSize,
            ...(flags.after === undefined ? {} : { after: flags.after }),
            onPage: (page) =>
              io.stderr.write(
                `  ${page.applicationsRead} applications read, ${page.applicationsRewritten} re-encrypted, last ${page.lastApplicationId ?? '-'}\n`,
              ),
          })
          io.stdout.write(
            `Rotated to key ${store.cipher.currentKeyId ?? '?'}${identifierKeyNote(store)}: ` +
              `${progress.applicationsRead} applications read, ` +
              `${progress.applicationsRewritten} re-encrypted, ${progress.identifiersRewritten} identifiers, ` +
              `${progress.stagedRowsRewritten} staged import rows, ${progress.employeesRewritten ?? 0} employees, ` +
              `${progress.workforceRecordsRewritten ?? 0} post-hire records, ${progress.assessmentsRewritten ?? 0} ` +
              `employee assessments. Older keys can now be removed.\n`,
          )
          return exitCodes.ok
        }),
      )
    })

  const retention = admin
    .command('retention')
    .description(
      'Per-source retention policies: how long applications are kept, and whether they are then deleted or ' +
        "anonymised; a workforce:<feed> source (workforce:okta, workforce:osquery...) deletes that feed's after-hire records.",
    )
  retention
    .command('set')
    .description(
      'Set the policy of a source system (greenhouse, lever, ashby, csv, json, api...) or of a workforce feed ' +
        '(workforce:okta, workforce:entra, workforce:osquery, workforce:devices, workforce:shipments, ' +
        'workforce:payroll, workforce:hires).',
    )
    .argument('<source>', 'the source system, or workforce:<feed>')
    .requiredOption('--days <count>', 'keep applications this many days after receipt', positiveInteger('--days'))
    .addOption(
      new Option('--action <action>', 'what happens after (default: anonymise; delete for workforce:<feed>)').choices(
        retentionActions,
      ),
    )
    .option('--data-dir <dir>', dataDirHelp)
    .action(async (source: string, flags: StoreFlags & { days: number; action?: RetentionAction }) => {
      // The store deletes workforce feed records and refuses to anonymise them; applications default to anonymise.
      const isWorkforce = source.startsWith('workforce:')
      const action = flags.action ?? (isWorkforce ? 'delete' : 'anonymise')
      setExitCode(
        await withStore(flags, io, async (store) => {
          await setRetentionPolicy(store.db, { sourceSystem: source, maxAgeDays: flags.days, action }, actor)
          io.stdout.write(
            isWorkforce
              ? `Records of the ${source.slice('workforce:'.length)} feed are deleted ${flags.days} days after their event.\n`
              : `Applications from ${source} are ${action}d ${flags.days} days after receipt.\n`,
          )
          return exitCodes.ok
        }),
      )
    })
  retention
    .command('remove')
    .description('Remove the policy of a source system (its applications are then kept).')
    .argument('<source>', 'the source system')
    .option('--data-dir <dir>', dataDirHelp)
    .action(async (source: string, flags: StoreFlags) => {
      setExitCode(
        await withStore(flags, io, async (store) => {
          if (!(await removeRetentionPolicy(store.db, source, actor)))
            throw new UsageError(`no retention policy for ${source}`)
          io.stdout.write(`Removed the retention policy of ${source}.\n`)
          return exitCodes.ok
        }),
      )
    })
  retention
    .command('list')
    .description('List the policies.')
    .option('--data-dir <dir>', dataDirHelp)
    .action(async (flags: StoreFlags) => {
      setExitCode(
        await withStore(flags, io, async (store) => {
          const policies = await listRetentionPolicies(store.db)
          if (policies.length === 0) io.stdout.write('No retention policies: every application is kept.\n')
          for (const policy of policies) {
            io.stdout.write(`${policy.sourceSystem}\t${policy.maxAgeDays} days\t${policy.action}\n`)
          }
          return exitCodes.ok
        }),
      )
    })
  retention
    .command('run')
    .description(
      'Apply every policy now (`hirewall serve` also runs it daily as a background job). Applications with a ' +
        'confirmed-fraud decision, an open case or a hire are kept. ' +
        storeHelp,
    )
    .option('--dry-run', 'count what a run would change, change nothing')
    .option('--data-dir <dir>', dataDirHelp)
    .action(async (flags: StoreFlags & { dryRun?: boolean }) => {
      setExitCode(
        await withStore(flags, io, async (store) => {
          const report = await runRetention(store, { actor, isDryRun: flags.dryRun === true })
          if (report.policies.length === 0) io.stdout.write('No retention policies: nothing to do.\n')
          for (const policy of report.policies) {
            const count = report.isDryRun ? policy.due : policy.applied
            if (policy.sourceSystem.startsWith('workforce:')) {
              io.stdout.write(
                `${policy.sourceSystem}: ${count} records from before ${policy.cutoff} ${report.isDryRun ? 'would be ' : ''}deleted\n`,
              )
              continue
            }
            io.stdout.write(
              report.isDryRun
                ? `${policy.sourceSystem}: ${policy.due} applications received before ${policy.cutoff} would be ${policy.action}d\n`
                : `${policy.sourceSystem}: ${policy.applied} applications received before ${policy.cutoff} ${policy.action}d\n`,
            )
          }
          return exitCodes.ok
        }),
      )
    })

  const subject = admin
    .command('subject')
    .description(
      'Data-subject requests: export or erase everything HireWall holds about a person, applicant or employee.',
    )
  subjectCommand(
    subject.command('export'),
    'Print (or write to --out) every row about the person as JSON, personal data decrypted: their applications and, ' +
      'when they were hired, their employee record, post-hire records and assessments.',
  )
    .option('--out <file>', 'write the JSON here instead of standard output')
    .action(async (flags: SubjectFlags & { out?: string }) => {
      setExitCode(
        await withStore(flags, io, async (store) => {
          const exported = await exportSubject(store, subjectQuery(flags), actor)
          const json = `${JSON.stringify(exported, null, 2)}\n`
          if (flags.out === undefined) io.stdout.write(json)
          else {
            await writeFile(flags.out, json, { mode: 0o600 })
            io.stderr.write(
              `Wrote the data of ${exported.applicationIds.length} applications and ${exported.employeeIds.length} ` +
                `employees to ${flags.out}.\n`,
            )
          }
          return exitCodes.ok
        }),
      )
    })
  subjectCommand(
    subject.command('erase'),
    "Anonymise the person's applications and employment records: personal data removed (names, contacts, CV, home " +
      'and ship-to addresses, sign-in addresses, payroll holder and account, signal evidence); ids, kinds, times, ' +
      'scores, outcomes, signal codes and decisions kept for counts, the audit trail and the retention HR owes.',
  )
    .option('--yes', 'really erase (without it nothing changes)')
    .action(async (flags: SubjectFlags & { yes?: boolean }) => {
      const query = subjectQuery(flags)
      if (flags.yes !== true) throw new UsageError('erasing cannot be undone: add --yes to erase')
      setExitCode(
        await withStore(flags, io, async (store) => {
          const erased = await eraseSubject(store, query, actor)
          io.stdout.write(
            `Erased ${erased.anonymised} applications (${erased.applicationIds.join(', ') || 'none found'}) and ` +
              `${erased.employeesAnonymised} employees (${erased.employeeIds.join(', ') || 'none found'}): ` +
              `${erased.workforceRecordsAnonymised} post-hire records and ${erased.assessmentsRedacted} assessments ` +
              `anonymised.\n`,
          )
          for (const [table, count] of Object.entries(erased.kept)) {
            io.stdout.write(`  kept ${count} rows of ${table} (see docs/security.md)\n`)
          }
          return exitCodes.ok
        }),
      )
    })
  // Commands made with .command() do not inherit what main sets on `admin` afterwards: report to io, never exit.
  for (const command of admin.commands.filter((command) => !before.has(command))) settle(command, io)
}

function settle(command: Command, io: CliIo): void {
  command.exitOverride().configureOutput({
    writeOut: (text) => io.stdout.write(text),
    writeErr: (text) => io.stderr.write(text),
  })
  for (const child of command.commands) settle(child, io)
}

function subjectCommand(command: Command, description: string): Command {
  return command
    .description(`${description} Name the person by one of --email, --phone, --application or --employee. ${storeHelp}`)
    .option('--email <email>', 'an email the person applied with, or signs in with as an employee')
    .option('--phone <phone>', 'a phone the person applied with, in international form (+14155550132)')
    .option('--application <id>', 'one application id (and the employee hired from it)')
    .option('--employee <id>', 'one employee id, as the HR feed names them (and the application they were hired from)')
    .option('--data-dir <dir>', dataDirHelp)
}

function subjectQuery(flags: SubjectFlags): SubjectQuery {
  const given = [
    flags.email === undefined ? undefined : ({ kind: 'email', value: flags.email } as const),
    flags.phone === undefined ? undefined : ({ kind: 'phone', value: flags.phone } as const),
    flags.application === undefined ? undefined : ({ kind: 'application', value: flags.application } as const),
    flags.employee === undefined ? undefined : ({ kind: 'employee', value: flags.employee } as const),
  ].filter((query) => query !== undefined)
  const [query] = given
  if (query === undefined || given.length > 1)
    throw new UsageError('give exactly one of --email, --phone, --application or --employee')
  return query
}

async function withStore(flags: StoreFlags, _io: CliIo, work: (store: Store) => Promise<ExitCode>): Promise<ExitCode> {
  const dataDir = resolveDataDirectory(flags.dataDir)
  const databaseUrl = process.env.DATABASE_URL?.trim() || undefined
  const keys = await resolveDataKeys({ env: process.env, databaseUrl, dataDir, create: false })
  const store = await openStore({ dataDir, dataKeys: keys.ring }).catch(rethrowStoreError)
  try {
    return await work(store).catch(rethrowStoreError)
  } finally {
    await store.close()
  }
}

function rethrowStoreError(error: unknown): never {
  if (error instanceof StoreError && error.code !== 'migration-failed') {
    throw new UsageError(error.target === undefined ? error.message : `${error.target}: ${error.message}`)
  }
  throw error
}

function positiveInteger(flag: string) {
  return (value: string): number => {
    const parsed = Number(value)
    if (!Number.isInteger(parsed) || parsed < 1)
      throw new InvalidArgumentError(`${flag} must be a whole number, at least 1`)
    return parsed
  }
}

/** Names the identifier key the run hashed under, when it has an id (a bare key has none). */
function identifierKeyNote(store: Store): string {
  const id = store.cipher.currentIdentifierKeyId
  return id === undefined ? '' : ` and identifier key ${id}`
}
