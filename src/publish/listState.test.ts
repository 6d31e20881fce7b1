import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import * as site from '../site'
import type { FeedArticle } from '../site'
import { type ManifestLists, putObject, readObject } from './build'
import { goneListFiles, topicPageFiles } from './listPages'
import { allLists, FEED_KEPT, type GroupStore, type ListChange, updateLists } from './listState'

let root: string
let store: GroupStore
beforeAll(async () => {
  root = await fs.mkdtemp(path.join(os.tmpdir(), 'list-state-'))
  store = {
    put: (content) => putObject(root, content),
    get: async (name) => JSON.parse((await readObject(root, name)).toString('utf8')),
  }
})
afterAll(() => fs.rm(root, { recursive: true, force: true }))

/** A deterministic generator (mulberry32), so a failure can be replayed. */
function random(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const TOPICS = ['Anaemia', 'anaemia', 'Vitamin D', 'Renal impairment', 'MGUS', 'Neuropathy']

function article(next: () => number, slug: string): FeedArticle {
  const pick = <T>(items: T[]) => items[Math.floor(next() * items.length)]!
  const day = (n: number) => new Date(Date.UTC(2026, 0, 1) + n * 86_400_000).toISOString()
  const approved = next() < 0.8
  const topics = next() < 0.15 ? undefined : [...new Set([pick(TOPICS), pick(TOPICS)])]
  return {
    slug,
    url: site.articleUrl(slug),
    title: `Question ${pick(['alpha', 'beta', 'gamma', 'delta'])} ${Math.floor(next() * 50)}`,
    summary: 'An answer.',
    approved,
    // Few distinct dates, so ties are common: they are broken by title, then slug.
    lastReviewed: approved ? day(Math.floor(next() * 30)) : undefined,
    topics,
    updated: day(Math.floor(next() * 40)),
  }
}

/** What every page made from the lists shows, from a state and its views. */
const shown = (result: Awaited<ReturnType<typeof allLists>>) => ({
  recent: result.views.recent,
  feed: result.views.feed,
  topics: result.views.topics,
  sitemapIndex: result.views.sitemapIndex,
  newest: result.views.newest,
  // Content-addressed: equal members, an equal object.
  groups: { topics: result.lists.topics, sitemaps: result.lists.sitemaps },
})

describe('the lists of a build, updated from what changed', () => {
  it('equal the lists made from every article, after every kind of change', async () => {
    const next = random(9)
    const all = new Map<string, FeedArticle>()
    for (let i = 0; i < 150; i++) all.set(`a-${i}`, article(next, `a-${i}`))
    const first = await allLists([...all.values()], store)
    let state: ManifestLists = first.lists
    // The topic pages of the build (topics of about 50 articles: some grow past a page, some
    // shrink back to one).
    const topicFiles = new Set(topicPageFiles(first.views).map((f) => f.path))
    const paths = (files: { path: string }[]) => files.map((f) => f.path).sort()
    let rescans = 0
    for (let step = 0; step < 40; step++) {
      const changes: ListChange[] = []
      // A publish sees each article once (its state before, and after).
      const touched = new Set<string>()
      for (let k = 0, n = 1 + Math.floor(next() * 4); k < n; k++) {
        const slugs = [...all.keys()].filter((s) => !touched.has(s))
        const slug = slugs[Math.floor(next() * slugs.length)]!
        touched.add(slug)
        const before = all.get(slug)!
        const roll = next()
        if (roll < 0.2) {
          all.delete(slug) // withdrawn, unpublished or deleted
          changes.push({ before })
        } else if (roll < 0.35) {
          const added = article(next, `new-${step}-${k}`)
          touched.add(added.slug)
          all.set(added.slug, added)
          changes.push({ after: added })
        } else if (roll < 0.45) {
          // A new slug: the article leaves its old address.
          const moved = { ...article(next, `moved-${step}-${k}`) }
          touched.add(moved.slug)
          all.delete(slug)
          all.set(moved.slug, moved)
          changes.push({ before, after: moved })
        } else {
          const after = { ...article(next, slug) }
          all.set(slug, after)
          changes.push({ before, after })
        }
      }
      const updated = await updateLists(state, changes, store, async () => {
        rescans++
        return [...all.values()]
      })
      const full = await allLists([...all.values()], store)
      expect(shown(updated), `step ${step}`).toEqual(shown(full))
      // Every page made again is made as a full publish makes it; every page gone is gone.
      const fullTopics = new Map(full.views.topicPages.map((p) => [p.topic.slug, p]))
      for (const { topic, articles } of updated.views.topicPages) {
        expect({ topic, articles }).toEqual(fullTopics.get(topic.slug))
      }
      for (const gone of updated.views.goneTopics) expect(fullTopics.has(gone.slug)).toBe(false)
      for (const gone of goneListFiles(updated.views)) topicFiles.delete(gone)
      for (const made of topicPageFiles(updated.views)) topicFiles.add(made.path)
      expect([...topicFiles].sort(), `step ${step}`).toEqual(paths(topicPageFiles(full.views)))
      const fullSitemaps = new Map(full.views.sitemapPages.map((p) => [p.shard, p]))
      for (const made of updated.views.sitemapPages) {
        expect(made).toEqual(fullSitemaps.get(made.shard))
      }
      for (const gone of updated.views.goneSitemaps) expect(fullSitemaps.has(gone)).toBe(false)
      state = updated.lists
    }
    // The kept entries refill the lists: reading every article is the exception.
    expect(rescans).toBeLessThan(5)
  }, 60_000)

  it('adds a topic page when a topic outgrows its pages, and removes it when it shrinks back', async () => {
    const next = random(5)
    const one = (i: number) => ({ ...article(next, `c-${i}`), topics: ['Anaemia'] })
    const articles = Array.from({ length: site.TOPIC_PAGE_SIZE }, (_, i) => one(i))
    const start = await allLists(articles, store)
    expect(topicPageFiles(start.views).map((f) => f.path)).toEqual(['topics/anaemia/index.html'])
    const added = one(site.TOPIC_PAGE_SIZE)
    const grown = await updateLists(start.lists, [{ after: added }], store, async () => articles)
    expect(topicPageFiles(grown.views).map((f) => f.path)).toEqual([
      'topics/anaemia/index.html',
      'topics/anaemia/page/2/index.html',
    ])
    expect(goneListFiles(grown.views)).toEqual([])
    const shrunk = await updateLists(grown.lists, [{ before: articles[3]! }], store, async () =>
      articles.filter((_, i) => i !== 3).concat(added),
    )
    expect(topicPageFiles(shrunk.views).map((f) => f.path)).toEqual(['topics/anaemia/index.html'])
    expect(goneListFiles(shrunk.views)).toEqual(['topics/anaemia/page/2/index.html'])
    const emptied = await updateLists(
      grown.lists,
      [...articles, added].map((before) => ({ before })),
      store,
      async () => [],
    )
    expect(goneListFiles(emptied.views).filter((f) => f.startsWith('topics/'))).toEqual([
      'topics/anaemia/index.html',
      'topics/anaemia/page/2/index.html',
    ])
  })

  it('makes again only the groups a change touches', async () => {
    const next = random(4)
    const articles = Array.from({ length: 200 }, (_, i) => article(next, `b-${i}`))
    const { lists } = await allLists(articles, store)
    const before = articles[7]!
    const after = { ...before, updated: '2027-01-01T00:00:00.000Z' }
    const { views } = await updateLists(lists, [{ before, after }], store, async () => {
      throw new Error('a change that the kept entries explain reads no other article')
    })
    expect(views.topicPages.map((p) => p.topic.slug).sort()).toEqual(
      [...new Set(site.topicsOf(after).map(site.topicSlug))].sort(),
    )
    expect(views.sitemapPages.map((p) => p.shard)).toEqual([site.sitemapShard(after.slug)])
    expect(views.feed[0]!.slug).toBe(before.slug)
  })

  it('ranks every article again when what it kept runs out', async () => {
    const next = random(5)
    const articles = Array.from({ length: FEED_KEPT + 40 }, (_, i) => article(next, `c-${i}`))
    let { lists } = await allLists(articles, store)
    let rescans = 0
    const rest = new Map(articles.map((a) => [a.slug, a]))
    // Withdraw the newest updates one by one, past what the feed kept beyond its page.
    for (let i = 0; i < FEED_KEPT - site.FEED_ENTRIES + 1; i++) {
      const newest = lists.feed.entries[0]!
      rest.delete(newest.slug)
      const result = await updateLists(lists, [{ before: newest }], store, async () => {
        rescans++
        return [...rest.values()]
      })
      expect(result.views.feed).toEqual(site.feedEntries([...rest.values()]))
      lists = result.lists
    }
    expect(rescans).toBe(1)
  }, 60_000)
})
