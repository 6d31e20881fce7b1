import type { AfterErrorHook, Config } from 'payload'

/**
 * Errors that are a refusal of one request (not signed in, not allowed, not found, invalid,
 * locked, refused by the workflow): information for the operator, never an ERROR with a stack.
 * Payload looks the level up by `err.name`; everything not named here stays an error.
 */
export const ROUTINE_REFUSALS = [
  'AuthenticationError',
  'Forbidden',
  'Locked',
  'LockedAuth',
  'MissingFile',
  'NotFound',
  'QueryError',
  'UnauthorizedError',
  'UnverifiedEmail',
  'ValidationError',
  'WorkflowRefusal',
] as const

/** True for a routine refusal (by name, as Payload decides): see ROUTINE_REFUSALS. */
export function isRoutineRefusal(error: unknown): boolean {
  const name = (error as { name?: unknown } | null)?.name
  return typeof name === 'string' && (ROUTINE_REFUSALS as readonly string[]).includes(name)
}

/**
 * Payload's `loggingLevels`: routine refusals at info. GraphQL wraps every error in a
 * GraphQLError, so that name says nothing: its wrapper is silenced here and `logGraphQLError`
 * logs what it wraps.
 */
export const loggingLevels = {
  ...Object.fromEntries(ROUTINE_REFUSALS.map((name) => [name, 'info'])),
  GraphQLError: false,
} as Config['loggingLevels']

/** Logs a GraphQL error by the error it wraps: a refusal as info, anything else with its stack. */
export const logGraphQLError: AfterErrorHook = ({ error, graphqlResult, req }) => {
  if (!graphqlResult) return
  const original = (error as Error & { originalError?: Error }).originalError ?? error
  if (isRoutineRefusal(original)) req.payload.logger.info({ msg: original.message })
  else req.payload.logger.error({ err: original })
}
