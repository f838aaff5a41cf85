import { randomBytes } from 'node:crypto'
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { z } from 'zod'

/**
 * The whole runtime configuration, read once from the environment. The embedded default needs no
 * variables at all; the scaled shape is switched on by configuration alone. A wrong value stops the
 * start with a message that names the variable and how to fix it.
 */
const fix = (message: string) => ({ message })

const envSchema = z
  .object({
    NODE_ENV: z.enum(['development', 'production', 'test']).default('production'),
    PORT: z.coerce.number().int().min(1).max(65535, fix('must be a port number 1–65535, e.g. PORT=3000')).default(3000),
    DATA_DIR: z.string().min(1).default('.data'),
    DATABASE_URL: z
      .string()
      .regex(/^postgres(ql)?:\/\//, fix('must start with postgres:// (e.g. postgres://user:pass@host:5432/tongxing); unset it to use the embedded PGlite database'))
      .optional(),
    STORAGE: z.enum(['local', 's3'], fix('must be "local" (files under DATA_DIR) or "s3" (with S3_BUCKET etc.)')).default('local'),
    S3_ENDPOINT: z.url(fix('must be a URL such as https://s3.example.com or http://127.0.0.1:9000')).optional(),
    S3_BUCKET: z.string().min(1).optional(),
    S3_REGION: z.string().min(1).default('us-east-1'),
    S3_ACCESS_KEY_ID: z.string().min(1).optional(),
    S3_SECRET_ACCESS_KEY: z.string().min(1).optional(),
    SEARCH: z.enum(['postgres', 'meilisearch'], fix('must be "postgres" (built in) or "meilisearch" (with MEILI_URL)')).default('postgres'),
    MEILI_URL: z.url(fix('must be the Meilisearch URL, e.g. http://127.0.0.1:7700')).optional(),
    MEILI_KEY: z.string().optional(),
    WORKER: z.enum(['inline', 'external'], fix('must be "inline" (jobs run in the web process) or "external" (run `npm run worker`)')).default('inline'),
    SESSION_SECRET: z.string().min(32, fix('must be at least 32 characters of random text, e.g. `openssl rand -hex 32`')).optional(),
    SEED_DEMO: z.enum(['true', 'false'], fix('must be "true" or "false"')).optional(),
    FFMPEG_PATH: z.string().min(1).optional(),
    REPORT_FONT: z.string().min(1).optional(),
  })
  .superRefine((env, ctx) => {
    const need = (name: keyof typeof env, why: string) => {
      if (!env[name]) ctx.addIssue({ code: 'custom', path: [name], message: `is required ${why}` })
    }
    if (env.STORAGE === 's3') {
      need('S3_BUCKET', 'when STORAGE=s3: set it to the bucket name')
      need('S3_ACCESS_KEY_ID', 'when STORAGE=s3: set it to the access key of the bucket')
      need('S3_SECRET_ACCESS_KEY', 'when STORAGE=s3: set it to the secret key of the bucket')
    }
    if (env.SEARCH === 'meilisearch') need('MEILI_URL', 'when SEARCH=meilisearch: set it to the server URL, e.g. http://127.0.0.1:7700')
    if (env.DATABASE_URL && env.NODE_ENV === 'production') {
      need('SESSION_SECRET', 'with DATABASE_URL in production: every web process must sign cookies with the same secret')
    }
  })

export type Env = z.infer<typeof envSchema>

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Tongxing cannot start: the configuration is wrong.\n${problems.map((p) => `  - ${p}`).join('\n')}`)
    this.name = 'ConfigError'
  }
}

export interface Config {
  env: Env['NODE_ENV']
  port: number
  dataDir: string
  database: { kind: 'pglite'; dataDir: string } | { kind: 'postgres'; url: string }
  storage: { kind: 'local'; root: string } | { kind: 's3'; endpoint?: string; bucket: string; region: string; accessKeyId: string; secretAccessKey: string; forcePathStyle: boolean }
  search: { kind: 'postgres' } | { kind: 'meilisearch'; url: string; key?: string }
  worker: 'inline' | 'external'
  sessionSecret: string
  /** Demo accounts exist only on the embedded default, or where someone asks for them. */
  seedDemo: boolean
  secureCookies: boolean
  ffmpegPath?: string
  /** A font file with Chinese glyphs for PDF reports (TTF/OTF, or a TTC as `file.ttc#PostScriptName`); else one the system has. */
  reportFont?: string
}

export function parseConfig(source: Record<string, string | undefined>): Config {
  // Empty strings count as unset, as shells and .env files often leave them.
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== ''))
  const parsed = envSchema.safeParse(cleaned)
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((issue) => `${issue.path.join('.') || 'environment'} ${issue.message}`))
  }
  const env = parsed.data
  const dataDir = path.resolve(env.DATA_DIR)
  const embedded = !env.DATABASE_URL
  return {
    env: env.NODE_ENV,
    port: env.PORT,
    dataDir,
    database: env.DATABASE_URL ? { kind: 'postgres', url: env.DATABASE_URL } : { kind: 'pglite', dataDir: path.join(dataDir, 'pglite') },
    storage:
      env.STORAGE === 's3'
        ? {
            kind: 's3',
            endpoint: env.S3_ENDPOINT,
            bucket: env.S3_BUCKET!,
            region: env.S3_REGION,
            accessKeyId: env.S3_ACCESS_KEY_ID!,
            secretAccessKey: env.S3_SECRET_ACCESS_KEY!,
            forcePathStyle: Boolean(env.S3_ENDPOINT),
          }
        : { kind: 'local', root: path.join(dataDir, 'files') },
    search: env.SEARCH === 'meilisearch' ? { kind: 'meilisearch', url: env.MEILI_URL!, key: env.MEILI_KEY } : { kind: 'postgres' },
    worker: env.WORKER,
    sessionSecret: env.SESSION_SECRET ?? localSecret(dataDir),
    seedDemo: env.SEED_DEMO ? env.SEED_DEMO === 'true' : embedded,
    secureCookies: env.NODE_ENV !== 'development',
    ffmpegPath: env.FFMPEG_PATH,
    reportFont: env.REPORT_FONT,
  }
}

/** The embedded default keeps a generated secret beside its data, so sessions survive restarts. */
function localSecret(dataDir: string): string {
  const file = path.join(dataDir, 'session-secret')
  try {
    return readFileSync(file, 'utf8').trim()
  } catch {
    mkdirSync(dataDir, { recursive: true })
    const secret = randomBytes(32).toString('hex')
    writeFileSync(file, secret, { mode: 0o600 })
    return secret
  }
}
