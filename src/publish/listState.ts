import * as site from '../site'
import type { ArticleSummary, FeedArticle, SitemapUrl, TopicRef } from '../site'
import type { ArticleGroup, ManifestLists, RankedList } from './build'

/**
 * How many articles a build keeps of each ranked list, beyond what its page shows: an article
 * that leaves the list is replaced from these without reading the whole site.
 */
export const RECENT_KEPT = site.RECENT_ARTICLES * 2
export const FEED_KEPT = site.FEED_ENTRIES * 2

/** One article's change as the lists see it: its summary before and after (absent: not on the site). */
export interface ListChange {
  before?: FeedArticle
  after?: FeedArticle
}

/** Where a build keeps the articles of its groups (objects of the site folder). */
export interface GroupStore {
  put(content: string): Promise<string>
  get(name: string): Promise<FeedArticle[]>
}

/** What the list pages are made from; only the groups a publish changed are listed to be made. */
export interface ListViews {
  /** The home page's recently reviewed articles. */
  recent: ArticleSummary[]
  /** Every topic, by slug. */
  topics: TopicRef[]
  feed: FeedArticle[]
  /**
   * Topics whose pages to make (every topic on a full publish, the changed ones otherwise), with
   * all their articles and, for a topic that had articles before, how many it had.
   */
  topicPages: { topic: TopicRef; articles: ArticleSummary[]; previousCount?: number }[]
  /** Topic pages to remove (nobody writes about the topic any more). */
  goneTopics: TopicRef[]
  /** Article sitemaps to make, and to remove (no approved article left in them). */
  sitemapPages: { shard: number; urls: SitemapUrl[] }[]
  goneSitemaps: number[]
  /** Every article sitemap with its newest change. */
  sitemapIndex: SitemapUrl[]
  /** The newest update of any article on the site. */
  newest?: string
}

type Ranking = 'recent' | 'feed'
const RANKINGS: Record<
  Ranking,
  { rank: (a: FeedArticle[], n: number) => FeedArticle[]; kept: number }
> = {
  recent: { rank: (a, n) => site.recentlyReviewed(a, n) as FeedArticle[], kept: RECENT_KEPT },
  feed: { rank: site.feedEntries, kept: FEED_KEPT },
}
const SHOWN: Record<Ranking, number> = { recent: site.RECENT_ARTICLES, feed: site.FEED_ENTRIES }

function ranked(kind: Ranking, all: FeedArticle[]): RankedList {
  const { rank, kept } = RANKINGS[kind]
  const entries = rank(all, kept + 1)
  return { entries: entries.slice(0, kept), complete: entries.length <= kept }
}

/**
 * A ranked list after `changes`, or undefined when what it kept is not enough to tell (then the
 * whole site must be ranked again). The entries kept that did not change are still the best of
 * the rest; a changed article joins them if it ranks above the last of them (or if the list is
 * complete: then nothing ranks between).
 */
function updateRanked(
  kind: Ranking,
  list: RankedList,
  changes: readonly ListChange[],
): RankedList | undefined {
  const { rank, kept } = RANKINGS[kind]
  const changed = new Set(changes.flatMap((c) => [c.before?.slug, c.after?.slug]))
  const stay = list.entries.filter((a) => !changed.has(a.slug))
  const added = changes.flatMap((c) => (c.after ? [c.after] : []))
  const merged = rank([...stay, ...added], Infinity)
  let entries = merged
  if (!list.complete) {
    const last = stay[stay.length - 1]
    if (!last) return undefined
    entries = merged.slice(0, merged.findIndex((a) => a.slug === last.slug) + 1)
  }
  const complete = list.complete && entries.length <= kept
  entries = entries.slice(0, kept)
  if (!complete && entries.length < SHOWN[kind]) return undefined
  return { entries, complete }
}

const bySlug = (a: FeedArticle, b: FeedArticle) => (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0)
const topicSlugsOf = (a: FeedArticle | undefined) => (a ? site.topicsOf(a).map(site.topicSlug) : [])

function newest(dates: (string | undefined)[]): string | undefined {
  let best: string | undefined
  for (const date of dates) {
    if (date && (!best || site.isoDateTime(date) > site.isoDateTime(best))) best = date
  }
  return best
}

/** An article sitemap's state and pages from its articles. */
function sitemapOf(members: FeedArticle[]) {
  const urls = site.articleSitemapUrls(members)
  return {
    urls,
    lastmod: newest(urls.map((u) => u.lastmod)),
    newest: newest(members.map((a) => a.updated)),
  }
}

/** A sitemap shard's entry in the manifest (its members kept as a group object), and its URLs. */
async function sitemapGroup(store: GroupStore, members: FeedArticle[]) {
  const { urls, lastmod, newest } = sitemapOf(members)
  const entry = {
    members: await putGroup(store, members),
    count: members.length,
    approved: urls.length,
    lastmod,
    newest,
  }
  return { entry, urls }
}

async function putGroup(store: GroupStore, members: FeedArticle[]): Promise<string> {
  return store.put(JSON.stringify([...members].sort(bySlug)))
}

function viewsOf(
  lists: ManifestLists,
  made: Pick<ListViews, 'topicPages' | 'goneTopics' | 'sitemapPages' | 'goneSitemaps'>,
): ListViews {
  const shards = Object.keys(lists.sitemaps)
    .map(Number)
    .sort((a, b) => a - b)
  return {
    recent: lists.recent.entries.slice(0, site.RECENT_ARTICLES),
    topics: Object.keys(lists.topics)
      .sort()
      .map((slug) => lists.topics[slug]!.topic),
    feed: lists.feed.entries.slice(0, site.FEED_ENTRIES),
    ...made,
    sitemapIndex: shards
      .filter((s) => lists.sitemaps[s]!.approved > 0)
      .map((s) => ({ url: site.sitemapShardUrl(s), lastmod: lists.sitemaps[s]!.lastmod })),
    newest: newest(shards.map((s) => lists.sitemaps[s]!.newest)),
  }
}

/** The lists of a site made from every article on it (a full publish). */
export async function allLists(
  articles: readonly FeedArticle[],
  store: GroupStore,
): Promise<{ lists: ManifestLists; views: ListViews }> {
  const all = [...articles].sort(bySlug)
  const lists: ManifestLists = {
    recent: ranked('recent', all),
    feed: ranked('feed', all),
    topics: {},
    sitemaps: {},
  }
  const topicPages: ListViews['topicPages'] = []
  for (const [slug, { topic, articles: members }] of site.topicIndex(all)) {
    lists.topics[slug] = {
      members: await putGroup(store, members as FeedArticle[]),
      count: members.length,
      topic,
    }
    topicPages.push({ topic, articles: members })
  }
  const groups = new Map<number, FeedArticle[]>()
  for (const article of all) {
    const shard = site.sitemapShard(article.slug)
    groups.set(shard, [...(groups.get(shard) ?? []), article])
  }
  const sitemapPages: ListViews['sitemapPages'] = []
  for (const shard of [...groups.keys()].sort((a, b) => a - b)) {
    const members = groups.get(shard)!
    const { entry, urls } = await sitemapGroup(store, members)
    lists.sitemaps[shard] = entry
    if (urls.length) sitemapPages.push({ shard, urls })
  }
  return {
    lists,
    views: viewsOf(lists, { topicPages, goneTopics: [], sitemapPages, goneSitemaps: [] }),
  }
}

/**
 * The lists of a build after `changes` to its articles: the topics and sitemaps the changed
 * articles were or are in are read and made again, the others stay as they were; the ranked
 * lists are updated from what they kept, or (rarely) from every article, through `everyArticle`.
 */
export async function updateLists(
  previous: ManifestLists,
  changes: readonly ListChange[],
  store: GroupStore,
  everyArticle: () => Promise<FeedArticle[]>,
): Promise<{ lists: ManifestLists; views: ListViews }> {
  let all: FeedArticle[] | undefined
  const rankedAgain = async (kind: Ranking) =>
    updateRanked(kind, previous[kind], changes) ?? ranked(kind, (all ??= await everyArticle()))
  const lists: ManifestLists = {
    recent: await rankedAgain('recent'),
    feed: await rankedAgain('feed'),
    topics: { ...previous.topics },
    sitemaps: { ...previous.sitemaps },
  }
  const changedSlugs = new Set(changes.flatMap((c) => [c.before?.slug, c.after?.slug]))
  const membersAfter = async (
    group: ArticleGroup | undefined,
    belongs: (a: FeedArticle) => boolean,
  ) => {
    const before = group ? await store.get(group.members) : []
    return [
      ...before.filter((a) => !changedSlugs.has(a.slug)),
      ...changes.flatMap((c) => (c.after && belongs(c.after) ? [c.after] : [])),
    ]
  }

  const topicPages: ListViews['topicPages'] = []
  const goneTopics: TopicRef[] = []
  const topics = new Set(
    changes.flatMap((c) => [...topicSlugsOf(c.before), ...topicSlugsOf(c.after)]),
  )
  for (const slug of [...topics].sort()) {
    const group = previous.topics[slug]
    const members = await membersAfter(group, (a) => topicSlugsOf(a).includes(slug))
    if (!members.length) {
      if (group) goneTopics.push(group.topic)
      delete lists.topics[slug]
      continue
    }
    const { topic, articles } = site.topicIndex(members).get(slug)!
    lists.topics[slug] = { members: await putGroup(store, members), count: members.length, topic }
    topicPages.push({ topic, articles, previousCount: group?.count })
  }

  const sitemapPages: ListViews['sitemapPages'] = []
  const goneSitemaps: number[] = []
  const shards = new Set(
    changes.flatMap((c) =>
      [c.before?.slug, c.after?.slug].flatMap((s) => (s ? [site.sitemapShard(s)] : [])),
    ),
  )
  for (const shard of [...shards].sort((a, b) => a - b)) {
    const group = previous.sitemaps[shard]
    const members = await membersAfter(group, (a) => site.sitemapShard(a.slug) === shard)
    if (!members.length) {
      if (group && group.approved > 0) goneSitemaps.push(shard)
      delete lists.sitemaps[shard]
      continue
    }
    // Its members are kept as an object only while it has any.
    const { entry, urls } = await sitemapGroup(store, members)
    if (!urls.length && group && group.approved > 0) goneSitemaps.push(shard)
    lists.sitemaps[shard] = entry
    if (urls.length) sitemapPages.push({ shard, urls })
  }
  return { lists, views: viewsOf(lists, { topicPages, goneTopics, sitemapPages, goneSitemaps }) }
}
