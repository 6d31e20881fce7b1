import type { Endpoint } from 'payload'

import { performAction, WorkflowRefusal, workflowRequestSchema } from '../workflow/performAction'
import { workflowStatus } from '../workflow/status'
import { readBody, refusal } from './respond'

/**
 * `POST /api/articles/:id/workflow` with `{ action, comment?, assigneeId?, expectedState?,
 * expectedHash? }`: the one way to move an article through review. 200 with the new state and
 * the audit event; 400/401/403/409/422 with the reason (and, for submit, the content problems).
 */
export const workflowEndpoint: Endpoint = {
  path: '/:id/workflow',
  method: 'post',
  handler: async (req) => {
    const body = await readBody(req, workflowRequestSchema, '{ "action": "submit" | … }')
    if (!body.ok) return body.response
    try {
      const result = await performAction(req, String(req.routeParams?.id), body.data)
      return Response.json(result)
    } catch (error) {
      if (error instanceof WorkflowRefusal) {
        return refusal(error.status, error.message, { ...error.data })
      }
      throw error
    }
  },
}

/**
 * `GET /api/articles/:id/workflow`: where the article stands for the signed-in person: state,
 * tracker, the actions they may take (and why others are unavailable), content problems, whether
 * the published revision still matches its approval, and the review history.
 */
export const workflowStatusEndpoint: Endpoint = {
  path: '/:id/workflow',
  method: 'get',
  handler: async (req) => {
    if (!req.user) return refusal(401, 'Sign in to see the review status of an article')
    const status = await workflowStatus(req, String(req.routeParams?.id))
    if (!status) return refusal(404, `There is no article ${req.routeParams?.id} that you can see`)
    return Response.json(status)
  },
}
