import {
  loadPackagedIpDatabase,
  loadShippedNetworkClassification,
  type LoadedList,
  type NetworkRange,
} from '@hirewall/intel'
import type { NetworkIntel } from '../evaluate/ip-classifier.js'
import {
  createWorkforceEvaluator,
  type WorkforceEvaluator,
  type WorkforceEvaluatorOptions,
} from '../evaluate/workforce-evaluator.js'
import { loadShippedLists } from '../lists/shipped-lists.js'
import type { WorkforceRecord } from '../records/workforce-record.js'

/** A consumer-VPN range for tests (the shipped classification lists hosting networks, not VPN brands). */
export const testVpnList: LoadedList<NetworkRange> = {
  source: { name: 'test vpn list', version: '1', entries: 1 },
  items: [{ kind: 'vpn', cidr: '146.70.70.0/24', name: 'Test VPN exit', list: 'test-vpn' }],
}

/** The real network intelligence: the packaged IP database, the shipped classification, and the test VPN range. */
export function testNetwork(): NetworkIntel {
  return { ranges: [loadShippedNetworkClassification(), testVpnList], ipDatabase: loadPackagedIpDatabase() }
}

/** An evaluator over the shipped lists and the real network data, fed the records. */
export function evaluatorWith(
  records: readonly WorkforceRecord[],
  options: Partial<WorkforceEvaluatorOptions> = {},
): WorkforceEvaluator {
  const evaluator = createWorkforceEvaluator({ lists: loadShippedLists(), network: testNetwork(), ...options })
  evaluator.addAll(records)
  return evaluator
}

/** The codes an employee's assessment raised, sorted. */
export function codesOf(evaluator: WorkforceEvaluator, employeeId: string): string[] {
  return evaluator
    .assess(employeeId)
    .signals.map((signal) => signal.code)
    .sort()
}
