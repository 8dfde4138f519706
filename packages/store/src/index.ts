/** @hirewall/store: the PostgreSQL system of record. */
export {}
