import type { Payload } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'

import type { User } from '../payload-types'
import { QUESTION_LIMITS } from '../src/site/questions'
import { createArticle, createCitation, createUser, PASSWORD, unique } from './helpers/fixtures'
import { testPayload } from './helpers/payload'
import { RestClient } from './helpers/rest'

let payload: Payload
let author: User
let asEditor: RestClient
let asAuthor: RestClient
const anonymous = new RestClient()

/** A reader's POST from the article page, from the address `from`. */
const ask = (body: unknown, from = `198.51.100.${Math.floor(Math.random() * 250)}`) =>
  anonymous.request('POST', '/questions/ask', body, { 'x-forwarded-for': from })

const stored = async (question: string) =>
  (
    await payload.find({
      collection: 'questions',
      where: { question: { equals: question } },
      depth: 0,
    })
  ).docs

beforeAll(async () => {
  payload = await testPayload()
  const editor = await createUser(payload, ['editor'])
  author = await createUser(payload, ['author'])
  asEditor = await RestClient.login(editor.email, PASSWORD)
  asAuthor = await RestClient.login(author.email, PASSWORD)
})

describe('reader questions', () => {
  it('are stored for the editors without an account, linked to the article', async () => {
    const article = await createArticle(payload, author, await createCitation(payload))
    const question = `Should ALP be measured again after treatment (${unique()})?`
    const res = await ask({ question, email: 'reader@example.net', article: article.slug })
    expect(res.status, JSON.stringify(res.body)).toBe(201)
    expect(res.body.message).toContain('Thank you')

    const list = await asEditor.get(
      `/questions?where[question][equals]=${encodeURIComponent(question)}`,
    )
    expect(list.body.docs).toHaveLength(1)
    expect(list.body.docs[0]).toMatchObject({
      question,
      email: 'reader@example.net',
      status: 'new',
      article: { id: article.id },
    })
    // Only editors read them; nobody creates one past the endpoint.
    for (const client of [anonymous, asAuthor]) {
      const seen = await client.get(
        `/questions?where[question][equals]=${encodeURIComponent(question)}`,
      )
      expect(seen.body.docs ?? []).toEqual([])
    }
    const direct = await anonymous.post('/questions', {
      question: 'Straight into the API?',
      status: 'new',
    })
    expect(direct.status).toBe(403)
  })

  it('refuses what is empty or too long, and quietly drops what a robot fills in', async () => {
    expect((await ask({ question: '' })).status).toBe(400)
    const long = await ask({ question: 'x'.repeat(QUESTION_LIMITS.questionMax + 1) })
    expect(long.status).toBe(400)
    expect(long.body.errors[0].message).toContain('2000 characters')
    const huge = await ask({ question: 'Is this long? '.repeat(1000) })
    expect(huge.status).toBe(413)
    expect((await ask({ question: 'not json' } as unknown as string)).status).toBe(400)

    const spam = `Cheap pills online, buy now ${unique()}`
    const trapped = await ask({ question: spam, website: 'http://spam.example' })
    expect(trapped.status).toBe(201)
    expect(await stored(spam)).toEqual([])
  })

  it('are rate-limited per sender', async () => {
    const from = '203.0.113.7'
    const statuses: number[] = []
    for (let i = 0; i < 7; i++) {
      statuses.push(
        (await ask({ question: `Question number ${i} from one place ${unique()}` }, from)).status,
      )
    }
    expect(statuses).toEqual([201, 201, 201, 201, 201, 429, 429])
    // Someone else is not held up by it.
    expect((await ask({ question: `A question from elsewhere ${unique()}` })).status).toBe(201)
  })
})
