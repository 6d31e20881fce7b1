import type { Endpoint } from 'payload'

import { budgetProblem } from '../../../src/render'
import { CHANGES_SINCE, type ChangesSince } from '../../../src/workflow'
import { articleChanges } from '../workflow/changes'
import { refusal } from './respond'

/**
 * `GET /api/articles/:id/changes?since=approval|round`: how the latest revision differs from the
 * one at the last approval (the default) or at the start of the last review round, with which
 * revisions were compared (state, who, when): the Markdown by line and word, the text readers see,
 * and the cited references field by field, for every audience version. For whoever may read the
 * article's revisions; 401 when signed out, 404 for an article they cannot read the revisions of,
 * 422 when the texts cannot be compared within the render budget.
 */
export const changesEndpoint: Endpoint = {
  path: '/:id/changes',
  method: 'get',
  handler: async (req) => {
    if (!req.user) return refusal(401, 'Sign in to see the changes of an article')
    const since = (req.query?.since ?? 'approval') as ChangesSince
    if (!CHANGES_SINCE.includes(since)) {
      return refusal(400, `since must be one of ${CHANGES_SINCE.join(', ')}`, {
        code: 'invalid_input',
        param: 'since',
      })
    }
    const id = String(req.routeParams?.id)
    try {
      const changes = await articleChanges(req, id, since)
      if (!changes) return refusal(404, `There is no article ${id} whose revisions you can read`)
      return Response.json(changes)
    } catch (error) {
      const problem = budgetProblem(error)
      if (!problem) throw error
      return refusal(422, problem.message, { code: 'render_budget' })
    }
  },
}
