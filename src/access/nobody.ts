import type { Access, FieldAccess } from 'payload'

/**
 * No API caller may do this. Server code that must (the workflow writing its audit events) uses the
 * Local API with `overrideAccess: true` after making its own checks.
 */
export const nobody: Access = () => false

/** Field access: the field is written only by server code (the workflow), never through an API. */
export const nobodyField: FieldAccess = () => false
