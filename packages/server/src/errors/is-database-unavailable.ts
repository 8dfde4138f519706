/** SQLSTATEs that mean the database cannot be reached now, not that the statement was wrong. */
const unavailableStates = new Set([
  '08000', // connection_exception
  '08001', // sqlclient_unable_to_establish_sqlconnection
  '08003', // connection_does_not_exist
  '08004', // sqlserver_rejected_establishment_of_sqlconnection
  '08006', // connection_failure
  '57P01', // admin_shutdown: a restart ended the session
  '57P02', // crash_shutdown
  '57P03', // cannot_connect_now: starting up or shutting down
])

/** Socket errors of a connection that could not be made or was cut. */
const socketCodes = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENOTFOUND'])

/** What the pg driver and its pool throw, as text only, when a connection ends or cannot be had in time. */
const driverMessages = [
  'Connection terminated',
  'timeout exceeded when trying to connect',
  'Client has encountered a connection error and is not queryable',
  'is not currently accepting connections',
]

/**
 * Whether `error` (or an error it was caused by) says the database is unreachable for now: refused, restarting, or a
 * connection cut mid-request. Such a request can succeed on retry, so it is answered 503, not 500.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  let current: unknown = error
  for (let depth = 0; depth < 5 && typeof current === 'object' && current !== null; depth += 1) {
    const { code, message, errors } = current as { code?: unknown; message?: unknown; errors?: unknown }
    if (typeof code === 'string' && (unavailableStates.has(code) || socketCodes.has(code))) return true
    if (typeof message === 'string' && driverMessages.some((text) => message.includes(text))) return true
    // An AggregateError (a refused connection to each address of localhost) holds the socket errors.
    if (Array.isArray(errors) && errors.some((inner) => isDatabaseUnavailable(inner))) return true
    current = (current as { cause?: unknown }).cause
  }
  return false
}
