/** The streams a command talks to; tests pass their own to run commands in-process. */
export type CliIo = {
  readonly stdout: NodeJS.WritableStream & { isTTY?: boolean }
  readonly stderr: NodeJS.WritableStream & { isTTY?: boolean; columns?: number }
  readonly stdin: NodeJS.ReadableStream
}

export const processIo: CliIo = { stdout: process.stdout, stderr: process.stderr, stdin: process.stdin }
