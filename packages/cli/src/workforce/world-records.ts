import type { WorkforceWorld } from '@hirewall/synth'
import {
  importEntraSignIn,
  importHiresCsv,
  importMdmCsv,
  importOktaEvent,
  importOsqueryResult,
  importPayrollCsv,
  importShipmentsCsv,
  type ImportedRow,
  type WorkforceRecord,
} from '@hirewall/workforce'

/** One imported row of a generated world, with the feed it belongs to. */
export type WorldRow = { readonly feed: string; readonly row: ImportedRow<WorkforceRecord> }

/**
 * Every row of a generated world, through the real importers (the world is written in the vendors' shapes): the CSV
 * feeds first, then osquery results, then the sign-in stream, parsed line by line so it never sits in memory.
 */
export function* worldRows(world: WorkforceWorld): Generator<WorldRow> {
  for (const row of importHiresCsv(world.hiresCsv)) yield { feed: 'hires.csv', row }
  for (const row of importShipmentsCsv(world.shipmentsCsv)) yield { feed: 'shipments.csv', row }
  for (const row of importMdmCsv(world.mdmCsv)) yield { feed: 'mdm.csv', row }
  for (const row of importPayrollCsv(world.payrollCsv)) yield { feed: 'payroll.csv', row }
  let line = 0
  for (const text of world.osqueryLines()) {
    line++
    for (const row of importOsqueryResult(JSON.parse(text), line)) yield { feed: 'osquery.log', row }
  }
  let okta = 0
  let entra = 0
  for (const event of world.signInLines()) {
    if (event.provider === 'okta')
      yield { feed: 'okta-system-log.jsonl', row: importOktaEvent(JSON.parse(event.line), ++okta) }
    else yield { feed: 'entra-sign-ins.jsonl', row: importEntraSignIn(JSON.parse(event.line), ++entra) }
  }
}
