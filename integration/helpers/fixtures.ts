import { randomBytes } from 'node:crypto'

import type { Payload } from 'payload'

import type { Article, Citation, User } from '../../payload-types'
import type { Role } from '../../src/workflow'

export const PASSWORD = 'integration-Test-password-1'

/** A suffix that keeps this run's emails, keys and slugs apart from every other test's. */
export const unique = () => `${Date.now().toString(36)}${randomBytes(3).toString('hex')}`

/** A user with these roles and a known password. */
export async function createUser(payload: Payload, roles: Role[], name?: string): Promise<User> {
  const id = unique()
  return payload.create({
    collection: 'users',
    data: {
      email: `${roles.join('-') || 'nobody'}-${id}@test.example`,
      password: PASSWORD,
      name: name ?? `Test ${roles.join(' ')} ${id}`,
      roles,
    },
  })
}

/**
 * A citation with a fresh key, verified (a reviewer checked it: approval requires it on a new
 * site) unless `data` says `verified: false`.
 */
export async function createCitation(
  payload: Payload,
  data: Partial<Citation> = {},
): Promise<Citation> {
  return payload.create({
    collection: 'citations',
    data: {
      key: `ref-${unique()}`,
      type: 'article-journal',
      title: 'A test reference',
      verified: true,
      ...data,
    },
  })
}

/** A draft article by `author` citing `citation`. */
export async function createArticle(
  payload: Payload,
  author: User,
  citation: Citation,
  data: Partial<Article> = {},
): Promise<Article> {
  const id = unique()
  return payload.create({
    collection: 'articles',
    draft: true,
    data: {
      title: `Does test question ${id} have an answer?`,
      body: `Yes, it does [@${citation.key}].`,
      authors: [author.id],
      citations: [citation.id],
      ...data,
    },
  })
}

/** Runs queued jobs until none are left (each run takes a batch). */
export async function drainJobs(payload: Payload): Promise<void> {
  for (let round = 0; round < 100; round++) {
    const result = await payload.jobs.run({ queue: 'default', limit: 50, sequential: true })
    if (result.noJobsRemaining || Object.keys(result.jobStatus ?? {}).length === 0) return
  }
  throw new Error('jobs kept coming after 100 rounds')
}
