import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vitest/config'

const alias = {
  '~': fileURLToPath(new URL('./app', import.meta.url)),
  '#db': fileURLToPath(new URL('./db', import.meta.url)),
}

// Two projects: pure logic (fast, no I/O) and the database/storage/search contracts.
export default defineConfig({
  resolve: { alias },
  test: {
    // s3rver (the S3 test server) enciphers list continuation tokens with DES, which OpenSSL 3 only
    // offers through its legacy provider; without it every listing past one page fails.
    poolOptions: { forks: { execArgv: ['--openssl-legacy-provider'] } },
    projects: [
      { resolve: { alias }, test: { name: 'unit', include: ['tests/unit/**/*.test.ts'], environment: 'node' } },
      {
        resolve: { alias },
        test: {
          name: 'integration',
          include: ['tests/integration/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['tests/integration/global-setup.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
})
