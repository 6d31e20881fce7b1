import path from 'node:path'

import { describe, expect, it } from 'vitest'

import { createMarkdownProcessor, examineArticle } from '../markdown'
import { canonicalReference } from '../references'
import { contentHash, type Actor } from '../workflow'
import { variantField } from './articleChecks'
import { type ArticleCheck, type ExistingContent, planImport } from './importPlan'
import { type ContentBundle, loadContentDir } from './loadContentDir'
import { formatProblem } from './problems'

const SEED = path.resolve('content')
const importer: Actor = { id: 'system', roles: ['editor'] }
const now = new Date('2026-03-01T00:00:00Z')
const markdown = createMarkdownProcessor()
const nothing: ExistingContent = {
  users: new Map(),
  references: new Map(),
  articles: new Map(),
  settings: {},
}

/** The checks the render pool would run, run here (the same pure function). */
function checksOf(bundle: ContentBundle): Map<string, ArticleCheck> {
  const references = bundle.references.map(canonicalReference)
  return new Map(
    bundle.articles.map((a) => [
      a.file,
      examineArticle(
        {
          title: a.frontMatter.title,
          body: a.body,
          references,
          variants: (a.frontMatter.variants ?? []).map((v) => ({
            field: variantField(v.audience),
            body: v.body,
          })),
        },
        markdown,
        { candidates: true },
      ),
    ]),
  )
}

async function seedWith(edit: (bundle: ContentBundle) => void = () => {}) {
  const bundle = await loadContentDir(SEED)
  edit(bundle)
  return { bundle, checks: checksOf(bundle) }
}

describe('planImport', () => {
  it('plans the seed into an empty database: everything created, the article a draft', async () => {
    const { bundle, checks } = await seedWith()
    const result = planImport(bundle, nothing, checks, { importer, now })
    if (!result.ok) throw new Error(result.problems.map(formatProblem).join('\n'))
    const { plan } = result
    expect(plan.people.map((p) => [p.action, p.email])).toEqual([
      ['create', 'editorial@example.org'],
    ])
    expect(plan.references.every((r) => r.action === 'create')).toBe(true)
    expect(plan.articles).toHaveLength(1)
    const [article] = plan.articles
    expect(article).toMatchObject({ action: 'create', decision: { to: 'draft', unchanged: false } })
    expect(article!.citedKeys[0]).toBe('alp-myeloma-vs-solid-2021')
    expect(article!.decision.event.contentHash).toBe(contentHash(article!.content))
    expect(plan.settings.action).toBe('create')
  })

  it('plans nothing when the database already holds exactly the folder', async () => {
    const { bundle, checks } = await seedWith()
    const first = planImport(bundle, nothing, checks, { importer, now })
    if (!first.ok) throw new Error('unexpected problems')
    const article = first.plan.articles[0]!
    const existing: ExistingContent = {
      users: new Map([
        [
          'editorial@example.org',
          { id: 1, roles: ['author'], profile: first.plan.people[0]!.profile },
        ],
      ]),
      references: new Map(
        first.plan.references.map((r, i) => [r.key, { id: i + 1, item: r.item }]),
      ),
      articles: new Map([
        [
          article.slug,
          {
            id: 7,
            facts: {
              state: 'draft',
              authorIds: [1],
              reviewerIds: [],
              isPublished: false,
              contentHash: article.decision.event.contentHash,
            },
            topics: article.topics,
            authorIds: [1],
            citationKeys: article.citedKeys,
          },
        ],
      ]),
      settings: (first.plan.settings as { data: Record<string, unknown> }).data,
    }
    const again = planImport(bundle, existing, checks, { importer, now })
    if (!again.ok) throw new Error('unexpected problems')
    expect(again.plan.people.map((p) => p.action)).toEqual(['unchanged'])
    expect(new Set(again.plan.references.map((r) => r.action))).toEqual(new Set(['unchanged']))
    expect(again.plan.articles.map((a) => a.action)).toEqual(['unchanged'])
    expect(again.plan.settings.action).toBe('unchanged')
  })

  it('refuses, file:line, an unknown author and an approving reviewer who wrote the article', async () => {
    const { bundle, checks } = await seedWith((b) => {
      const fm = b.articles[0]!.frontMatter
      fm.authors = [...fm.authors, 'nobody@example.org']
      fm.review = { status: 'approved', reviewer: 'editorial@example.org', date: now }
    })
    const result = planImport(bundle, nothing, checks, { importer, now })
    expect(result.ok).toBe(false)
    const problems = result.ok ? [] : result.problems.map(formatProblem)
    expect(problems).toEqual([
      expect.stringMatching(
        /low-alp-multiple-myeloma\.md:\d+:\d+: unknown author nobody@example\.org/,
      ),
    ])
    // With the author known, the conflict of interest is what remains.
    const known = planImport(
      bundle,
      {
        ...nothing,
        users: new Map([
          ['nobody@example.org', { id: 9, roles: ['author'], profile: {} as never }],
        ]),
      },
      checks,
      { importer, now },
    )
    expect(known.ok ? [] : known.problems.map((p) => p.message)).toEqual([
      expect.stringMatching(/cannot be its approving reviewer/),
    ])
  })
})
