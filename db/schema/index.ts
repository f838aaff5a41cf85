export * from './accounts'
export * from './library'
export * from './media'
export * from './search'
