import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { ConfigError, parseConfig } from '../../app/platform/config.server'

const secret = { SESSION_SECRET: 'x'.repeat(40), DATA_DIR: path.join('.tmp', 'config-test') }

function problems(env: Record<string, string>) {
  try {
    parseConfig({ ...secret, ...env })
  } catch (error) {
    if (error instanceof ConfigError) return error.problems
    throw error
  }
  return []
}

describe('configuration', () => {
  it('needs no variables for the embedded default', () => {
    const config = parseConfig({ DATA_DIR: secret.DATA_DIR })
    expect(config.database).toEqual({ kind: 'pglite', dataDir: path.resolve('.tmp/config-test/pglite') })
    expect(config.storage).toEqual({ kind: 'local', root: path.resolve('.tmp/config-test/files') })
    expect(config.search).toEqual({ kind: 'postgres' })
    expect(config.worker).toBe('inline')
    expect(config.port).toBe(3000)
    expect(config.seedDemo).toBe(true)
    expect(config.sessionSecret).toMatch(/^[0-9a-f]{64}$/)
    // The generated secret is kept, so sessions survive a restart.
    expect(parseConfig({ DATA_DIR: secret.DATA_DIR }).sessionSecret).toBe(config.sessionSecret)
  })

  it('switches to the scaled shape by configuration alone, without demo accounts', () => {
    const config = parseConfig({
      ...secret,
      DATABASE_URL: 'postgres://u:p@db:5432/tongxing',
      STORAGE: 's3',
      S3_ENDPOINT: 'http://s3:9000',
      S3_BUCKET: 'media',
      S3_ACCESS_KEY_ID: 'id',
      S3_SECRET_ACCESS_KEY: 'key',
      SEARCH: 'meilisearch',
      MEILI_URL: 'http://meili:7700',
      WORKER: 'external',
    })
    expect(config.database).toEqual({ kind: 'postgres', url: 'postgres://u:p@db:5432/tongxing' })
    expect(config.storage).toMatchObject({ kind: 's3', bucket: 'media', endpoint: 'http://s3:9000', forcePathStyle: true })
    expect(config.search).toEqual({ kind: 'meilisearch', url: 'http://meili:7700', key: undefined })
    expect(config.worker).toBe('external')
    expect(config.seedDemo).toBe(false)
  })

  it('names the variable and the fix for each wrong value', () => {
    expect(problems({ DATABASE_URL: 'mysql://x' })[0]).toMatch(/^DATABASE_URL must start with postgres:\/\/.*unset it to use the embedded PGlite/)
    expect(problems({ STORAGE: 'ftp' })[0]).toMatch(/^STORAGE must be "local" .* or "s3"/)
    expect(problems({ PORT: '99999' })[0]).toMatch(/^PORT must be a port number/)
    expect(problems({ WORKER: 'sometimes' })[0]).toMatch(/^WORKER must be "inline"/)
    expect(problems({ SESSION_SECRET: 'short' })[0]).toMatch(/^SESSION_SECRET must be at least 32 characters/)
    expect(problems({ STORAGE: 's3' })).toEqual([
      'S3_BUCKET is required when STORAGE=s3: set it to the bucket name',
      'S3_ACCESS_KEY_ID is required when STORAGE=s3: set it to the access key of the bucket',
      'S3_SECRET_ACCESS_KEY is required when STORAGE=s3: set it to the secret key of the bucket',
    ])
    expect(problems({ SEARCH: 'meilisearch' })).toEqual(['MEILI_URL is required when SEARCH=meilisearch: set it to the server URL, e.g. http://127.0.0.1:7700'])
    expect(problems({ SESSION_SECRET: '', DATABASE_URL: 'postgres://db/x', NODE_ENV: 'production' })[0]).toMatch(/^SESSION_SECRET is required with DATABASE_URL in production/)
  })

  it('treats empty variables as unset', () => {
    expect(parseConfig({ ...secret, DATABASE_URL: '', STORAGE: '' }).database.kind).toBe('pglite')
  })

  it('refuses to start with a message listing every problem', () => {
    expect(() => parseConfig({ ...secret, STORAGE: 'ftp', PORT: 'abc' })).toThrowError(/Tongxing cannot start: the configuration is wrong\.\n {2}- /)
  })
})
