import {
  loadIntel,
  loadPackagedIpDatabase,
  loadShippedNetworkClassification,
  resolveIntelDirectory,
} from '@hirewall/intel'
import {
  createWorkforceEvaluator,
  loadShippedLists,
  type OrganisationSettings,
  type WorkforceEvaluator,
  type WorkforceEvaluatorOptions,
} from '@hirewall/workforce'
import type { CliIo } from '../cli-io.js'
import { loadPolicy } from '../policy/load-policy.js'
import { listParsers, loadListFile, loadOrganisationSettings } from './organisation-settings.js'

/** The flags every `hirewall workforce` command that evaluates shares. */
export type EngineFlags = {
  readonly organisation?: string
  readonly catalogue?: string
  readonly forwarders?: string
  readonly payoutInstitutions?: string
  readonly allow?: readonly string[]
  readonly policy?: string
  readonly intel: boolean
  readonly intelDir?: string
}

/**
 * Builds the evaluator of a run: the shipped lists or the user's own, the organisation's settings (a file, with
 * `--allow` adding tools), the network data that ships with HireWall (classification and offline IP database) plus the
 * network lists of the intel cache unless `--no-intel`, and the scoring policy.
 */
export async function createEngine(
  flags: EngineFlags,
  io: CliIo,
  fallback: OrganisationSettings = {},
): Promise<WorkforceEvaluator> {
  return createWorkforceEvaluator(await engineOptions(flags, io, fallback))
}

/** What {@link createEngine} builds an evaluator from; `hirewall serve` makes one evaluator per rebuild from it. */
export async function engineOptions(
  flags: EngineFlags,
  io: CliIo,
  fallback: OrganisationSettings = {},
): Promise<WorkforceEvaluatorOptions> {
  const warn = (message: string): void => {
    io.stderr.write(`hirewall: ${message}\n`)
  }
  const shipped = loadShippedLists()
  const lists = {
    catalogue: flags.catalogue
      ? await loadListFile(flags.catalogue, '--catalogue', listParsers.catalogue, warn)
      : shipped.catalogue,
    forwarding: flags.forwarders
      ? await loadListFile(flags.forwarders, '--forwarders', listParsers.forwarders, warn)
      : shipped.forwarding,
    payoutInstitutions: flags.payoutInstitutions
      ? await loadListFile(flags.payoutInstitutions, '--payout-institutions', listParsers.payoutInstitutions, warn)
      : shipped.payoutInstitutions,
  }
  const settings = flags.organisation ? await loadOrganisationSettings(flags.organisation) : fallback
  const organisation: OrganisationSettings = {
    ...settings,
    allowedTools: [...(settings.allowedTools ?? []), ...(flags.allow ?? [])],
  }
  let ranges = [loadShippedNetworkClassification()]
  if (flags.intel) {
    const intel = await loadIntel({ directory: resolveIntelDirectory({ flag: flags.intelDir }) })
    for (const warning of intel.warnings) if (warning.code !== 'no-sanctions-list') warn(warning.message)
    ranges = [...intel.lists.network]
  }
  return {
    lists,
    network: { ranges, ipDatabase: loadPackagedIpDatabase() },
    organisation,
    policy: await loadPolicy(flags.policy),
  }
}
