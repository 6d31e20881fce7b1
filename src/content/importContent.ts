import { createLocalReq, type Payload } from 'payload'

import { renderOptions } from './renderOptions'
import {
  applyImport,
  type ApplyOptions,
  countPlan,
  IMPORT_CONTEXT,
  type ImportReport,
} from './applyImport'
import { candidateKeys, checkImport } from './checkImport'
import { type ImportPlan, planImport } from './importPlan'
import { type ContentBundle, ContentError } from './loadContentDir'
import { readExisting } from './readExisting'
import { SYSTEM_ACTOR } from '../workflow'

export { IMPORT_CONTEXT, type ImportCounts, type ImportReport } from './applyImport'

const lower = (email: string) => email.trim().toLowerCase()

/**
 * Imports a validated content folder into the CMS: people by email, references by key, articles
 * by slug, in four steps. Read what the database holds of what the folder names; run the Markdown
 * checks (in the render pool); plan every change without writing (`planImport`, where every name
 * is resolved and the workflow decides each article's state); then write the plan in one
 * transaction. Any problem throws a ContentError listing them all, file:line, before anything is
 * written. Importing the same folder twice changes nothing. With `dryRun`, stops after planning
 * and returns the plan.
 */
export async function importContent(
  payload: Payload,
  bundle: ContentBundle,
  {
    dryRun = false,
    now = new Date(),
    ...apply
  }: { dryRun?: boolean; now?: Date } & ApplyOptions = {},
): Promise<ImportReport & { plan: ImportPlan }> {
  const req = await createLocalReq({ context: { ...IMPORT_CONTEXT } }, payload)
  const emails = new Set(bundle.people.map((p) => lower(p.email)))
  const keys = new Set(bundle.references.map((r) => r.id))
  for (const article of bundle.articles) {
    article.frontMatter.authors.forEach((e) => emails.add(lower(e)))
    if (article.frontMatter.review) emails.add(lower(article.frontMatter.review.reviewer))
    for (const key of candidateKeys(article)) keys.add(key)
  }
  const existing = await readExisting(payload, req, {
    emails: [...emails],
    keys: [...keys],
    slugs: bundle.articles.map((a) => a.slug),
  })
  const stored = new Map([...existing.references].map(([key, ref]) => [key, ref.item]))
  const checks = await checkImport(bundle, stored, await renderOptions(req))
  const planned = planImport(bundle, existing, checks, { importer: SYSTEM_ACTOR, now })
  if (!planned.ok) throw new ContentError(planned.problems)
  const report = dryRun ? countPlan(planned.plan) : await applyImport(payload, planned.plan, apply)
  return { ...report, plan: planned.plan }
}
