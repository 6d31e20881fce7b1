import { randomBytes } from 'node:crypto'

import type { Payload } from 'payload'

import type { SiteSetting } from '../../payload-types'
import { resolveSecret } from '../config/env'
import { readAhead } from '../content/paging'
import { createMarkdownProcessor, type MarkdownOptions } from '../markdown'
import { DEFAULT_CITATION_STYLE, isCitationStyle } from '../references'
import { type RenderPool, renderPool } from '../render'
import * as site from '../site'
import type { FeedArticle, SiteInfo } from '../site'
import {
  currentBuild,
  fingerprint,
  goLive,
  type ManifestArticle,
  openTables,
  prune,
  putObject,
  readObject,
  type ShardedTable,
  type SiteManifest,
  withLock,
} from './build'
import { changeRows, consumeChanges, pendingChanges, siteCounts } from './changes'
import { goneListFiles, listFiles, pagePath, type PlannedFile, type Renderers } from './listPages'
import { allLists, type GroupStore, type ListChange, updateLists } from './listState'
import { boardMember } from './people'
import { type LoadedArticle, PAGE_SIZE, SiteReader, chunks } from './read'
import { type KeptRendering, readRenders, renderKey, writeRenders } from './renders'
import { type SearchChange, searchFiles } from './searchFiles'
import { articleSource, articleSummary, contentHashOf } from './viewModels'

export type { Renderers }

export interface PublishOptions {
  /** The site folder: objects, builds, and `current` linking to the live one. */
  root: string
  /** The public address, for canonical links, the sitemap and the feed. */
  baseUrl: string
  now?: Date
  /** Changes whenever the code that renders pages changes, so every page is rendered anew. */
  rendererVersion?: string
  /**
   * Changes whenever the code that renders Markdown changes, so kept renderings are not reused.
   * Default `rendererVersion`.
   */
  documentsVersion?: string
  /** Make every page again, even if nothing it is made from changed. */
  full?: boolean
  /**
   * Check every article against its approval, not only those the change log names (a change made
   * behind the CMS, straight in the database, is in no log), making only the pages that differ.
   */
  verify?: boolean
  /** The render pool (default: this process's). */
  pool?: RenderPool
  /** Replaces page renderers (a test makes one fail). The article pages render in the pool. */
  renderers?: Partial<Renderers>
}

/** An article the publisher did not render from the database, and why. */
export interface Refusal {
  id: string | number
  slug: string
  reason: string
}

export interface PublishReport {
  buildId: string
  /** The site folder; the live build is the manifest `current` links to. */
  dir: string
  /** Every page was made again (a first publish, a renderer or settings change, or `full`). */
  full: boolean
  /** How many articles this build holds (published, or pending with a banner). */
  articles: number
  /** Slugs of the articles whose pages this publish made (new or changed). */
  published: string[]
  /** Slugs of the articles this publish took off the site. */
  removed: string[]
  /** Articles not rendered from the database, and why; their previous pages, if any, stay. */
  refused: Refusal[]
  /** Site paths made anew in this build (the rest are the previous build's, unchanged). */
  rendered: string[]
  /** How many files of the build are unchanged from the previous one. */
  reused: number
  /** How many articles' Markdown was rendered (the rest reused kept renderings). */
  renderedDocuments: number
  /**
   * How many shards of the build tables (see `ShardedTable`) this publish read and wrote: a
   * publish that changed one article reads and writes a few, whatever the size of the site.
   */
  manifest: { shardsRead: number; shardsWritten: number }
  /** Content warnings in published pages (dropped HTML, unsafe URLs…), per article. */
  warnings: string[]
  durationMs: number
  /**
   * Where the time went, in milliseconds: `start` (settings, the live build, counts), `articles`
   * (read, render, store the article pages), `lists` (home, topics, feed, sitemaps, other pages),
   * `search` (the search index) and `live` (the manifest, the swap, the change log).
   */
  phases: Record<PublishPhase, number>
}

export type PublishPhase = 'start' | 'articles' | 'lists' | 'search' | 'live'

/** Laps of a publish, each the milliseconds since the previous one. */
function stopwatch() {
  const laps = { start: 0, articles: 0, lists: 0, search: 0, live: 0 }
  let last = performance.now()
  return {
    laps,
    lap(phase: PublishPhase) {
      const now = performance.now()
      laps[phase] = Math.round(now - last)
      last = now
    },
  }
}

/** A publish that cannot run at all (as opposed to one article being refused). */
export class PublishError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'PublishError'
  }
}

/** The settings that appear on pages (not who saved them or when). */
const visibleSettings = ({ updatedAt: _u, createdAt: _c, updatedBy: _b, ...rest }: SiteSetting) =>
  rest

const articlePages = (slug: string) => {
  const url = site.articleUrl(slug)
  return { article: pagePath(url), history: pagePath(site.historyUrl({ url })) }
}

/**
 * Publishes the site from the CMS into the site folder `root`, one publish at a time:
 * - reads the approved revision of every article (under `pending-with-banner` also the latest
 *   pending one of articles never approved) a page at a time; after a first publish only the
 *   articles the change log names (`pendingChanges`), unless the renderer, the settings or the
 *   address changed, or `verify` asks to check them all;
 * - refuses a published revision whose content no longer hashes to its approval, and any article
 *   that cannot be rendered within its budget (its previous pages, if any, stay);
 * - renders articles in the render pool, reusing kept renderings of their Markdown;
 * - makes the list pages, the feed, the sitemaps and the search index from what changed;
 * - keeps every new file as an object, then makes the new build live in one rename.
 */
export async function publishSite(
  payload: Payload,
  options: PublishOptions,
): Promise<PublishReport> {
  return withLock(options.root, async () => {
    const started = Date.now()
    const phases = stopwatch()
    const readAt = new Date()
    const now = options.now ?? readAt
    const pool = options.pool ?? renderPool()
    const render: Renderers = { ...site, ...options.renderers }
    const settings = await payload.findGlobal({ slug: 'site-settings', depth: 0 })
    if (!settings.disclaimer?.trim()) {
      throw new PublishError(
        'The site settings have no disclaimer; every article page shows one. Add it under Settings › Site settings in /admin (or in content/site.yaml) and publish again.',
      )
    }
    const markdownOptions: MarkdownOptions = {
      siteUrl: options.baseUrl,
      citationStyle: isCitationStyle(settings.citationStyle)
        ? settings.citationStyle
        : DEFAULT_CITATION_STYLE,
    }
    const markdown = createMarkdownProcessor(markdownOptions)
    const info: SiteInfo = site.buildSiteInfo(settings, options.baseUrl, markdown)
    const renderer = options.rendererVersion ?? 'unversioned'
    const siteKey = fingerprint(renderer, visibleSettings(settings), options.baseUrl)
    const documentsVersion = fingerprint(options.documentsVersion ?? renderer, markdownOptions)
    const opened = await currentBuild(options.root)
    // A build from before manifests were sharded is served, but a publish over it is full.
    const previous = opened?.manifest.version === 3 ? opened : undefined
    const full = !previous || previous.manifest.siteKey !== siteKey || options.full === true
    const withPending = settings.publishPolicy === 'pending-with-banner'
    const reader = new SiteReader(payload)
    const counts = await siteCounts(payload)

    // The new build's tables start as the previous build's (or empty, on a full publish) and
    // change shard by shard; the previous build's stay as they were, to read from.
    const before = previous ?? { manifest: undefined, ...openTables(options.root, undefined) }
    const { files, articles } = openTables(options.root, full ? undefined : previous?.manifest)
    let approvedCount = full ? 0 : previous!.manifest.articles.approved
    const refused: Refusal[] = []
    const warnings: string[] = []
    const rendered: string[] = []
    /** The search records this publish made, as JSON (parsed one at a time for the index). */
    const records = new Map<string, string>()
    /** Articles whose pages, summary or search record changed, with their previous entries. */
    const changes = new Map<string, { before?: ManifestArticle }>()
    /** Every article's summary, on a full publish (the lists are made from all of them). */
    const summaries: FeedArticle[] = []
    let renderedDocuments = 0

    const changed = async (id: string) => {
      if (!changes.has(id)) changes.set(id, { before: await before.articles.get(id) })
    }
    const setArticle = async (entry: ManifestArticle) => {
      const old = await articles.get(entry.id)
      approvedCount += (entry.summary.approved ? 1 : 0) - (old?.summary.approved ? 1 : 0)
      await articles.set(entry.id, entry)
    }
    const remove = async (id: string) => {
      const entry = await articles.get(id)
      if (!entry) return
      await changed(id)
      for (const page of entry.pages) await files.delete(page)
      await articles.delete(id)
      if (entry.summary.approved) approvedCount--
    }
    /** A refused article keeps the pages it had, if any. */
    const keepPrevious = async (id: string) => {
      const old = await before.articles.get(id)
      if (!old) return
      await setArticle(old)
      summaries.push(old.summary)
      for (const page of old.pages) {
        const file = await before.files.get(page)
        if (file) await files.set(page, file)
      }
    }

    const secret = resolveSecret()
    const publishPage = async (page: LoadedArticle[]) => {
      const jobs = await Promise.all(
        page.map(async (loaded) => {
          const { doc } = loaded
          const id = String(doc.id)
          // An article whose slug changed leaves its old address.
          const current = await articles.get(id)
          if (current && current.slug !== doc.slug) {
            await changed(id)
            for (const path of current.pages) await files.delete(path)
          }
          // A published revision's rendering is kept under its approval; a pending one's is not
          // kept across publishes (it changes until approved) but is keyed by its content.
          const hash = loaded.approved ? doc.approval?.hash : undefined
          return {
            loaded,
            id,
            current: current?.slug === doc.slug ? current : undefined,
            key: renderKey(hash ?? contentHashOf(loaded), documentsVersion),
          }
        }),
      )
      const kept = await readRenders(
        payload,
        jobs.filter((j) => j.loaded.approved).map((j) => j.key),
      )
      const toKeep: KeptRendering[] = []
      await Promise.all(
        jobs.map(async ({ loaded, id, current, key }) => {
          const { doc } = loaded
          const slug = doc.slug
          const refuse = async (reason: string) => {
            refused.push({ id: doc.id, slug, reason })
            if (full) await keepPrevious(id)
          }
          if (loaded.approved && !doc.approval?.hash) {
            return refuse(`it is published but has no approval record (state "${doc.state}")`)
          }
          let result
          try {
            result = await pool.run('publish-article', {
              options: markdownOptions,
              site: info,
              siteKey,
              source: articleSource(loaded),
              approvedHash: loaded.approved ? doc.approval!.hash! : undefined,
              previousInput: full ? undefined : current?.input,
              kept: kept.get(key),
              key,
              secret,
              now: now.toISOString(),
            })
          } catch (error) {
            return refuse(`it could not be rendered: ${(error as Error).message}`)
          }
          if (result.status === 'unchanged') return
          if (result.status === 'refused') return refuse(result.reason)
          for (const w of result.problems) {
            warnings.push(`${slug} ${w.field ?? 'body'}${w.line ? `:${w.line}` : ''}: ${w.message}`)
          }
          if (result.keep) {
            renderedDocuments++
            toKeep.push(result.keep)
          }
          const paths = articlePages(slug)
          await Promise.all([
            putObject(options.root, result.article.html, result.article.sha),
            putObject(options.root, result.history.html, result.history.sha),
            putObject(options.root, result.search.json, result.search.sha),
          ])
          await changed(id)
          await files.set(paths.article, { object: result.article.sha, input: result.input })
          await files.set(paths.history, { object: result.history.sha, input: result.input })
          rendered.push(paths.article, paths.history)
          records.set(id, result.search.json)
          const summary = articleSummary(loaded)
          if (full) summaries.push(summary)
          await setArticle({
            id,
            slug,
            summary,
            input: result.input,
            pages: [paths.article, paths.history],
            search: result.search.sha,
            doc: current?.doc ?? -1,
          })
        }),
      )
      await writeRenders(payload, toKeep)
    }

    phases.lap('start')
    // The change log's rows this build takes into account (a full build: all there were).
    let consumed: string[] = []
    if (full || options.verify) {
      consumed = (await changeRows(payload)).map((r) => r.id)
      const seen = new Set<string>()
      const scan = async (page: LoadedArticle[]) => {
        for (const a of page) seen.add(String(a.doc.id))
        await publishPage(page)
      }
      // The next page is read while this one renders.
      for await (const page of readAhead(reader.published())) await scan(page)
      if (withPending) for await (const page of readAhead(reader.pending())) await scan(page)
      if (!full) {
        // Verifying: what is not on the site any more leaves it; what is, is listed again.
        const gone: string[] = []
        for await (const [id] of articles.entries()) {
          if (!seen.has(id) && !refused.some((r) => String(r.id) === id)) gone.push(id)
        }
        for (const id of gone) await remove(id)
      }
    } else {
      const pending = await pendingChanges(payload, new Date(previous!.manifest.now), now)
      consumed = pending.rows
      const ids = new Set(pending.articles)
      // Deleted articles (or any change the queries above did not explain): compare counts.
      const present = previous!.manifest.articles
      const everyId = async (which: (a: ManifestArticle) => boolean) => {
        for await (const [id, a] of before.articles.entries()) if (which(a)) ids.add(id)
      }
      if (
        counts.published < present.approved ||
        (!withPending && present.size > present.approved)
      ) {
        await everyId(() => true)
      } else if (withPending && counts.pending < present.size - present.approved) {
        await everyId((a) => !a.summary.approved)
      }
      for (const chunk of chunks([...ids])) {
        for (let i = 0; i < chunk.length; i += PAGE_SIZE) {
          const part = chunk.slice(i, i + PAGE_SIZE)
          const page = await reader.byIds(part, withPending)
          await publishPage(page)
          // Considered but not on the site any more: unpublished, withdrawn, deleted.
          const found = new Set(page.map((a) => String(a.doc.id)))
          for (const id of part) {
            if (!found.has(id) && !refused.some((r) => String(r.id) === id)) await remove(id)
          }
        }
      }
    }

    phases.lap('articles')
    // The lists: made from every article on a full publish, else updated from what changed.
    const store: GroupStore = {
      put: (content) => putObject(options.root, content),
      get: async (name) =>
        JSON.parse((await readObject(options.root, name)).toString('utf8')) as FeedArticle[],
    }
    const listChanges: ListChange[] = []
    for (const [id, change] of changes) {
      const after = await articles.get(id)
      listChanges.push({ before: change.before?.summary, after: after?.summary })
    }
    const everySummary = async () => {
      const all: FeedArticle[] = []
      for await (const [, a] of articles.entries()) all.push(a.summary)
      return all
    }
    const { lists, views } = full
      ? await allLists(summaries, store)
      : await updateLists(previous!.manifest.lists, listChanges, store, everySummary)

    const boardUsers = await payload.find({
      collection: 'users',
      where: { roles: { contains: 'reviewer' } },
      sort: 'name',
      depth: 0,
      limit: 1000,
      pagination: false,
    })
    const policy = markdown.render({
      markdown: settings.editorialPolicy ?? '',
      references: [],
      path: 'site settings: editorial policy',
    }).hast
    const planned: PlannedFile[] = await listFiles({
      info,
      siteKey,
      views,
      board: boardUsers.docs.map(boardMember),
      policy,
      render,
    })
    for (const path of goneListFiles(views)) await files.delete(path)
    for (const file of planned) {
      if ((await files.get(file.path))?.input === file.input) continue
      const object = await putObject(options.root, await file.render())
      await files.set(file.path, { object, input: file.input })
      rendered.push(file.path)
    }

    phases.lap('lists')
    const searchChanges = new Map<string, SearchChange>()
    for (const [id, change] of changes) {
      searchChanges.set(id, { before: change.before, after: await articles.get(id) })
    }
    const search = await searchFiles({
      siteRoot: options.root,
      previous: full ? undefined : previous!.manifest.search,
      changes: searchChanges,
      records,
      everyArticle: () => articles.entries(),
      documents: articles.size,
      full,
    })
    for (const [id, doc] of search.docs) {
      const entry = (await articles.get(id))!
      if (entry.doc !== doc) await articles.set(id, { ...entry, doc })
    }
    const old = full ? undefined : previous!.manifest.search
    if (old && old.base !== search.search.base) {
      for (const path of old.baseFiles) await files.delete(path)
    }
    if (old && old.delta !== search.search.delta) await files.delete(old.delta)
    for (const file of search.files) {
      const current = await files.get(file.path)
      const object = await putObject(options.root, file.content)
      if (current?.object === object) continue
      if ((await before.files.get(file.path))?.object !== object) rendered.push(file.path)
      await files.set(file.path, { object, input: object })
    }

    phases.lap('search')
    // Nothing to show that is not live already: no new build (the change log is still consumed).
    const same =
      !full &&
      !files.changed &&
      !articles.changed &&
      JSON.stringify(lists) === JSON.stringify(previous!.manifest.lists) &&
      JSON.stringify(search.search) === JSON.stringify(previous!.manifest.search)
    const buildId = `${readAt.toISOString().replace(/[:.]/g, '-')}-${randomBytes(3).toString('hex')}`
    if (!same) {
      const manifest: SiteManifest = {
        version: 3,
        buildId,
        createdAt: new Date().toISOString(),
        siteKey,
        watermark: readAt.toISOString(),
        now: now.toISOString(),
        files: { shards: await files.save(), size: files.size },
        articles: { shards: await articles.save(), size: articles.size, approved: approvedCount },
        search: search.search,
        lists,
        counts,
      }
      await goLive(options.root, manifest)
      await prune(options.root)
    }
    await consumeChanges(payload, consumed)
    phases.lap('live')
    const made = new Set(rendered)
    return {
      buildId: same ? previous!.manifest.buildId : buildId,
      dir: options.root,
      full,
      articles: articles.size,
      ...(await changedSlugs(changes, articles)),
      refused,
      rendered: [...made].sort(),
      reused: files.size - made.size,
      renderedDocuments,
      warnings,
      manifest: {
        shardsRead:
          files.stats.read +
          articles.stats.read +
          before.files.stats.read +
          before.articles.stats.read,
        shardsWritten: files.stats.written + articles.stats.written,
      },
      durationMs: Date.now() - started,
      phases: phases.laps,
    }
  })
}

/** The slugs of the changed articles that are on the site now, and of those that left it. */
async function changedSlugs(
  changes: ReadonlyMap<string, { before?: ManifestArticle }>,
  articles: ShardedTable<ManifestArticle>,
): Promise<{ published: string[]; removed: string[] }> {
  const published = new Set<string>()
  const removed = new Set<string>()
  for (const [id, { before }] of changes) {
    const after = await articles.get(id)
    if (after) published.add(after.slug)
    if (before && before.slug !== after?.slug) removed.add(before.slug)
  }
  return { published: [...published].sort(), removed: [...removed].sort() }
}
