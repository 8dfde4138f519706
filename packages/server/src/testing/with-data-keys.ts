import {
  createPersonalDataCipher,
  createRepositories,
  generateDataKeyRing,
  type Store,
  type StoreTestTarget,
} from '@hirewall/store'

/** A store test target whose stores encrypt personal data, as a service started with HIREWALL_DATA_KEYS does. */
export type KeyedTestTarget = StoreTestTarget & { readonly keys: 'with data keys' | 'without keys' }

/** Each target twice: as it is, and with a fresh key ring. */
export function withAndWithoutDataKeys(targets: readonly StoreTestTarget[]): readonly KeyedTestTarget[] {
  return targets.flatMap((target): KeyedTestTarget[] => [
    { ...target, keys: 'without keys' },
    {
      ...target,
      keys: 'with data keys',
      open: async () => {
        const database = await target.open()
        return { ...database, store: withDataKeys(database.store) }
      },
    },
  ])
}

/** The same store encrypting personal data with a fresh key ring. */
export function withDataKeys(store: Store): Store {
  const cipher = createPersonalDataCipher(generateDataKeyRing())
  return {
    ...store,
    ...createRepositories(store.db, cipher),
    cipher,
    transaction: (work) =>
      store.db.transaction().execute((transaction) => work(createRepositories(transaction, cipher))),
  }
}
