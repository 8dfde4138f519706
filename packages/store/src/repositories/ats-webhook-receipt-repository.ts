import type { Kysely } from 'kysely'
import type { Database } from '../database/database-schema.js'
import { translatingErrors } from '../database/store-error.js'

/**
 * The one-time tokens of inbound ATS webhooks already accepted. Lever signs only `token + triggeredAt`, not the ids in
 * the body, so a captured delivery could be replayed with other ids: each token is accepted once.
 */
export type AtsWebhookReceiptRepository = {
  /** Records the token; false when it was recorded before (a replay or a redelivery already handled). */
  claim(sourceSystem: string, receiptKey: string): Promise<boolean>
  /** Forgets a token whose handling failed, so the vendor's redelivery is accepted. */
  release(sourceSystem: string, receiptKey: string): Promise<void>
}

export function createAtsWebhookReceiptRepository(db: Kysely<Database>): AtsWebhookReceiptRepository {
  return {
    claim: (sourceSystem, receiptKey) =>
      translatingErrors(async () => {
        const inserted = await db
          .insertInto('ats_webhook_receipts')
          .values({ source_system: sourceSystem, receipt_key: receiptKey })
          .onConflict((conflict) => conflict.columns(['source_system', 'receipt_key']).doNothing())
          .returning('receipt_key')
          .executeTakeFirst()
        return inserted !== undefined
      }),
    release: async (sourceSystem, receiptKey) => {
      await db
        .deleteFrom('ats_webhook_receipts')
        .where('source_system', '=', sourceSystem)
        .where('receipt_key', '=', receiptKey)
        .execute()
    },
  }
}
