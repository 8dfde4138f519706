/** @hirewall/server: the HTTP service. */
export {}
