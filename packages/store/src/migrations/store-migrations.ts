import type { Migration, MigrationProvider } from 'kysely'
import { applicationsAndResultsMigration } from './001-applications-and-results.js'
import { identityAndCasesMigration } from './002-identity-and-cases.js'
import { accessMigration } from './003-access.js'
import { webhooksAndJobsMigration } from './004-webhooks-and-jobs.js'
import { intelAndAuditMigration } from './005-intel-and-audit.js'
import { linkingMigration } from './006-linking.js'
import { reviewQueueMigration } from './007-review-queue.js'
import { importUploadsMigration } from './008-import-uploads.js'
import { atsHiresAndWebhookSecretsMigration } from './009-ats-hires-and-webhook-secrets.js'
import { policyVersionsMigration } from './010-policy-versions.js'
import { watchlistsMigration } from './011-watchlists.js'
import { sharingExportsMigration } from './012-sharing-exports.js'
import { workforceMigration } from './013-workforce.js'
import { riskModelsMigration } from './014-risk-models.js'
import { personalDataMigration } from './015-personal-data.js'
import { lz4CompressionMigration } from './016-lz4-compression.js'
import { oidcSignInsMigration } from './017-oidc-sign-ins.js'
import { rawSameAsRecordMigration } from './018-raw-same-as-record.js'
import { workforcePersonalDataMigration } from './019-workforce-personal-data.js'

/**
 * Every migration by name, in the order they run (names sort in that order). Add a migration as the next numbered
 * file and one line here; never edit or rename one that has shipped (docs/store.md).
 */
export const storeMigrations: Readonly<Record<string, Migration>> = {
  '001-applications-and-results': applicationsAndResultsMigration,
  '002-identity-and-cases': identityAndCasesMigration,
  '003-access': accessMigration,
  '004-webhooks-and-jobs': webhooksAndJobsMigration,
  '005-intel-and-audit': intelAndAuditMigration,
  '006-linking': linkingMigration,
  '007-review-queue': reviewQueueMigration,
  '008-import-uploads': importUploadsMigration,
  '009-ats-hires-and-webhook-secrets': atsHiresAndWebhookSecretsMigration,
  '010-policy-versions': policyVersionsMigration,
  '011-watchlists': watchlistsMigration,
  '012-sharing-exports': sharingExportsMigration,
  '013-workforce': workforceMigration,
  '014-risk-models': riskModelsMigration,
  '015-personal-data': personalDataMigration,
  '016-lz4-compression': lz4CompressionMigration,
  '017-oidc-sign-ins': oidcSignInsMigration,
  '018-raw-same-as-record': rawSameAsRecordMigration,
  '019-workforce-personal-data': workforcePersonalDataMigration,
}

/** A static provider: migrations are compiled into the package, not read from a folder at run time. */
export const storeMigrationProvider: MigrationProvider = {
  getMigrations: () => Promise.resolve(storeMigrations),
}
