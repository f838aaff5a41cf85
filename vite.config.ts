import { vitePlugin as remix } from '@remix-run/dev'
import { defineConfig } from 'vite'
import remixConfig from './remix.config.js'

declare module '@remix-run/node' {
  interface Future {
    v3_singleFetch: true
  }
}

// Native and WASM packages load their own files at run time; bundling them breaks that.
const serverOnlyPackages = ['@electric-sql/pglite', '@node-rs/argon2', '@node-rs/jieba', 'pg-boss', 'postgres', 'sharp']

export default defineConfig({
  plugins: [remix(remixConfig)],
  resolve: {
    alias: { '~': new URL('./app', import.meta.url).pathname, '#db': new URL('./db', import.meta.url).pathname },
  },
  ssr: { external: serverOnlyPackages },
  // The dependency scanner also walks *.server.ts files; these never reach the browser.
  optimizeDeps: { exclude: serverOnlyPackages },
  server: { port: Number(process.env.PORT ?? 3000) },
})
