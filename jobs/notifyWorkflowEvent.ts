import type { TaskConfig } from 'payload'

import { handlerPath } from './handlerPath'

/** What the task takes and gives back. */
export type NotifyWorkflowEventIO = {
  input: { eventId: string }
  output: { sent: number }
}

/**
 * Emails the people a workflow event concerns (see `workflowNotice`). Queued in the action's
 * transaction, so mail goes out only for actions that committed.
 */
export const notifyWorkflowEventTask: TaskConfig<NotifyWorkflowEventIO> = {
  slug: 'notifyWorkflowEvent',
  label: 'Notify about a review event',
  retries: 3,
  inputSchema: [{ name: 'eventId', type: 'text', required: true }],
  outputSchema: [{ name: 'sent', type: 'number', required: true }],
  // A module path, imported by the job worker: the web server never bundles publishing code.
  handler: handlerPath('notifyWorkflowEvent', 'notifyWorkflowEventHandler'),
}
