import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'

import type { SiteSetting } from '../payload-types'
import { readSiteFile } from '../src/publish/staticFiles'
import { type Cast, act, articleIn, createCast } from './helpers/cast'
import { drainJobs, unique } from './helpers/fixtures'
import { testPayload } from './helpers/payload'

let payload: Payload
let cast: Cast
let before: SiteSetting

const page = (slug: string) => readSiteFile(inject('siteDir'), `articles/${slug}/index.html`)

async function setPolicy(publishPolicy: SiteSetting['publishPolicy']): Promise<void> {
  await payload.updateGlobal({
    slug: 'site-settings',
    data: { publishPolicy },
    overrideAccess: false,
    user: cast.people.editor,
  })
  await drainJobs(payload)
}

beforeAll(async () => {
  payload = await testPayload()
  cast = await createCast(payload)
  before = await payload.findGlobal({ slug: 'site-settings' })
  // Publishing needs a disclaimer.
  await payload.updateGlobal({
    slug: 'site-settings',
    data: { disclaimer: before.disclaimer || 'For healthcare professionals.' },
  })
  await drainJobs(payload)
})
afterAll(async () => {
  await payload.updateGlobal({
    slug: 'site-settings',
    data: { publishPolicy: before.publishPolicy },
  })
  await drainJobs(payload)
})

describe('unreviewed text under pending-with-banner', () => {
  it('is taken down once its author withdraws it, after the queued publish', async () => {
    await setPolicy('pending-with-banner')
    const marker = `UNREVIEWED-${unique()}`
    const article = await articleIn(payload, cast, 'submitted', {
      body: `${marker} [@${cast.citation.key}].`,
    })
    await drainJobs(payload)
    expect(await page(article.slug)).toContain(marker)

    expect((await act(cast.as.author, article.id, 'withdraw')).status).toBe(200)
    await drainJobs(payload)
    expect(await page(article.slug)).toBeUndefined()
  })

  it('is taken down when the editor switches back to approved-only', async () => {
    await setPolicy('pending-with-banner')
    const marker = `UNREVIEWED-${unique()}`
    const article = await articleIn(payload, cast, 'submitted', {
      body: `${marker} [@${cast.citation.key}].`,
    })
    await drainJobs(payload)
    expect(await page(article.slug)).toContain(marker)

    await setPolicy('approved-only')
    expect(await page(article.slug)).toBeUndefined()
  })
})
