/*
 * Tongxing offline packages for 送教上门 home visits (decision record 010).
 * The page asks this worker to keep a lesson's URLs in a cache of its own ("tongxing-offline-…").
 * Every same-origin GET goes to the network first; only when the network fails is a kept copy
 * served (video byte ranges are cut from it), so online users always get the current pages.
 */
const prefix = 'tongxing-offline-'
const assetPattern = /["'(](\/assets\/[^"'\s)]+)["')]/g

self.addEventListener('install', () => self.skipWaiting())
self.addEventListener('activate', (event) => event.waitUntil(self.clients.claim()))

self.addEventListener('message', (event) => {
  const message = event.data || {}
  const reply = (value) => event.ports[0] && event.ports[0].postMessage(value)
  if (message.type === 'store') event.waitUntil(store(message.cacheName, message.urls).then(reply, (error) => reply({ error: String(error) })))
  if (message.type === 'remove') event.waitUntil(caches.delete(message.cacheName).then(() => reply({ removed: true })))
})

async function store(cacheName, urls) {
  if (!cacheName.startsWith(prefix)) throw new Error('not an offline package cache')
  // A package is replaced as a whole: fetch into a fresh cache, then swap.
  const staging = `${cacheName}~staging`
  await caches.delete(staging)
  const cache = await caches.open(staging)
  const results = []
  const assets = new Set(['/favicon.svg'])
  for (const url of urls) {
    try {
      const response = await fetch(url, { credentials: 'same-origin', cache: 'no-store' })
      if (!response.ok || response.redirected) {
        results.push({ url, ok: false, status: response.status })
        continue
      }
      if ((response.headers.get('content-type') || '').includes('text/html')) {
        const html = await response.clone().text()
        for (const match of html.matchAll(assetPattern)) assets.add(match[1])
      }
      await cache.put(url, response)
      const kept = await cache.match(url)
      results.push({ url, ok: true, size: kept ? (await kept.blob()).size : null })
    } catch (error) {
      results.push({ url, ok: false, error: String(error) })
    }
  }
  // The scripts and styles the kept pages load, so they work (and hydrate) with no network.
  for (const url of assets) {
    try {
      const response = await fetch(url, { credentials: 'same-origin' })
      if (response.ok) {
        if (url.endsWith('.css')) {
          const css = await response.clone().text()
          for (const match of css.matchAll(assetPattern)) assets.add(match[1])
        }
        await cache.put(url, response)
      }
    } catch {
      /* an asset missing offline only costs styling; the list says what was kept */
    }
  }
  await caches.delete(cacheName)
  const final = await caches.open(cacheName)
  for (const request of await cache.keys()) {
    const response = await cache.match(request)
    if (response) await final.put(request, response)
  }
  await caches.delete(staging)
  return { results }
}

self.addEventListener('fetch', (event) => {
  const request = event.request
  const url = new URL(request.url)
  if (url.origin !== self.location.origin) return
  // Signing out on a shared device removes the kept packages (their visit form names the teacher's
  // students). Records waiting in IndexedDB are not touched: they upload after the next sign-in.
  if (request.method === 'POST' && url.pathname === '/logout') {
    event.waitUntil(removePackages())
    return
  }
  if (request.method !== 'GET') return
  event.respondWith(networkFirst(request, url))
})

async function removePackages() {
  for (const name of await caches.keys()) if (name.startsWith(prefix)) await caches.delete(name)
}

async function networkFirst(request, url) {
  try {
    return await fetch(request)
  } catch (error) {
    const kept = await fromPackages(url.pathname + url.search)
    if (!kept) throw error
    const range = request.headers.get('range')
    return range ? await slice(kept, range) : kept
  }
}

async function fromPackages(key) {
  for (const name of await caches.keys()) {
    if (!name.startsWith(prefix) || name.endsWith('~staging')) continue
    const cache = await caches.open(name)
    const hit = await cache.match(key, { ignoreVary: true })
    if (hit) return hit
  }
  return null
}

/** A 206 answer cut from a kept whole file, for the video element's byte-range requests. */
async function slice(response, range) {
  const bytes = await response.arrayBuffer()
  const match = /^bytes=(\d*)-(\d*)$/.exec(range.trim())
  const size = bytes.byteLength
  let start = match && match[1] ? Number(match[1]) : 0
  let end = match && match[2] ? Math.min(Number(match[2]), size - 1) : size - 1
  if (match && !match[1] && match[2]) {
    start = Math.max(0, size - Number(match[2]))
    end = size - 1
  }
  if (start >= size || start > end) return new Response(null, { status: 416, headers: { 'Content-Range': `bytes */${size}` } })
  return new Response(bytes.slice(start, end + 1), {
    status: 206,
    headers: {
      'Content-Type': response.headers.get('content-type') || 'application/octet-stream',
      'Content-Range': `bytes ${start}-${end}/${size}`,
      'Content-Length': String(end - start + 1),
      'Accept-Ranges': 'bytes',
    },
  })
}
