import { createRepositories, type Repositories, type Store } from '@hirewall/store'

// An arbitrary constant naming the lock (the bytes of "hwus"); every process uses the same one.
const userAdministrationLockKey = 0x68_77_75_73

/**
 * Runs `work` in one transaction holding a PostgreSQL advisory lock on user administration, so that decisions that
 * read all users before writing (the first admin, the last active admin) are taken one at a time across every server
 * process on the database. The lock is released at commit or rollback.
 */
export function withUserAdministrationLock<Result>(
  store: Pick<Store, 'db'>,
  work: (repositories: Repositories) => Promise<Result>,
): Promise<Result> {
  return store.db.transaction().execute(async (transaction) => {
    await transaction
      .selectNoFrom((eb) => eb.fn('pg_advisory_xact_lock', [eb.lit(userAdministrationLockKey)]).as('locked'))
      .execute()
    return work(createRepositories(transaction))
  })
}
