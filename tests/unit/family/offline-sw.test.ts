import { readFileSync } from 'node:fs'
import path from 'node:path'
import vm from 'node:vm'
import { describe, expect, it } from 'vitest'

/** A Cache API good enough for the worker: keyed by path + query. */
class FakeCache {
  entries = new Map<string, Response>()
  async put(request: string | Request, response: Response) {
    this.entries.set(keyOf(request), response)
  }
  async match(request: string | Request) {
    const hit = this.entries.get(keyOf(request))
    return hit ? hit.clone() : undefined
  }
  async keys() {
    return [...this.entries.keys()].map((k) => new Request(`http://localhost${k}`))
  }
}
const keyOf = (request: string | Request) => {
  const url = new URL(typeof request === 'string' ? request : request.url, 'http://localhost')
  return url.pathname + url.search
}
class FakeCaches {
  stores = new Map<string, FakeCache>()
  async open(name: string) {
    if (!this.stores.has(name)) this.stores.set(name, new FakeCache())
    return this.stores.get(name)!
  }
  async delete(name: string) {
    return this.stores.delete(name)
  }
  async keys() {
    return [...this.stores.keys()]
  }
  async has(name: string) {
    return this.stores.has(name)
  }
}

/** Loads public/offline-sw.js as the browser would, with a fake network and cache storage. */
function loadWorker(network: (url: string) => Promise<Response>) {
  const listeners: Record<string, (event: unknown) => void> = {}
  const caches = new FakeCaches()
  const context = vm.createContext({
    self: { addEventListener: (type: string, fn: (event: unknown) => void) => (listeners[type] = fn), location: { origin: 'http://localhost' }, skipWaiting: () => {}, clients: { claim: async () => {} } },
    caches,
    fetch: (input: string | Request) => network(typeof input === 'string' ? input : keyOf(input)),
    Response,
    Request,
    URL,
    Set,
    String,
    Number,
    Math,
  })
  vm.runInContext(readFileSync(path.resolve('public/offline-sw.js'), 'utf8'), context)
  const store = (cacheName: string, urls: string[]) =>
    new Promise<{ results: { url: string; ok: boolean; size?: number }[] }>((resolve) => {
      let done: Promise<unknown> = Promise.resolve()
      listeners.message!({ data: { type: 'store', cacheName, urls }, ports: [{ postMessage: resolve }], waitUntil: (p: Promise<unknown>) => (done = p) })
      void done
    })
  const post = (url: string) =>
    new Promise<void>((resolve) => {
      let responded = false
      let waited: Promise<unknown> = Promise.resolve()
      listeners.fetch!({ request: new Request(`http://localhost${url}`, { method: 'POST' }), respondWith: () => (responded = true), waitUntil: (p: Promise<unknown>) => (waited = p) })
      void waited.then(() => resolve(expect(responded).toBe(false)))
    })
  const get = (url: string, headers: Record<string, string> = {}) =>
    new Promise<Response>((resolve, reject) => {
      listeners.fetch!({ request: new Request(`http://localhost${url}`, { headers }), respondWith: (p: Promise<Response>) => p.then(resolve, reject) })
    })
  return { caches, store, get, post }
}

const html = (body: string) => new Response(body, { headers: { 'Content-Type': 'text/html; charset=utf-8' } })

describe('the offline service worker', () => {
  it('keeps a package’s pages with the scripts and styles they name, and answers from it only when the network fails', async () => {
    let online = true
    const served: Record<string, () => Response> = {
      '/students/offline/r1/lesson': () => html('<link rel="stylesheet" href="/assets/app-1.css"><script type="module" src="/assets/entry-2.js"></script><h1>课文</h1>'),
      '/library/files/f1': () => new Response(new Uint8Array(10).map((_, i) => i), { headers: { 'Content-Type': 'video/mp4' } }),
      '/assets/app-1.css': () => new Response('body{background:url("/assets/bg-3.png")}', { headers: { 'Content-Type': 'text/css' } }),
      '/assets/entry-2.js': () => new Response('export {}', { headers: { 'Content-Type': 'text/javascript' } }),
      '/assets/bg-3.png': () => new Response('png'),
      '/favicon.svg': () => new Response('<svg/>'),
      '/students/visits/offline': () => new Response('', { status: 302, headers: { Location: '/login' } }),
    }
    const worker = loadWorker(async (url) => {
      if (!online) throw new TypeError('Failed to fetch')
      const make = served[url]
      return make ? make() : new Response('not found', { status: 404 })
    })
    const answer = await worker.store('tongxing-offline-r1', ['/students/offline/r1/lesson', '/library/files/f1', '/students/visits/offline'])
    expect(answer.results.map((r) => [r.url, r.ok])).toEqual([
      ['/students/offline/r1/lesson', true],
      ['/library/files/f1', true],
      ['/students/visits/offline', false],
    ])
    expect(answer.results[1]!.size).toBe(10)
    const kept = await worker.caches.open('tongxing-offline-r1')
    expect([...kept.entries.keys()].sort()).toEqual(['/assets/app-1.css', '/assets/bg-3.png', '/assets/entry-2.js', '/favicon.svg', '/library/files/f1', '/students/offline/r1/lesson'])
    expect(await worker.caches.keys()).toEqual(['tongxing-offline-r1'])

    // Online: the network answers (a page changed since is seen at once).
    served['/students/offline/r1/lesson'] = () => html('<h1>新课文</h1>')
    expect(await (await worker.get('/students/offline/r1/lesson')).text()).toBe('<h1>新课文</h1>')
    // Offline: the kept copy; anything not kept fails as it would without the worker.
    online = false
    expect(await (await worker.get('/students/offline/r1/lesson')).text()).toContain('<h1>课文</h1>')
    await expect(worker.get('/signs')).rejects.toThrow('Failed to fetch')

    // Signing out removes every kept package; other posts pass by untouched.
    await worker.post('/students/visits/sync')
    expect(await worker.caches.keys()).toEqual(['tongxing-offline-r1'])
    await worker.post('/logout')
    expect(await worker.caches.keys()).toEqual([])
  })

  it('cuts a video’s byte ranges from the kept file', async () => {
    let online = true
    const worker = loadWorker(async () => {
      if (!online) throw new TypeError('Failed to fetch')
      return new Response(new Uint8Array(10).map((_, i) => i), { headers: { 'Content-Type': 'video/mp4' } })
    })
    await worker.store('tongxing-offline-r2', ['/library/files/f9'])
    online = false
    const part = await worker.get('/library/files/f9', { Range: 'bytes=2-5' })
    expect(part.status).toBe(206)
    expect(part.headers.get('Content-Range')).toBe('bytes 2-5/10')
    expect(part.headers.get('Content-Type')).toBe('video/mp4')
    expect([...new Uint8Array(await part.arrayBuffer())]).toEqual([2, 3, 4, 5])
    const open = await worker.get('/library/files/f9', { Range: 'bytes=7-' })
    expect([...new Uint8Array(await open.arrayBuffer())]).toEqual([7, 8, 9])
    const tail = await worker.get('/library/files/f9', { Range: 'bytes=-2' })
    expect(tail.headers.get('Content-Range')).toBe('bytes 8-9/10')
    expect((await worker.get('/library/files/f9', { Range: 'bytes=20-' })).status).toBe(416)
    expect((await worker.get('/library/files/f9')).status).toBe(200)
  })
})
