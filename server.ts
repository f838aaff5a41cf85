import { createRequestHandler } from '@remix-run/express'
import type { ServerBuild } from '@remix-run/node'
import compression from 'compression'
import express from 'express'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import remixConfig from './remix.config.js'
import { ConfigError, parseConfig } from './app/platform/config.server'
import type { Runtime } from './app/platform/runtime.server'

/**
 * The web process: Express in front of Remix. In development Vite serves the app with hot reload;
 * otherwise the production build. The runtime (database, storage, queue, in-process worker) is booted
 * from inside the app's own bundle, so there is exactly one of each per process.
 */
const config = (() => {
  try {
    return parseConfig(process.env)
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message)
      process.exit(1)
    }
    throw error
  }
})()

const vite =
  config.env === 'development'
    ? await import('vite').then((v) => v.createServer({ server: { middlewareMode: true } }))
    : undefined

const buildDir = path.resolve(remixConfig.buildDirectory ?? 'build')
type Build = ServerBuild & { entry: { module: { startRuntime(): Promise<Runtime> } } }
const loadBuild = async () =>
  (vite ? await vite.ssrLoadModule('virtual:remix/server-build') : await import(pathToFileURL(path.join(buildDir, 'server/index.js')).href)) as Build

const app = express()
app.disable('x-powered-by')
app.use(compression())
if (vite) {
  app.use(vite.middlewares)
} else {
  app.use('/assets', express.static(path.join(buildDir, 'client/assets'), { immutable: true, maxAge: '1y' }))
  app.use(express.static(path.join(buildDir, 'client'), { maxAge: '1h' }))
}
app.all(
  '*',
  createRequestHandler({
    build: vite ? () => loadBuild() : await loadBuild(),
    getLoadContext: (req) => ({ ip: req.ip ?? req.socket.remoteAddress ?? 'unknown' }),
  }),
)

const started = Date.now()
const rt = await (await loadBuild()).entry.module.startRuntime()
const server = app.listen(config.port, () => {
  const shape = [rt.database.kind, rt.storage.kind, rt.search.kind, `worker=${rt.config.worker}`].join(', ')
  console.log(`Tongxing 同行 is running at http://localhost:${config.port} (${shape}; ready in ${Date.now() - started} ms)`)
})

let stopping = false
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (stopping) return
    stopping = true
    server.close()
    void rt.stop().finally(() => process.exit(0))
  })
}
