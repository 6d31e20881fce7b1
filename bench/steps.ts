/**
 * The benchmark's steps that act on its database as people and the job worker would, run as a
 * child process by bench/run.ts (DATABASE_URL, SITE_DIR and SITE_URL come from its environment):
 *
 * - `clear-renders`: forgets every kept rendering, so the next publish renders all Markdown;
 * - `approve SLUG [--publish]`: the article's author edits it, submits it, its reviewer starts a
 *   review and approves, through the workflow; with `--publish`, a warm job worker (one publish
 *   run beforehand, as a running worker has) then runs the queued publish. Prints one JSON line:
 *   how long from the approval's commit to the new build being live, and what was made.
 */
import { createLocalReq, type Payload } from 'payload'

import { performAction } from '../collections/Articles/workflow/performAction'
import { closeAndExit, openPayload } from '../scripts/lib/openPayload'
import { changedFiles, currentBuild } from '../src/publish/build'
import { publishConfiguredSite } from '../src/publish/configured'
import { siteDir, readEnv } from '../src/config/env'
import { renderPool } from '../src/render'

const [step, slug, flag] = process.argv.slice(2)
const payload = await openPayload()

async function asUser(p: Payload, id: string | number) {
  const user = await p.findByID({ collection: 'users', id, depth: 0 })
  return createLocalReq({ user: { ...user, collection: 'users' } }, p)
}

if (step === 'clear-renders') {
  await payload.db.deleteMany({ collection: 'article-renders', where: {} })
  console.log(JSON.stringify({ cleared: true }))
} else if (step === 'approve' && slug) {
  const publish = flag === '--publish'
  // A running server has published before, and warmed its render pool when it started
  // (payload.config.ts): its pool, modules and renderer version are warm.
  if (publish) await Promise.all([renderPool().warm(), publishConfiguredSite(payload)])
  const { docs } = await payload.find({
    collection: 'articles',
    where: { slug: { equals: slug } },
    depth: 0,
    limit: 1,
  })
  const article = docs[0]
  if (!article) throw new Error(`no article ${slug}`)
  const authorId = (article.authors as (string | number)[])[0]!
  const reviewerId = article.approval?.approvedBy as string | number
  const author = await asUser(payload, authorId)
  await payload.update({
    collection: 'articles',
    id: article.id,
    data: { body: `${article.body}\n\nOne more sentence, approved again (${Date.now()}).\n` },
    draft: true,
    req: author,
    overrideAccess: false,
  })
  await performAction(author, article.id, { action: 'submit' })
  const reviewer = await asUser(payload, reviewerId)
  await performAction(reviewer, article.id, { action: 'start_review' })
  // The live build before, for the report (not part of the time measured).
  const before = await currentBuild(siteDir(readEnv()))
  await performAction(reviewer, article.id, { action: 'approve' })
  const approved = performance.now()
  let result: Record<string, unknown> = {}
  if (publish) {
    const run = await payload.jobs.run({
      queue: 'default',
      where: { taskSlug: { equals: 'publishSite' } },
      sequential: true,
    })
    const live = performance.now()
    const after = await currentBuild(siteDir(readEnv()))
    result = {
      approvalToLiveMs: live - approved,
      newBuild: after?.manifest.buildId !== before?.manifest.buildId,
      jobs: Object.keys(run.jobStatus ?? {}).length,
      // Files of the live build that are new, changed or gone.
      filesChanged: (await changedFiles(before, after)).length,
    }
  }
  console.log(JSON.stringify({ approved: slug, ...result }))
} else {
  console.error('usage: tsx bench/steps.ts clear-renders | approve SLUG [--publish]')
  await closeAndExit(payload, 2)
}
await closeAndExit(payload, 0)
