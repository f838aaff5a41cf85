import { hash, verify } from '@node-rs/argon2'

export const minPasswordLength = 10

// OWASP's argon2id baseline: 19 MiB, 2 iterations, 1 lane.
const options = { algorithm: 2 /* Algorithm.Argon2id: a const enum, which isolatedModules cannot import */, memoryCost: 19456, timeCost: 2, parallelism: 1 }

export const hashPassword = (password: string) => hash(password, options)

export async function verifyPassword(passwordHash: string, password: string) {
  try {
    return await verify(passwordHash, password)
  } catch {
    return false
  }
}

let dummy: Promise<string> | undefined
/** Verifying against this when the login is unknown keeps the answer time the same either way. */
export const dummyHash = () => (dummy ??= hashPassword('not-a-real-password-for-timing'))
