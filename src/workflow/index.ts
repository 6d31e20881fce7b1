/**
 * The review workflow: a pure state machine over typed facts. No Payload, no I/O; the collection
 * hooks, endpoints and admin components call into it and store what it decides.
 */
export * from './model'
export * from './roles'
export * from './dates'
export * from './machine'
export * from './tracker'
export * from './contentHash'
export * from './approval'
export * from './retention'
export * from './previewLinks'
export * from './changes'
