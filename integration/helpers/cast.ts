import type { Payload } from 'payload'
import { expect } from 'vitest'

import type { Article, Citation, User } from '../../payload-types'
import type { Role, WorkflowAction, WorkflowState } from '../../src/workflow'
import { createCitation, createUser, PASSWORD, unique } from './fixtures'
import { RestClient } from './rest'

/** The people a security test needs, each with a signed-in REST client. */
export const CAST = {
  author: ['author'],
  coAuthor: ['author'],
  reviewer: ['reviewer'],
  otherReviewer: ['reviewer'],
  editor: ['editor'],
  admin: ['admin'],
} as const satisfies Record<string, Role[]>

export type CastMember = keyof typeof CAST

export interface Cast {
  people: Record<CastMember, User>
  as: Record<CastMember | 'anonymous', RestClient>
  citation: Citation
}

export async function createCast(payload: Payload): Promise<Cast> {
  const people = {} as Record<CastMember, User>
  const as = { anonymous: new RestClient() } as Cast['as']
  for (const [name, roles] of Object.entries(CAST) as [CastMember, Role[]][]) {
    people[name] = await createUser(payload, roles, `Dr ${name} ${unique()}`)
    as[name] = await RestClient.login(people[name].email, PASSWORD)
  }
  const citation = await createCitation(payload, { title: 'A reference for security tests' })
  return { people, as, citation }
}

export const act = (
  client: RestClient,
  id: Article['id'],
  action: WorkflowAction,
  extra: object = {},
) => client.post(`/articles/${id}/workflow`, { action, ...extra })

/**
 * A fresh article by `author` and `coAuthor`, moved to `state` the normal way (the author
 * submits, `reviewer` starts the review and decides), read back from the database.
 */
export async function articleIn(
  payload: Payload,
  cast: Cast,
  state: WorkflowState,
  data: Record<string, unknown> = {},
): Promise<Article> {
  const res = await cast.as.author.post('/articles?draft=true', {
    title: `Is security question ${unique()} answered?`,
    summary: 'A short answer.',
    body: `Yes, it is [@${cast.citation.key}].`,
    authors: [cast.people.author.id, cast.people.coAuthor.id],
    citations: [cast.citation.id],
    ...data,
  })
  expect(res.status, JSON.stringify(res.body)).toBe(201)
  const id = res.body.doc.id as Article['id']
  const steps: Record<WorkflowState, [CastMember, WorkflowAction, object?][]> = {
    draft: [],
    submitted: [['author', 'submit']],
    under_review: [
      ['author', 'submit'],
      ['reviewer', 'start_review'],
    ],
    changes_requested: [
      ['author', 'submit'],
      ['reviewer', 'start_review'],
      ['reviewer', 'request_changes', { comment: 'Cite the newer trial.' }],
    ],
    approved: [
      ['author', 'submit'],
      ['reviewer', 'start_review'],
      ['reviewer', 'approve'],
    ],
  }
  for (const [who, action, extra] of steps[state]) {
    const step = await act(cast.as[who], id, action, extra)
    expect(step.status, `${action}: ${JSON.stringify(step.body)}`).toBe(200)
  }
  return payload.findByID({ collection: 'articles', id, draft: true, depth: 0 })
}
