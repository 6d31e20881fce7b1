import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'

import type { SiteSetting } from '../payload-types'
import { readSiteFile } from '../src/publish/staticFiles'
import { createUser, drainJobs, unique } from './helpers/fixtures'
import { testPayload } from './helpers/payload'

let payload: Payload
let before: SiteSetting

beforeAll(async () => {
  payload = await testPayload()
  before = await payload.findGlobal({ slug: 'site-settings' })
})
afterAll(async () => {
  await payload.updateGlobal({
    slug: 'site-settings',
    data: {
      disclaimer: before.disclaimer ?? null,
      editorialPolicy: before.editorialPolicy ?? null,
    },
  })
  await drainJobs(payload)
})

describe('saving the site settings', () => {
  it('republishes the site, and records who changed what', async () => {
    const editor = await createUser(payload, ['editor'])
    const marker = `Policy revision ${unique()}`
    await drainJobs(payload)
    await payload.updateGlobal({
      slug: 'site-settings',
      data: {
        disclaimer: before.disclaimer || 'For healthcare professionals.',
        editorialPolicy: `# Editorial policy\n\n${marker}.`,
      },
      overrideAccess: false,
      user: editor,
    })
    const queued = await payload.find({
      collection: 'payload-jobs',
      where: { taskSlug: { equals: 'publishSite' } },
      depth: 0,
    })
    expect(queued.docs.map((job) => job.input)).toContainEqual({ reason: 'site settings changed' })

    await drainJobs(payload)
    const policy = await readSiteFile(inject('siteDir'), 'editorial-policy/index.html')
    expect(policy).toContain(marker)

    const versions = await payload.findGlobalVersions({
      slug: 'site-settings',
      sort: '-updatedAt',
      limit: 1,
      depth: 0,
    })
    expect(versions.docs[0]!.version).toMatchObject({
      editorialPolicy: `# Editorial policy\n\n${marker}.`,
      updatedBy: editor.id,
    })
  })

  it('queues one publish for a burst of changes: the waiting one will read them all', async () => {
    const editor = await createUser(payload, ['editor'])
    await drainJobs(payload)
    const waiting = () =>
      payload.count({
        collection: 'payload-jobs',
        where: {
          and: [{ taskSlug: { equals: 'publishSite' } }, { completedAt: { exists: false } }],
        },
      })
    for (const name of ['Medical Answers', 'Medical Answers (2)', 'Medical Answers']) {
      await payload.updateGlobal({
        slug: 'site-settings',
        data: { siteName: name },
        overrideAccess: false,
        user: editor,
      })
    }
    expect((await waiting()).totalDocs).toBe(1)
    await drainJobs(payload)
    expect((await waiting()).totalDocs).toBe(0)
  })

  it('is refused to someone who is not staff, and then nothing is queued', async () => {
    const author = await createUser(payload, ['author'])
    await drainJobs(payload)
    await expect(
      payload.updateGlobal({
        slug: 'site-settings',
        data: { siteName: 'Taken over' },
        overrideAccess: false,
        user: author,
      }),
    ).rejects.toThrow()
    const queued = await payload.count({ collection: 'payload-jobs' })
    expect(queued.totalDocs).toBe(0)
  })
})
