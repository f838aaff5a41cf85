/**
 * Home-visit records kept on the device while there is no network (IndexedDB), sent when it
 * returns. Each record carries a client key, so the server stores it once however often it is sent.
 */
export interface PendingVisit {
  clientKey: string
  /** The teacher who wrote it: a shared tablet sends only the signed-in teacher's records. */
  userId: string
  studentId: string
  studentName: string
  visitedOn: string
  durationMinutes: string
  taught: string
  notes: string
  lessons: string[]
  savedAt: string
  /** Set when the server refused it (e.g. consent withdrawn meanwhile); kept until the teacher discards it. */
  rejected?: { key: string; params?: Record<string, string | number> }
}

const dbName = 'tongxing-visits'
const store = 'pending'

function open(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(dbName, 1)
    request.onupgradeneeded = () => request.result.createObjectStore(store, { keyPath: 'clientKey' })
    request.onsuccess = () => resolve(request.result)
    request.onerror = () => reject(request.error)
  })
}

async function run<T>(mode: IDBTransactionMode, work: (s: IDBObjectStore) => IDBRequest<T>): Promise<T> {
  const db = await open()
  try {
    return await new Promise<T>((resolve, reject) => {
      const tx = db.transaction(store, mode)
      const request = work(tx.objectStore(store))
      tx.oncomplete = () => resolve(request.result)
      tx.onerror = () => reject(tx.error)
      tx.onabort = () => reject(tx.error)
    })
  } finally {
    db.close()
  }
}

export const savePending = (visit: PendingVisit) => run('readwrite', (s) => s.put(visit))
export const removePending = (clientKey: string) => run('readwrite', (s) => s.delete(clientKey))
export async function listPending(userId: string): Promise<PendingVisit[]> {
  const all = await run<PendingVisit[]>('readonly', (s) => s.getAll() as IDBRequest<PendingVisit[]>)
  return all.filter((v) => v.userId === userId).sort((a, b) => a.savedAt.localeCompare(b.savedAt))
}

type Message = { key: string; params?: Record<string, string | number> }
/** stored; rejected (the record itself is refused); offline; or later (signed out, or the form's token expired: sent again once that is fixed). */
export type SendOutcome = { kind: 'stored' } | { kind: 'rejected'; message: Message } | { kind: 'offline' } | { kind: 'later'; message: Message }

/** Sends one record to the server: stored (or already stored), refused, or no network. */
export async function sendVisit(visit: PendingVisit, csrf: string): Promise<SendOutcome> {
  const body = new FormData()
  body.set('csrf', csrf)
  body.set('clientKey', visit.clientKey)
  body.set('studentId', visit.studentId)
  body.set('visitedOn', visit.visitedOn)
  body.set('durationMinutes', visit.durationMinutes)
  body.set('taught', visit.taught)
  body.set('notes', visit.notes)
  for (const lesson of visit.lessons) body.append('lessons', lesson)
  let response: Response
  try {
    response = await fetch('/students/visits/sync', { method: 'POST', body, credentials: 'same-origin', headers: { Accept: 'application/json' } })
  } catch {
    return { kind: 'offline' }
  }
  if (response.status >= 500) return { kind: 'offline' }
  const payload = (await response.json().catch(() => null)) as { ok?: boolean; error?: { message?: { key: string; params?: Record<string, string | number> } } } | null
  // Only the server's own "stored" counts: a sign-in page after an expired session is not one.
  if (response.ok && payload?.ok === true) return { kind: 'stored' }
  const message = payload?.error?.message ?? { key: 'errors.badRequest' }
  // Not the record's fault: keep it waiting rather than mark it refused.
  if (response.redirected || !payload || response.status === 401) return { kind: 'later', message: { key: 'errors.unauthorized' } }
  if (response.status === 403 && message.key === 'errors.csrf') return { kind: 'later', message }
  return { kind: 'rejected', message }
}

/** Sends every waiting record of the user; returns how many were stored now. Stops at the first network (or sign-in) failure. */
export async function flushPending(userId: string, csrf: string): Promise<{ stored: number; offline: boolean; later?: Message }> {
  let stored = 0
  for (const visit of await listPending(userId)) {
    if (visit.rejected) continue
    const outcome = await sendVisit(visit, csrf)
    if (outcome.kind === 'offline') return { stored, offline: true }
    if (outcome.kind === 'later') return { stored, offline: false, later: outcome.message }
    if (outcome.kind === 'stored') {
      await removePending(visit.clientKey)
      stored++
    } else {
      await savePending({ ...visit, rejected: outcome.message })
    }
  }
  return { stored, offline: false }
}
