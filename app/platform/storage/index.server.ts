import { createLocalStore, type LocalStoreOptions } from './local.server'
import type { ObjectStore } from './object-store'
import { createS3Store, type S3StoreOptions } from './s3.server'

export type { ByteRange, ObjectStore, StoredObject } from './object-store'
export { InvalidObjectKeyError, RangeNotSatisfiableError } from './object-store'
export type { LocalStoreOptions } from './local.server'
export type { S3StoreOptions } from './s3.server'

/**
 * Which store to use, as the config module hands it over (already validated; nothing here reads
 * the environment): local disk for the embedded default, S3-compatible when scaled.
 */
export type ObjectStoreConfig = ({ kind: 'local' } & LocalStoreOptions) | ({ kind: 's3' } & S3StoreOptions)

export function createObjectStore(config: ObjectStoreConfig): ObjectStore {
  switch (config.kind) {
    case 'local': {
      const { kind: _kind, ...options } = config
      return createLocalStore(options)
    }
    case 's3': {
      const { kind: _kind, ...options } = config
      return createS3Store(options)
    }
    default: {
      const unknown: never = config
      throw new Error(`Unknown object store kind: ${JSON.stringify((unknown as { kind?: unknown }).kind)}`)
    }
  }
}
