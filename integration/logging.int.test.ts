import { GraphQLError } from 'graphql'
import { logError, type Payload } from 'payload'
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest'

import type { Article, Citation, User } from '../payload-types'
import { logEmailAdapter } from '../src/config/logEmail'
import { logGraphQLError } from '../src/config/logging'
import { createCitation, createUser, PASSWORD, unique } from './helpers/fixtures'
import { testPayload } from './helpers/payload'
import { approveThroughWorkflow, RestClient } from './helpers/rest'

let payload: Payload
let author: User
let reviewer: User
let citation: Citation

beforeAll(async () => {
  payload = await testPayload()
  ;[author, reviewer] = await Promise.all([
    createUser(payload, ['author']),
    createUser(payload, ['reviewer']),
  ])
  citation = await createCitation(payload)
  await payload.updateGlobal({ slug: 'site-settings', data: { disclaimer: 'For professionals.' } })
})

afterEach(() => {
  vi.restoreAllMocks()
})

/** Watches the real logger (every call still goes through) and returns what reached each level. */
function watchLog() {
  const error = vi.spyOn(payload.logger, 'error')
  const info = vi.spyOn(payload.logger, 'info')
  const text = (calls: unknown[][]) => calls.map((c) => JSON.stringify(c[0]))
  return { errors: () => text(error.mock.calls), infos: () => text(info.mock.calls) }
}

describe('the log', () => {
  it('a short sitting (sign in, refused actions, approve) leaves no ERROR line', async () => {
    const log = watchLog()
    const wrong = await new RestClient().post('/users/login', {
      email: author.email,
      password: 'not-the-password',
    })
    expect(wrong.status).toBe(401)
    const asAuthor = await RestClient.login(author.email, PASSWORD)
    const asReviewer = await RestClient.login(reviewer.email, PASSWORD)

    const created = await asAuthor.post('/articles?draft=true', {
      title: `Is logging question ${unique()} answered?`,
      summary: 'A short answer.',
      body: `## Answer\n\nYes [@${citation.key}].`,
      authors: [author.id],
      citations: [citation.id],
    })
    expect(created.status).toBe(201)
    const id = (created.body.doc as Article).id

    // Refusals of every kind: not found, not allowed, invalid, refused by the workflow.
    expect((await asAuthor.get('/articles/999999?draft=true')).status).toBe(404)
    expect((await asReviewer.patch(`/articles/${id}?draft=true`, { summary: 'x' })).status).toBe(
      403,
    )
    expect(
      (await asAuthor.patch(`/articles/${id}?draft=true`, { slug: 'Not A Slug' })).status,
    ).toBe(400)
    expect((await asAuthor.post(`/articles/${id}/workflow`, { action: 'approve' })).status).toBe(
      403,
    )
    const gql = await new RestClient().graphql(`{ Article(id: ${id}, draft: true) { id } }`)
    expect(gql.body.errors?.length).toBeGreaterThan(0)

    await approveThroughWorkflow(id, asAuthor, asReviewer)

    expect(log.errors()).toEqual([])
    // The refusals are still there, as information.
    expect(log.infos().join('\n')).toContain('Not Found')
  })

  it('real errors still log as errors, with their stack, through REST and GraphQL', async () => {
    const log = watchLog()
    const fault = new TypeError('cannot read properties of undefined')
    logError({ err: fault, payload })
    const req = { payload } as Parameters<typeof logGraphQLError>[0]['req']
    const wrapped = new GraphQLError(fault.message, { originalError: fault })
    await logGraphQLError({ error: wrapped, graphqlResult: wrapped.toJSON(), req, context: {} })
    const refusal = new GraphQLError('Not Found', {
      originalError: Object.assign(new Error('Not Found'), { name: 'NotFound' }),
    })
    await logGraphQLError({ error: refusal, graphqlResult: refusal.toJSON(), req, context: {} })

    const errors = vi.mocked(payload.logger.error).mock.calls.map((c) => c[0] as { err: Error })
    expect(errors).toHaveLength(2)
    for (const { err } of errors) {
      expect(err).toBe(fault)
      expect(err.stack).toContain('logging.int.test.ts')
    }
    expect(log.infos().join('\n')).toContain('Not Found')
  })

  it('writes mail without SMTP whole: to, subject and body', async () => {
    const log = watchLog()
    const adapter = logEmailAdapter({ address: 'no-reply@localhost', name: 'Platform' })({
      payload,
    })
    await adapter.sendEmail({
      to: [{ name: 'Reviewer', address: 'reviewer@example.org' }, 'editor@example.org'],
      subject: 'Review requested: a question',
      text: 'Open it to start the review: http://localhost/admin/collections/articles/1',
    })
    await adapter.sendEmail({
      to: 'author@example.org',
      subject: 'Reset your password',
      html: '<p>Reset it here: <a href="/admin/reset/x">/admin/reset/x</a></p>',
    })
    const [first, second] = log.infos().map((line) => JSON.parse(line) as string)
    expect(first).toContain('To: reviewer@example.org, editor@example.org')
    expect(first).toContain('Subject: Review requested: a question')
    expect(first).toContain(
      '  Open it to start the review: http://localhost/admin/collections/articles/1',
    )
    expect(second).toContain('Reset it here: /admin/reset/x')
    expect(second).not.toContain('<p>')
  })
})
