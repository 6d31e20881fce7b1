import type * as GraphQLLib from 'graphql'
import type { PayloadRequest } from 'payload'

import { performAction, WorkflowRefusal, workflowRequestSchema } from '../workflow/performAction'

/**
 * `articleWorkflow(id, action, comment, assigneeId, expectedState, expectedHash)`: the workflow
 * endpoint as a GraphQL mutation, through the same code path. Refusals are GraphQL errors whose
 * `extensions` carry the HTTP status (`statusCode`) and `data` (the refusal code and any content
 * problems).
 */
export function workflowMutation(GraphQL: typeof GraphQLLib) {
  const result = new GraphQL.GraphQLObjectType({
    name: 'ArticleWorkflowResult',
    fields: {
      id: { type: new GraphQL.GraphQLNonNull(GraphQL.GraphQLString) },
      state: { type: new GraphQL.GraphQLNonNull(GraphQL.GraphQLString) },
      status: { type: GraphQL.GraphQLString },
      eventId: { type: new GraphQL.GraphQLNonNull(GraphQL.GraphQLString) },
    },
  })
  return {
    articleWorkflow: {
      type: result,
      args: {
        id: { type: new GraphQL.GraphQLNonNull(GraphQL.GraphQLString) },
        action: { type: new GraphQL.GraphQLNonNull(GraphQL.GraphQLString) },
        comment: { type: GraphQL.GraphQLString },
        assigneeId: { type: GraphQL.GraphQLString },
        expectedState: { type: GraphQL.GraphQLString },
        expectedHash: { type: GraphQL.GraphQLString },
      },
      resolve: async (
        _source: unknown,
        args: Record<string, unknown>,
        context: { req: PayloadRequest },
      ) => {
        const { id, ...rest } = args
        const input = Object.fromEntries(
          Object.entries(rest).filter(([, v]) => v !== null && v !== undefined),
        )
        const parsed = workflowRequestSchema.safeParse(input)
        if (!parsed.success) {
          const issues = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`)
          throw new WorkflowRefusal(
            'invalid_input',
            'unknown_action',
            `Invalid workflow request: ${issues.join('; ')}`,
          )
        }
        // A WorkflowRefusal carries `status` and `data`: Payload's GraphQL handler reports them
        // as extensions.statusCode and extensions.data.
        const done = await performAction(context.req, String(id), parsed.data)
        return {
          id: String(done.article.id),
          state: done.article.state,
          status: done.article._status,
          eventId: String(done.event.id),
        }
      },
    },
  }
}
