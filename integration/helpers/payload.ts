import { getPayload, type Payload } from 'payload'

import { startMailbox } from './mailbox'

/**
 * The one Payload instance the integration files share (vitest runs them in one worker without
 * isolation), connected to this run's fresh database, with the test mailbox listening.
 */
export async function testPayload(): Promise<Payload> {
  await startMailbox()
  const { default: config } = await import('../../payload.config')
  return getPayload({ config })
}
