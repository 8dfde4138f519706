import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vitest/config'

const source = (name: string): string => fileURLToPath(new URL(`./packages/${name}/src/index.ts`, import.meta.url))

// Tests run against the TypeScript sources of every workspace package, so `npm test` needs no build first.
export default defineConfig({
  resolve: {
    alias: {
      '@hirewall/core': source('core'),
      '@hirewall/synth': source('synth'),
      '@hirewall/model': source('model'),
      '@hirewall/intel': source('intel'),
      '@hirewall/sharing': source('sharing'),
      '@hirewall/workforce': source('workforce'),
      '@hirewall/store': source('store'),
      '@hirewall/server': source('server'),
    },
  },
  test: {
    include: ['packages/*/src/**/*.test.ts', 'bench/**/*.test.ts'],
    testTimeout: 60_000,
    // Commands that screen read the user's intel cache by default: tests see an empty one unless they pass --intel-dir.
    env: { HIREWALL_INTEL_DIR: fileURLToPath(new URL('./.hirewall/tests-intel-unused', import.meta.url)) },
  },
})
