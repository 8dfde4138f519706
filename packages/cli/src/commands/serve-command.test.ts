import { describe, expect, it } from 'vitest'
import { runCli } from '../testing/run-cli.js'

describe('hirewall serve and hirewall admin', () => {
  it('documents its settings and the environment it reads', async () => {
    const run = await runCli(['serve', '--help'])
    expect(run.exitCode).toBe(0)
    for (const option of [
      '--port',
      '--data-dir',
      '--public-origin',
      '--demo',
      '--no-console',
      '--trust-proxy',
      '--workforce-organisation',
      '--producer',
      '--oidc-issuer',
      '--oidc-name',
      '--allow-unencrypted',
    ])
      expect(run.stdout).toContain(option)
    for (const variable of [
      'DATABASE_URL',
      'HIREWALL_GREENHOUSE_SECRET',
      'HIREWALL_LEVER_API_KEY',
      'HIREWALL_ACCOUNT_KEY',
      'HIREWALL_PRODUCER',
      'HIREWALL_CONSORTIUM_KEY_FILE',
      'HIREWALL_OIDC_CLIENT_ID',
      'HIREWALL_OIDC_CLIENT_SECRET',
      'HIREWALL_DATA_KEYS',
      'HIREWALL_IDENTIFIER_KEY',
    ])
      expect(run.stdout).toContain(variable)
  })

  it('refuses to store personal data unencrypted on a PostgreSQL server without keys', async () => {
    const saved = { ...process.env }
    try {
      process.env.DATABASE_URL = 'postgres://nobody@127.0.0.1:1/none'
      delete process.env.HIREWALL_DATA_KEYS
      delete process.env.HIREWALL_IDENTIFIER_KEY
      delete process.env.HIREWALL_ALLOW_UNENCRYPTED
      const run = await runCli(['serve', '--no-intel', '--port', '0'])
      expect(run.exitCode).toBe(2)
      expect(run.stderr).toContain('HIREWALL_DATA_KEYS and HIREWALL_IDENTIFIER_KEY are not')
    } finally {
      process.env = saved
    }
  })

  it('refuses a port that is not a number, naming the flag', async () => {
    const run = await runCli(['serve', '--port', 'eighty'])
    expect(run.exitCode).toBe(2)
    expect(run.stderr).toContain('--port must be a whole number')
  })

  it('refuses single sign-on over plain http to another host, and without a client id, before starting', async () => {
    const insecure = await runCli(['serve', '--oidc-issuer', 'http://login.example.com', '--no-intel'])
    expect(insecure.exitCode).toBe(2)
    expect(insecure.stderr).toContain('--oidc-issuer must use https')
    const noClient = await runCli(['serve', '--oidc-issuer', 'https://login.example.com', '--no-intel'])
    expect(noClient.exitCode).toBe(2)
    expect(noClient.stderr).toContain('HIREWALL_OIDC_CLIENT_ID must be set')
  })

  it('resets a password only for a user that exists', async () => {
    const run = await runCli(['admin', 'reset-password', 'nobody@example.com', '--data-dir', 'memory://'])
    expect(run.exitCode).toBe(2)
    expect(run.stderr).toContain('no user with the email nobody@example.com')
  })
})
