import type { PayloadRequest } from 'payload'

import type { Article } from '../../../payload-types'
import { storedArticleContent } from '../../../src/content/articleContent'
import { articleProblems } from '../../../src/content/articleChecks'
import { renderOptions } from '../../../src/content/renderOptions'
import {
  actionChoices,
  CONTENT_LOCKED,
  COMMENT_REQUIRED_ACTIONS,
  type ContentProblem,
  EVENT_LABELS,
  isOverdue,
  isStaff,
  mayReview,
  mayVerifyReferences,
  REFERENCE_POLICY_LABELS,
  referenceVerdict,
  type ReferencePolicy,
  type RefusalReason,
  STATE_LABELS,
  type TrackerStep,
  trackerSteps,
  WAITING_FOR,
  type WorkflowAction,
  type WorkflowState,
} from '../../../src/workflow'
import { refId } from '../../../src/content/paging'
import { publicLink, type PreviewLinkSummary } from '../../PreviewLinks/summary'
import { actorOf, factsOf, referenceCheckOf, revisionHash } from './facts'

export interface WorkflowStatus {
  id: Article['id']
  state: WorkflowState
  stateLabel: string
  tracker: TrackerStep[]
  /** Hash of the latest revision: what an approval now would bind to. */
  contentHash: string
  /** Actions this user may take now, with their labels and whether they need a comment. */
  actions: { action: WorkflowAction; label: string; needsComment: boolean }[]
  /** Every other action, with the workflow's structured reason and its words. */
  unavailable: { action: WorkflowAction; label: string; because: RefusalReason; reason: string }[]
  /** Who the article waits for now (see the workflow's `WAITING_FOR`). */
  waitingFor: (typeof WAITING_FOR)[WorkflowState]
  /** Its content cannot be saved in this state (see `CONTENT_LOCKED`). */
  locked: boolean
  reviewers: { id: string | number; name: string }[]
  /**
   * For staff who may start the review: the board members the workflow would let review it
   * (reviewers who did not write it), for the assignment choice.
   */
  assignable?: { id: string | number; name: string }[]
  published: boolean
  approval?: { hash: string; by?: string; at?: string; reviewDue?: string; overdue: boolean }
  /** The published revision no longer matches its approval (a cited reference changed, or tampering). */
  stale: boolean
  /** The latest revision differs from the approved one: changes not yet reviewed. */
  unreviewedChanges: boolean
  problems: ContentProblem[]
  /** The revision's references and their verification, as approval's reference rule sees them. */
  references: {
    policy: ReferencePolicy
    policyLabel: string
    items: {
      id: string | number
      key: string
      title: string
      verified: boolean
      verifiedBy?: string
      verifiedAt?: string
    }[]
    /** Why the reference rule would refuse an approval now (`referenceVerdict`), if it would. */
    blocking?: string
    /** This user may tick references as verified (`mayVerifyReferences`). */
    mayVerify: boolean
  }
  /** For staff: the preview links made for this article, newest first (`publicLink`). */
  previewLinks?: PreviewLinkSummary[]
  history: {
    id: string | number
    type: string
    label: string
    at: string
    actor?: string
    /** For someone without an account: how they are known (an email, the link they used). */
    visitor?: string
    /** start_review: the reviewer who holds the review (assigned by an editor, or self). */
    assignee?: string
    from?: string | null
    to?: string | null
    comment?: string | null
  }[]
}

const nameOf = (ref: unknown) =>
  typeof ref === 'object' && ref ? (ref as { name?: string }).name : undefined

/**
 * Where an article stands in review, for the person asking: what the admin's workflow panel shows
 * (tracker, buttons, content problems, stale approval, history). Reads as that person. Every
 * decision in it is the workflow's: which actions, why not, who it waits for, whom it may assign.
 */
export async function workflowStatus(
  req: PayloadRequest,
  id: string | number,
  now = new Date(),
): Promise<WorkflowStatus | undefined> {
  const user = req.user?.collection === 'users' ? req.user : undefined
  if (!user) return undefined
  const read = { collection: 'articles' as const, id, depth: 1, req, overrideAccess: false, user }
  const latest = await req.payload.findByID({ ...read, draft: true }).catch(() => undefined)
  if (!latest) return undefined
  const published = await req.payload.findByID(read).then(
    (doc) => (doc._status === 'published' ? doc : undefined),
    () => undefined,
  )
  const hash = revisionHash(latest)
  const facts = factsOf(latest, Boolean(published), hash)
  const actor = actorOf(user)
  const choices = actionChoices(facts, actor)
  const offered = (action: WorkflowAction) =>
    choices.some((c) => c.action === action && c.refusal === null)
  const events = await req.payload.find({
    collection: 'reviews',
    where: { article: { equals: latest.id } },
    sort: 'at',
    depth: 1,
    pagination: false,
    req,
    overrideAccess: false,
    user,
    select: {
      type: true,
      at: true,
      actor: true,
      actorName: true,
      actorCredentials: true,
      assignee: true,
      from: true,
      to: true,
      comment: true,
    },
  })
  let assignable: WorkflowStatus['assignable']
  if (offered('start_review') && isStaff(actor)) {
    const board = await req.payload.find({
      collection: 'users',
      where: { roles: { contains: 'reviewer' } },
      sort: 'name',
      depth: 0,
      limit: 500,
      req,
      overrideAccess: false,
      user,
      select: { name: true, roles: true },
    })
    assignable = board.docs
      .filter((person) => mayReview(facts, actorOf(person)))
      .map((person) => ({ id: person.id, name: person.name }))
  }
  const approval = published?.approval?.hash ? published.approval : undefined
  const settings = await req.payload.findGlobal({ slug: 'site-settings', depth: 0, req })
  const previewLinks = isStaff(actor)
    ? (
        await req.payload.find({
          collection: 'preview-links',
          where: { article: { equals: latest.id } },
          sort: '-createdAt',
          limit: 20,
          depth: 0,
          req,
        })
      ).docs.map(publicLink)
    : undefined
  const check = referenceCheckOf(latest, settings.referencePolicy)
  const verdict = referenceVerdict(check)
  const cited = (latest.citations ?? []).filter((c) => typeof c === 'object' && c !== null)
  // The verifiers' names: read at depth 1, a citation's verifier is an id.
  const verifierIds = [
    ...new Set(cited.flatMap((c) => (c.verifiedBy ? [refId(c.verifiedBy)] : []))),
  ]
  const verifiers = new Map(
    verifierIds.length
      ? (
          await req.payload.find({
            collection: 'users',
            where: { id: { in: verifierIds } },
            depth: 0,
            pagination: false,
            req,
            select: { name: true },
          })
        ).docs.map((u) => [String(u.id), u.name])
      : [],
  )
  return {
    id: latest.id,
    state: latest.state,
    stateLabel: STATE_LABELS[latest.state],
    tracker: trackerSteps(latest.state),
    contentHash: hash,
    actions: choices
      .filter((c) => c.refusal === null)
      .map(({ action, label }) => ({
        action,
        label,
        needsComment: COMMENT_REQUIRED_ACTIONS.includes(action),
      })),
    unavailable: choices.flatMap(({ action, label, refusal }) =>
      refusal ? [{ action, label, because: refusal.because, reason: refusal.reason }] : [],
    ),
    waitingFor: WAITING_FOR[latest.state],
    locked: CONTENT_LOCKED[latest.state],
    reviewers: (latest.reviewers ?? []).flatMap((r) =>
      typeof r === 'object' ? [{ id: r.id, name: r.name }] : [],
    ),
    ...(assignable ? { assignable } : {}),
    published: Boolean(published),
    approval: approval
      ? {
          hash: approval.hash!,
          by: nameOf(approval.approvedBy),
          at: approval.approvedAt ?? undefined,
          reviewDue: published?.reviewDue ?? undefined,
          overdue: isOverdue(published?.reviewDue, now),
        }
      : undefined,
    stale: Boolean(published && approval && revisionHash(published) !== approval.hash),
    unreviewedChanges: Boolean(approval && hash !== approval.hash),
    problems: await articleProblems(storedArticleContent(latest), await renderOptions(req)),
    references: {
      policy: check.policy,
      policyLabel: REFERENCE_POLICY_LABELS[check.policy],
      items: cited.map((c) => ({
        id: c.id,
        key: c.key,
        title: c.title,
        verified: Boolean(c.verified),
        verifiedBy: c.verifiedBy ? verifiers.get(refId(c.verifiedBy)) : undefined,
        verifiedAt: c.verifiedAt ?? undefined,
      })),
      blocking: verdict.ok ? undefined : verdict.reason,
      mayVerify: mayVerifyReferences(actor),
    },
    ...(previewLinks ? { previewLinks } : {}),
    history: events.docs.map((e) => ({
      id: e.id,
      type: e.type,
      label: EVENT_LABELS[e.type],
      at: e.at,
      // Someone without an account (a preview link's visitor) is known by the name they gave.
      actor: nameOf(e.actor) ?? e.actorName ?? undefined,
      visitor: e.actor ? undefined : (e.actorCredentials ?? undefined),
      assignee: nameOf(e.assignee),
      from: e.from,
      to: e.to,
      comment: e.comment,
    })),
  }
}
