import type { FastifyServerOptions, LogLevel } from 'fastify'

/**
 * Log paths whose values are replaced by `[redacted]`: credentials, cookies and anything that may be a request body.
 * The request log never logs headers or bodies in the first place; this list catches what a later `log.info(obj)`
 * might carry by mistake, because personal data and secrets never go to logs.
 */
export const redactedLogPaths = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-api-key"]',
  'res.headers["set-cookie"]',
  'headers.authorization',
  'headers.cookie',
  'headers["x-api-key"]',
  'headers["set-cookie"]',
  'body',
  'req.body',
  'request.body',
  'rawBody',
  'password',
  '*.password',
  'apiKey',
  '*.apiKey',
  'token',
  '*.token',
  'secret',
  '*.secret',
] as const

/** Where JSON log lines go: stdout by default, a capturing stream in tests. */
export type LogStream = { write(line: string): void }

/** Fastify's logger options, which are pino's. */
export type LoggerOptions = Exclude<FastifyServerOptions['logger'], boolean | undefined>

/** The pino options for the server's JSON logs: level, redaction, and an optional destination. */
export function loggerOptions(options: {
  readonly level: LogLevel
  readonly stream?: LogStream | undefined
}): LoggerOptions {
  return {
    level: options.level,
    redact: { paths: [...redactedLogPaths], censor: '[redacted]' },
    ...(options.stream === undefined ? {} : { stream: options.stream }),
  }
}
