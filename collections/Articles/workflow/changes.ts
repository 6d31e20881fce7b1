import type { PayloadRequest } from 'payload'
import { z } from 'zod'

import type { Article, Review } from '../../../payload-types'
import { type ArticleContent, storedArticleContent } from '../../../src/content/articleContent'
import { renderOptions } from '../../../src/content/renderOptions'
import type { ReviewDiff } from '../../../src/diff'
import { type CslItem, fromStored } from '../../../src/references'
import { renderPool } from '../../../src/render'
import {
  changesBase,
  type ChangesSince,
  contentHash,
  EVENT_LABELS,
  STATE_LABELS,
  type WorkflowState,
} from '../../../src/workflow'
import { findCitations } from './facts'

/** One of the two revisions compared, as the review panel names it. */
export interface ComparedRevision {
  /** The article version (`/admin/collections/articles/:id/versions/:versionId`). */
  versionId: string | number
  state: WorkflowState
  stateLabel: string
  /** When the revision was saved. */
  savedAt: string
  contentHash: string
  /** The audit event the revision was found from (the base), with who acted and when. */
  event?: { type: Review['type']; label: string; actor: string | null; at: string }
  /**
   * Where its references' data comes from: `recorded` (the copy the event recorded, checked
   * against its content hash), `unchanged` (the current data, which still hashes to it: nothing
   * changed since), `current` (the event recorded no copy and the data has changed since: shown
   * as it is now, so a reference edit in between does not show).
   */
  references: 'recorded' | 'unchanged' | 'current'
  /**
   * Its content hashes to the event's content hash: exactly the revision the event concerns.
   * False when no kept version does (then the version saved nearest the event is shown).
   */
  matched: boolean
}

export interface ArticleChanges {
  since: ChangesSince
  /** The latest revision. */
  after: ComparedRevision
  /** The revision compared with; absent when there is none (`none` says why). */
  before?: ComparedRevision
  none?: { because: 'never_approved' | 'no_earlier_round'; reason: string }
  diff?: ReviewDiff
}

const NONE: Record<ChangesSince, NonNullable<ArticleChanges['none']>> = {
  approval: { because: 'never_approved', reason: 'This article has never been approved.' },
  round: {
    because: 'no_earlier_round',
    reason: 'No earlier review round: this is the first submission of the article.',
  },
}

/** Versions read per page, and at most how many are searched for the base revision. */
const PAGE = 50
const MAX_VERSIONS = 2_000

/** A recorded copy of references as the event stored it: CSL items (checked by the hash). */
const recordedSchema = z.array(
  z.looseObject({ id: z.string(), type: z.string(), title: z.string() }),
)

/**
 * How the latest revision of an article differs from the one at its last approval (`approval`)
 * or at the start of its last review round (`round`), read as `req.user` may: undefined when they
 * may not read the article's revisions. The base revision is the article version whose content,
 * with the references the event recorded, hashes to the event's content hash (every version is
 * kept); the diff runs in the render pool, as every rendering of an author's Markdown does.
 */
export async function articleChanges(
  req: PayloadRequest,
  id: string | number,
  since: ChangesSince,
): Promise<ArticleChanges | undefined> {
  const user = req.user
  if (!user) return undefined
  const scoped = { req, overrideAccess: false, user } as const
  const versions = (page: number) =>
    req.payload.findVersions({
      collection: 'articles',
      where: { parent: { equals: id } },
      sort: '-updatedAt',
      depth: 0,
      limit: PAGE,
      page,
      ...scoped,
    })
  const first = await versions(1).catch(() => undefined)
  if (!first?.docs.length) return undefined
  const latest = await req.payload
    .findByID({ collection: 'articles', id, draft: true, depth: 1, ...scoped })
    .catch(() => undefined)
  if (!latest) return undefined
  const afterContent = storedArticleContent(latest)
  const newest = first.docs[0]
  const after: ComparedRevision = {
    versionId: newest.id,
    state: latest.state,
    stateLabel: STATE_LABELS[latest.state],
    savedAt: newest.updatedAt,
    contentHash: contentHash(afterContent),
    references: 'unchanged',
    matched: true,
  }

  const { docs: events } = await req.payload.find({
    collection: 'reviews',
    where: { article: { equals: latest.id } },
    sort: 'at',
    depth: 0,
    pagination: false,
    select: {
      type: true,
      to: true,
      at: true,
      actorName: true,
      contentHash: true,
      references: true,
    },
    ...scoped,
  })
  const base = changesBase(events, since, latest.state)
  if (!base?.contentHash) return { since, after, none: NONE[since] }

  const found = await findRevision(req, base, first.docs, versions, first.totalPages)
  const event = {
    type: base.type,
    label: EVENT_LABELS[base.type],
    actor: base.actorName ?? null,
    at: base.at,
  }
  const before: ComparedRevision = {
    versionId: found.version.id,
    state: found.version.version.state,
    stateLabel: STATE_LABELS[found.version.version.state],
    savedAt: found.version.updatedAt,
    contentHash: base.contentHash,
    event,
    references: found.references,
    matched: found.matched,
  }
  const diff = await renderPool().run('review-diff', {
    options: await renderOptions(req),
    before: found.content,
    after: afterContent,
  })
  return { since, after, before, diff }
}

type Version = { id: string | number; updatedAt: string; version: Article }
type Event = Pick<Review, 'at' | 'contentHash' | 'references'>

/**
 * The version an event concerns, and its content. With the references the event recorded, the
 * version whose content hashes to the event's hash (newest first); without a recorded copy
 * (events from before references were recorded), with the references' current data, which
 * matches when they have not changed since. When nothing matches, the version saved when the event
 * happened, with the current data (`references: 'current'`).
 */
async function findRevision(
  req: PayloadRequest,
  event: Event,
  firstPage: Version[],
  page: (n: number) => Promise<{ docs: Version[] }>,
  pages: number,
): Promise<{
  version: Version
  content: ArticleContent
  matched: boolean
  references: ComparedRevision['references']
}> {
  const recorded = recordedSchema.safeParse(event.references)
  const snapshot = recorded.success ? (recorded.data as CslItem[]) : undefined
  const current = new Map<string, CslItem>()
  const contentOf = async (version: Version): Promise<ArticleContent> => {
    const text = storedArticleContent({ ...version.version, citations: [] })
    if (snapshot) return { ...text, references: snapshot }
    const ids = (version.version.citations ?? []).map((c) =>
      String(typeof c === 'object' ? c.id : c),
    )
    const missing = ids.filter((citation) => !current.has(citation))
    for (const citation of await findCitations(req, missing)) {
      current.set(String(citation.id), fromStored(citation))
    }
    return { ...text, references: ids.flatMap((citation) => current.get(citation) ?? []) }
  }

  // Later actions (starting the review, comments) save versions with the same content, and the
  // action that recorded the event saved its version just after deciding (the event's time): of
  // the run of matching versions, the first saved at or after the event is the event's own.
  const at = Date.parse(event.at)
  const closer = (a: Version, b: Version | undefined) => {
    if (!b) return true
    const [ta, tb] = [Date.parse(a.updatedAt), Date.parse(b.updatedAt)]
    if (ta >= at) return tb < at || ta < tb
    return tb < at && ta > tb
  }
  let nearest: Version | undefined
  let match: { version: Version; content: ArticleContent } | undefined
  const last = Math.min(pages, MAX_VERSIONS / PAGE)
  scan: for (let n = 1, docs = firstPage; ; docs = (await page(n)).docs) {
    for (const version of docs) {
      if (closer(version, nearest)) nearest = version
      const content = await contentOf(version)
      if (contentHash(content) === event.contentHash) {
        if (closer(version, match?.version)) match = { version, content }
      } else if (match) break scan
    }
    if (++n > last) break
  }
  if (match) return { ...match, matched: true, references: snapshot ? 'recorded' : 'unchanged' }
  const version = nearest ?? firstPage[0]
  return {
    version,
    content: await contentOf(version),
    matched: false,
    references: snapshot ? 'recorded' : 'current',
  }
}
