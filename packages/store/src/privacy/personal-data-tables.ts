/**
 * Every table in the store's schema, classified for data-subject requests and retention. A test lists the tables of
 * a migrated database and fails for any table missing here, so a new table is classified when it is added.
 *
 * - `subject`: holds data about applicants and employees (or, for `users`/`sessions`, staff); `lookup` says how a subject's rows
 *   are found, `erase` what an erasure does to them.
 * - `free`: holds no personal data; `why` says so.
 */
export type TableClassification =
  | {
      readonly kind: 'subject'
      readonly holds: string
      /** How rows about a subject are found: by the subject's application ids, by email, or not at all (`why`). */
      readonly lookup: 'application' | 'employee' | 'user' | 'indicator' | 'none'
      readonly erase: 'anonymise' | 'delete' | 'redact' | 'keep'
      readonly why: string
    }
  | { readonly kind: 'free'; readonly why: string }

export const personalDataTables: Readonly<Record<string, TableClassification>> = {
  applications: {
    kind: 'subject',
    holds: 'the payload as received, the record and normalised facts (personal parts encrypted)',
    lookup: 'application',
    erase: 'anonymise',
    why: 'the row stays for counts; raw, facts and the personal record fields are replaced',
  },
  application_identifiers: {
    kind: 'subject',
    holds: 'identifiers for matching (keyed hashes) with their display form (encrypted)',
    lookup: 'application',
    erase: 'delete',
    why: 'nothing aggregates them',
  },
  screening_results: {
    kind: 'subject',
    holds: 'scores and outcomes; signal evidence and messages quote personal values',
    lookup: 'application',
    erase: 'redact',
    why: 'scores, outcomes and codes stay for trends; evidence and messages are erased',
  },
  decisions: {
    kind: 'subject',
    holds: "verdicts and reasons about an application; the analyst's free-text note",
    lookup: 'application',
    erase: 'redact',
    why: 'verdicts are labels and aggregates; the note is erased',
  },
  cases: {
    kind: 'subject',
    holds: 'reviews of an application (ids, status, who worked them)',
    lookup: 'application',
    erase: 'keep',
    why: 'ids and status only',
  },
  cluster_members: {
    kind: 'subject',
    holds: 'which cluster an application is in',
    lookup: 'application',
    erase: 'keep',
    why: 'ids only; cluster sizes are aggregates',
  },
  import_job_rows: {
    kind: 'subject',
    holds: 'the import row an application came from (line, status, issue paths)',
    lookup: 'application',
    erase: 'keep',
    why: 'ids, status and field paths only',
  },
  ats_hires: {
    kind: 'subject',
    holds: 'an ATS hire of an application (ATS ids, hire date)',
    lookup: 'application',
    erase: 'keep',
    why: 'ATS ids and a date; the employee hired from it is erased with the application (employees)',
  },
  outbox_events: {
    kind: 'subject',
    holds: 'webhook events naming an application (ids, score, outcome, codes)',
    lookup: 'application',
    erase: 'keep',
    why: 'ids and outcomes only, no personal values',
  },
  audit_log: {
    kind: 'subject',
    holds: "who did what to which application (actor, action, target id); staff entries hold a user's IP and email",
    lookup: 'application',
    erase: 'keep',
    why: "append-only by design; entries about applications carry ids, never an applicant's personal values",
  },
  employees: {
    kind: 'subject',
    holds: 'legal name, home address and manager of a hired worker (encrypted; the address key a keyed hash), logins',
    lookup: 'employee',
    erase: 'anonymise',
    why:
      'employment records have a legal retention HR owns: the row (ids, application link, home country, start date) ' +
      'stays for counts and the audit trail; name, address, its key, manager and logins are erased',
  },
  employee_assessments: {
    kind: 'subject',
    holds: 'assessments of an employee: scores, outcomes, signal codes; signal messages and evidence (encrypted)',
    lookup: 'employee',
    erase: 'redact',
    why: 'scores, outcomes and codes stay for trends; evidence and messages are erased',
  },
  workforce_records: {
    kind: 'subject',
    holds:
      'post-hire feed records: payroll changes (holder, account hash), shipments (ship-to), sign-ins (IP, place, ' +
      'user agent), device check-ins (public IP), osquery rows; those parts encrypted, an IP also as a keyed hash',
    lookup: 'employee',
    erase: 'anonymise',
    why:
      'kept with the employment record: kind, times, source, asset, serial, outcome, payout method and institution ' +
      'stay; the personal parts are erased and a sign-in is filed under the employee id instead of the account',
  },
  users: {
    kind: 'subject',
    holds: 'staff accounts: email, display name',
    lookup: 'user',
    erase: 'keep',
    why: 'exported when the email is a user; accounts are disabled, not erased, so history keeps its actor',
  },
  sessions: {
    kind: 'subject',
    holds: 'staff sign-in sessions: IP and user agent',
    lookup: 'user',
    erase: 'keep',
    why: 'exported with the user; they expire',
  },
  watchlist_entries: {
    kind: 'subject',
    holds: 'fraud indicators (emails, phones...) an analyst or feed added',
    lookup: 'indicator',
    erase: 'keep',
    why: 'exported when the value matches; indicators of fraud are kept under their own review',
  },
  import_job_inputs: {
    kind: 'subject',
    holds: 'staged import rows (record and payload, encrypted) until screened',
    lookup: 'none',
    erase: 'keep',
    why: 'transient: deleted as each row is screened; not yet linked to an application',
  },
  import_uploads: {
    kind: 'subject',
    holds: 'an uploaded import file (bytes, not encrypted) until its job ends',
    lookup: 'none',
    erase: 'keep',
    why: 'transient: the bytes are released when the import ends',
  },
  sharing_exports: {
    kind: 'subject',
    holds: 'STIX/MISP documents shared out: indicators of confirmed fraud (hashed when configured)',
    lookup: 'none',
    erase: 'keep',
    why: 'a record of what was shared; shared indicators are about confirmed fraud, which retention never removes',
  },
  taxii_objects: {
    kind: 'subject',
    holds: 'the objects of sharing exports served over TAXII',
    lookup: 'none',
    erase: 'keep',
    why: 'as sharing_exports',
  },
  clusters: { kind: 'free', why: 'cluster ids and counts' },
  api_keys: { kind: 'free', why: 'key names, prefixes, hashes and scopes' },
  webhook_subscriptions: { kind: 'free', why: 'receiver URLs and secrets' },
  webhook_deliveries: { kind: 'free', why: 'delivery status of outbox events' },
  import_jobs: { kind: 'free', why: 'counters, status and the actor who started the import' },
  job_progress: { kind: 'free', why: 'how far a background job got (ids)' },
  intel_sources: { kind: 'free', why: 'reference-data versions' },
  ats_webhook_receipts: { kind: 'free', why: 'one-time tokens of inbound webhooks' },
  retention_policies: { kind: 'free', why: 'per-source retention settings' },
  oidc_sign_ins: {
    kind: 'free',
    why: 'single sign-on attempts in flight: state hash, nonce, PKCE verifier, return path',
  },
  watchlists: { kind: 'free', why: 'watchlist names and descriptions' },
  watchlist_revision: { kind: 'free', why: 'a counter' },
  policy_versions: { kind: 'free', why: 'scoring policies' },
  risk_models: { kind: 'free', why: 'trained model files and evaluation summaries (aggregates)' },
  model_activations: { kind: 'free', why: 'which model is active' },
  kysely_migration: { kind: 'free', why: 'applied migrations' },
  kysely_migration_lock: { kind: 'free', why: 'the migration lock' },
}

/** The message a test prints for a table nobody has classified. */
export function unclassifiedTableMessage(table: string): string {
  return (
    `Table ${table} is not classified for personal data. Add it to personalDataTables in ` +
    `packages/store/src/privacy/personal-data-tables.ts: { kind: 'free', why } when it holds nothing about a person, ` +
    `else { kind: 'subject', holds, lookup, erase, why } and make exportSubject/eraseSubject in ` +
    `packages/store/src/privacy/subject-requests.ts cover it; then list it in docs/security.md ("Personal data").`
  )
}
