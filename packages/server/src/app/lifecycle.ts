/** Whether the server is shutting down: `startServer` sets it, and every request that arrives after gets 503. */
export type Lifecycle = { isDraining: boolean }
