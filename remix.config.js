// Remix's own options, in one place. The Remix Vite plugin does not read this file by itself:
// vite.config.ts imports it and passes it to the plugin.
/** @type {import('@remix-run/dev').VitePluginConfig} */
export default {
  appDirectory: 'app',
  // BUILD_DIR lets test runs build side by side without overwriting the build a developer is running.
  buildDirectory: process.env.BUILD_DIR ?? 'build',
  serverModuleFormat: 'esm',
  ignoredRouteFiles: ['**/.*', '**/*.test.*'],
  future: {
    v3_fetcherPersist: true,
    v3_relativeSplatPath: true,
    v3_throwAbortReason: true,
    v3_lazyRouteDiscovery: true,
    v3_singleFetch: true,
  },
}
