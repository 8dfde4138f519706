import { paymentMethods, type PaymentMethod, type PayrollChangeRecord } from '../records/workforce-record.js'
import { hashAccount, isAccountHash } from './account-hash.js'
import { importCsvTable, RowIssues, type CsvColumnSpec } from './csv-table.js'
import { rowOf, type ImportedRow } from './import-row.js'
import { readInstant } from './timestamps.js'

export const payrollColumns = [
  { name: 'employee_id', isRequired: true, description: 'The employee (HR employee id).' },
  {
    name: 'changed_at',
    aliases: ['effective_at', 'change_time', 'updated_at'],
    isRequired: true,
    description: 'When the pay destination changed, ISO 8601 date-time with zone.',
  },
  {
    name: 'account_number',
    aliases: ['account', 'iban', 'wallet', 'wallet_address'],
    description: 'The account number, IBAN or wallet address: hashed on import, never kept.',
  },
  {
    name: 'routing_number',
    aliases: ['routing', 'sort_code', 'bic', 'swift', 'aba'],
    description: 'The routing number, sort code or BIC: hashed together with the account.',
  },
  {
    name: 'account_hash',
    description: 'Instead of the numbers: a hash made upstream (`sha256:` or `hmac-sha256:` and 64 hex digits).',
  },
  {
    name: 'holder_name',
    aliases: ['account_holder', 'account_name', 'beneficiary'],
    isRequired: true,
    description: 'The account holder as the bank or payroll records it.',
  },
  {
    name: 'method',
    aliases: ['payment_method', 'payout_method'],
    isRequired: true,
    description: `How the pay goes: ${paymentMethods.join(', ')} (ach and direct deposit read as direct-deposit).`,
  },
  { name: 'institution', aliases: ['bank', 'bank_name', 'provider'], description: 'The bank or payment institution.' },
] as const satisfies readonly CsvColumnSpec<string>[]

type PayrollColumn = (typeof payrollColumns)[number]['name']

const methodAliases: Readonly<Record<string, PaymentMethod>> = {
  ach: 'direct-deposit',
  'direct deposit': 'direct-deposit',
  direct_deposit: 'direct-deposit',
  'bank transfer': 'wire',
  'wire transfer': 'wire',
  cheque: 'check',
  'pay card': 'paycard',
  'payout service': 'payout-service',
  payout: 'payout-service',
  cryptocurrency: 'crypto',
}

function readMethod(text: string): PaymentMethod | undefined {
  const key = text.trim().toLowerCase()
  if ((paymentMethods as readonly string[]).includes(key)) return key as PaymentMethod
  // Own keys only: a method named "constructor" must not find Object's.
  return Object.hasOwn(methodAliases, key) ? methodAliases[key] : undefined
}

export type PayrollImportOptions = {
  /** The organisation's secret for HMAC account hashes; without it accounts are hashed with plain SHA-256. */
  readonly accountKey?: string
}

/**
 * Pay-destination changes from a payroll export in CSV. The account and routing numbers are hashed here and dropped:
 * records carry only `accountHash`, which is what `payroll.account.shared` compares.
 */
export function importPayrollCsv(text: string, options: PayrollImportOptions = {}): ImportedRow<PayrollChangeRecord>[] {
  return importCsvTable<PayrollColumn, PayrollChangeRecord>(text, payrollColumns, ({ line, cell }) => {
    const issues = new RowIssues()
    const employeeId = issues.required(cell('employee_id'), 'employee_id', 'the employee (HR employee id)')
    const changedText = issues.required(cell('changed_at'), 'changed_at', 'when the pay destination changed')
    const changed = changedText === undefined ? undefined : readInstant(changedText)
    if (typeof changed === 'string') issues.add('changed_at', changed)
    const account = cell('account_number')
    const given = cell('account_hash')
    let accountHash: string | undefined
    if (account !== undefined) accountHash = hashAccount(cell('routing_number'), account, options.accountKey)
    else if (given !== undefined) {
      if (isAccountHash(given.toLowerCase())) accountHash = given.toLowerCase()
      else issues.add('account_hash', 'must be "sha256:" or "hmac-sha256:" followed by 64 hexadecimal digits')
    } else issues.add('account_number', 'is required (or account_hash): the account the pay goes to')
    const holderName = issues.required(cell('holder_name'), 'holder_name', 'the account holder')
    const methodText = issues.required(cell('method'), 'method', `one of ${paymentMethods.join(', ')}`)
    const method = methodText === undefined ? undefined : readMethod(methodText)
    if (methodText !== undefined && method === undefined)
      issues.add('method', `must be one of ${paymentMethods.join(', ')}, not "${methodText}"`)
    const institution = cell('institution')
    return rowOf(line, issues.issues, () => ({
      kind: 'payroll-change',
      employeeId: employeeId ?? '',
      changedAt: typeof changed === 'object' ? changed.text : '',
      changedAtMs: typeof changed === 'object' ? changed.ms : 0,
      accountHash: accountHash ?? '',
      holderName: holderName ?? '',
      method: method ?? 'direct-deposit',
      ...(institution ? { institution } : {}),
    }))
  })
}
