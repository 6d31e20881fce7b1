import { createHash, randomBytes, scryptSync, timingSafeEqual } from 'node:crypto'

import { toHtml } from 'hast-util-to-html'
import { h } from 'hastscript'
import type { Endpoint, PayloadRequest } from 'payload'
import { z } from 'zod'

import type { Article, PreviewLink } from '../../payload-types'
import { appendEvent, appendVisitorEvent } from '../../src/content/auditTrail'
import { refId } from '../../src/content/paging'
import { siteUrl } from '../../src/config/env'
import { lockArticle } from '../../src/config/locks'
import { runInTransaction } from '../../src/config/transactions'
import { budgetProblem } from '../../src/render'
import { SITE_PATHS } from '../../src/site/format'
import {
  isStaff,
  MAX_COMMENT_LENGTH,
  type PasswordGiven,
  PREVIEW_LINK_LIMITS,
  previewLinkAccess,
  previewLinkExpiry,
  type Role,
} from '../../src/workflow'
import { renderPreviewPage } from '../Articles/endpoints/pagePreview'
import { personRef } from '../../src/publish/people'
import { publicLink } from './summary'
import { readBody, refusal } from '../Articles/endpoints/respond'
import { revisionHash } from '../Articles/workflow/facts'

/** Where a link opens: the API path of `openLinkEndpoints`. */
export const OPEN_PATH = '/api/preview-links/open'

const tokenHash = (token: string) => createHash('sha256').update(token).digest('hex')

function hashPassword(password: string): string {
  const salt = randomBytes(16)
  return `${salt.toString('hex')}:${scryptSync(password, salt, 32).toString('hex')}`
}

function passwordMatches(stored: string, given: string): boolean {
  const [salt, hash] = stored.split(':')
  if (!salt || !hash) return false
  const expected = Buffer.from(hash, 'hex')
  const actual = scryptSync(given, Buffer.from(salt, 'hex'), expected.length)
  return timingSafeEqual(expected, actual)
}

const staffOf = (req: PayloadRequest) =>
  req.user?.collection === 'users' &&
  isStaff({ id: req.user.id, roles: (req.user.roles ?? []) as Role[] })
    ? req.user
    : undefined

const { days, uses, passwordLength } = PREVIEW_LINK_LIMITS
export const createLinkSchema = z.strictObject({
  article: z.union([z.string().min(1), z.number()]),
  recipient: z.string().trim().min(1, 'say who the link is for').max(200),
  days: z.number().int().min(days.min).max(days.max).default(days.default),
  password: z.string().min(passwordLength.min).max(passwordLength.max).optional(),
  maxUses: z.number().int().min(uses.min).max(uses.max).optional(),
})

/**
 * `POST /api/preview-links/new` with `{ article, recipient, days?, password?, maxUses? }`, by an
 * editor: a link to the article's current revision. Answers the link's address once (only its
 * hash is kept) and records the sharing in the article's audit trail.
 */
export const createLinkEndpoint: Endpoint = {
  path: '/new',
  method: 'post',
  handler: async (req) => {
    const user = staffOf(req)
    if (!user) return refusal(403, 'Only an editor can share a preview link.')
    const body = await readBody(req, createLinkSchema, '{ "article": 1, "recipient": "…" }')
    if (!body.ok) return body.response
    const input = body.data
    return runInTransaction(req, async () => {
      await lockArticle(req, input.article)
      const latest = await req.payload
        .findByID({ collection: 'articles', id: input.article, draft: true, depth: 1, req })
        .catch(() => undefined)
      if (!latest) return refusal(404, `There is no article ${input.article}`)
      const [version] = (
        await req.payload.findVersions({
          collection: 'articles',
          where: { parent: { equals: latest.id } },
          sort: '-updatedAt',
          limit: 1,
          depth: 0,
          req,
        })
      ).docs
      if (!version) return refusal(409, 'This article has no saved revision to show yet.')
      const token = randomBytes(32).toString('base64url')
      const now = new Date()
      const expiresAt = previewLinkExpiry(now, input.days)
      const hash = revisionHash(latest)
      const link = await req.payload.create({
        collection: 'preview-links',
        data: {
          article: latest.id,
          version: String(version.id),
          contentHash: hash,
          recipient: input.recipient,
          tokenHash: tokenHash(token),
          passwordHash: input.password ? hashPassword(input.password) : null,
          hasPassword: Boolean(input.password),
          expiresAt: expiresAt.toISOString(),
          maxUses: input.maxUses ?? null,
          uses: 0,
          createdBy: user.id,
        },
        depth: 0,
        req,
      })
      const terms = [
        `until ${expiresAt.toISOString().slice(0, 16).replace('T', ' ')} UTC`,
        input.password ? 'with a password' : undefined,
        input.maxUses
          ? `at most ${input.maxUses} opening${input.maxUses === 1 ? '' : 's'}`
          : undefined,
      ].filter(Boolean)
      await appendEvent(req, latest.id, {
        type: 'preview_link_created',
        actorId: user.id,
        at: now,
        from: latest.state,
        to: latest.state,
        contentHash: hash,
        comment: `For ${input.recipient}, ${terms.join(', ')}.`,
      })
      return Response.json(
        { url: `${siteUrl()}${OPEN_PATH}/${token}`, link: publicLink(link) },
        { status: 201 },
      )
    })
  },
}

/** `POST /api/preview-links/:id/revoke`, by an editor: the link stops working at once. */
export const revokeLinkEndpoint: Endpoint = {
  path: '/:id/revoke',
  method: 'post',
  handler: async (req) => {
    const user = staffOf(req)
    if (!user) return refusal(403, 'Only an editor can withdraw a preview link.')
    const id = String(req.routeParams?.id)
    return runInTransaction(req, async () => {
      const link = await req.payload
        .findByID({ collection: 'preview-links', id, depth: 0, req })
        .catch(() => undefined)
      if (!link) return refusal(404, `There is no preview link ${id}`)
      if (link.revokedAt) return Response.json({ link: publicLink(link) })
      await lockArticle(req, refId(link.article))
      const now = new Date()
      const revoked = await req.payload.update({
        collection: 'preview-links',
        id: link.id,
        data: { revokedAt: now.toISOString() },
        depth: 0,
        req,
      })
      const article = await articleOf(req, link)
      await appendEvent(req, article.id, {
        type: 'preview_link_revoked',
        actorId: user.id,
        at: now,
        from: article.state,
        to: article.state,
        contentHash: link.contentHash,
        comment: `The link for ${link.recipient} no longer opens.`,
      })
      return Response.json({ link: publicLink(revoked) })
    })
  },
}

const articleOf = (req: PayloadRequest, link: PreviewLink): Promise<Article> =>
  req.payload.findByID({
    collection: 'articles',
    id: refId(link.article),
    draft: true,
    depth: 0,
    req,
  })

const commentSchema = z.object({
  name: z.string().trim().min(1, 'give your name').max(200),
  email: z.email('give an email address the editor can answer'),
  comment: z.string().trim().min(1, 'write a comment').max(MAX_COMMENT_LENGTH),
})

/**
 * `GET /api/preview-links/open/:token` and `POST` (a form: `password`, and `intent=comment` with
 * `name`, `email`, `comment`): the page of the link's revision as readers would see it, with a
 * comment form under it. Opening counts against the link's use limit and is recorded in the
 * audit trail under the link's recipient; a comment is recorded under the name and email given,
 * for the editors. A link that is withdrawn, expired or used up answers 410; a protected one asks
 * for its password (401, or 403 when wrong). Nothing else is reachable: no session is made.
 */
export const openLinkEndpoints: Endpoint[] = (['get', 'post'] as const).map((method) => ({
  path: '/open/:token',
  method,
  handler: async (req: PayloadRequest) => {
    const token = String(req.routeParams?.token ?? '')
    const form = method === 'post' ? await readForm(req) : new URLSearchParams()
    if (!form) return page(413, 'Too long', [h('p', 'What you sent is too long.')])
    return runInTransaction(req, async () => {
      const [found] = (
        await req.payload.find({
          collection: 'preview-links',
          where: { tokenHash: { equals: tokenHash(token) } },
          depth: 0,
          limit: 1,
          req,
          showHiddenFields: true,
        })
      ).docs
      if (!found) {
        return page(404, 'No such preview', [
          h('p', 'This preview link does not exist. Check the address the editor sent you.'),
        ])
      }
      await lockArticle(req, refId(found.article))
      // Read again under the article's lock: two openings of the last allowed use take turns.
      const link = await req.payload.findByID({
        collection: 'preview-links',
        id: found.id,
        depth: 0,
        req,
        showHiddenFields: true,
      })
      const given = form.get('password')
      const password: PasswordGiven =
        given === null || given === ''
          ? 'none'
          : link.passwordHash && passwordMatches(link.passwordHash, given)
            ? 'right'
            : 'wrong'
      const decision = previewLinkAccess(
        {
          expiresAt: new Date(link.expiresAt),
          revokedAt: link.revokedAt ? new Date(link.revokedAt) : null,
          maxUses: link.maxUses,
          uses: link.uses,
          hasPassword: Boolean(link.hasPassword),
        },
        password,
        new Date(),
      )
      if (!decision.ok) {
        const asks =
          decision.because === 'password_required' || decision.because === 'password_wrong'
        return page(decision.status, 'Preview', [
          h(
            'p',
            { role: asks && decision.because === 'password_wrong' ? 'alert' : undefined },
            decision.reason,
          ),
          ...(asks ? [passwordForm(token)] : []),
        ])
      }
      const article = await articleOf(req, link)
      const now = new Date()
      if (form.get('intent') === 'comment') {
        const parsed = commentSchema.safeParse(Object.fromEntries(form))
        if (!parsed.success) {
          return page(400, 'Comment not sent', [
            h(
              'p',
              { role: 'alert' },
              `Not sent: ${parsed.error.issues.map((i) => i.message).join('; ')}.`,
            ),
            h('p', 'Go back to the preview to correct it; what you wrote is still there.'),
          ])
        }
        await appendVisitorEvent(
          req,
          article.id,
          {
            type: 'preview_comment',
            at: now,
            from: article.state,
            to: article.state,
            contentHash: link.contentHash,
            comment: parsed.data.comment,
          },
          {
            name: parsed.data.name,
            detail: `${parsed.data.email}, through the preview link for ${link.recipient}`,
          },
        )
        return page(200, 'Thank you', [
          h('p', 'Thank you: your comment was sent to the editors of this article.'),
        ])
      }
      const version = await req.payload.findVersionByID({
        collection: 'articles',
        id: link.version,
        depth: 0,
        req,
      })
      const revision = version.version as unknown as Article
      // A link made to the approved, live revision shows it as approved, not as pending review.
      const live = await req.payload
        .findByID({ collection: 'articles', id: article.id, depth: 1, req })
        .catch(() => undefined)
      const approver = live?.approval?.approvedBy
      const approval =
        live?._status === 'published' &&
        live.approval?.hash === link.contentHash &&
        live.approval.approvedAt &&
        typeof approver === 'object' &&
        approver !== null
          ? {
              at: live.approval.approvedAt,
              by: personRef(approver),
              reviewDue: live.reviewDue ?? undefined,
            }
          : undefined
      let html: string
      try {
        html = await renderPreviewPage(
          req,
          {
            id: article.id,
            title: revision.title,
            summary: revision.summary,
            topics: revision.topics,
            body: revision.body,
            variants: revision.variants,
            citations: (revision.citations ?? []).map(refId),
            authors: (revision.authors ?? []).map(refId),
          },
          undefined,
          approval,
        )
      } catch (error) {
        const problem = budgetProblem(error)
        if (!problem) throw error
        return page(422, 'Preview', [h('p', `This revision cannot be shown: ${problem.message}`)])
      }
      await req.payload.update({
        collection: 'preview-links',
        id: link.id,
        data: { uses: link.uses + 1 },
        depth: 0,
        req,
      })
      await appendVisitorEvent(
        req,
        article.id,
        {
          type: 'preview_opened',
          at: now,
          from: article.state,
          to: article.state,
          contentHash: link.contentHash,
        },
        { name: link.recipient, detail: 'through a preview link' },
      )
      const form_ = toHtml(commentForm(token, password === 'right' ? given! : undefined))
      // Under the article, in the page's own column and look.
      const end = html.lastIndexOf('</article>')
      const withForm =
        end === -1
          ? html.replace('</main>', `${form_}</main>`)
          : html.slice(0, end) + form_ + html.slice(end)
      return new Response(withForm, { headers: HTML_HEADERS })
    })
  },
}))

const HTML_HEADERS = {
  'Content-Type': 'text/html; charset=utf-8',
  'Cache-Control': 'no-store',
  'X-Robots-Tag': 'noindex',
  'Referrer-Policy': 'no-referrer',
}

/** A posted form, or undefined when it is larger than a comment could be. */
async function readForm(req: PayloadRequest): Promise<URLSearchParams | undefined> {
  const text = (await req.text?.()) ?? ''
  if (text.length > MAX_COMMENT_LENGTH * 4) return undefined
  return new URLSearchParams(text)
}

function passwordForm(token: string) {
  return h('form', { method: 'post', action: `${OPEN_PATH}/${token}` }, [
    h('label', { for: 'preview-password' }, 'Password'),
    ' ',
    h('input', {
      id: 'preview-password',
      name: 'password',
      type: 'password',
      required: true,
      autocomplete: 'current-password',
    }),
    ' ',
    h('button', { type: 'submit' }, 'Open the preview'),
  ])
}

function commentForm(token: string, password?: string) {
  const field = (id: string, label: string, input: Record<string, unknown>) =>
    h('p', [
      h('label', { for: id }, label),
      h('br'),
      h(input.rows ? 'textarea' : 'input', { id, ...input }),
    ])
  return h('section', { class: 'follow-up', 'aria-labelledby': 'preview-comment-heading' }, [
    h('h2', { id: 'preview-comment-heading' }, 'Comment on this draft'),
    h(
      'p',
      'Your comment goes to the editors of this article with your name and email; it is not published.',
    ),
    h('form', { class: 'question-form', method: 'post', action: `${OPEN_PATH}/${token}` }, [
      h('input', { type: 'hidden', name: 'intent', value: 'comment' }),
      ...(password ? [h('input', { type: 'hidden', name: 'password', value: password })] : []),
      field('preview-name', 'Your name', {
        name: 'name',
        type: 'text',
        required: true,
        autocomplete: 'name',
        maxlength: 200,
      }),
      field('preview-email', 'Your email', {
        name: 'email',
        type: 'email',
        required: true,
        autocomplete: 'email',
      }),
      field('preview-text', 'Comment', {
        name: 'comment',
        required: true,
        rows: 6,
        maxlength: MAX_COMMENT_LENGTH,
      }),
      h('p', [h('button', { type: 'submit', class: 'button' }, 'Send comment')]),
    ]),
  ])
}

/** A small page in the site's look: a refusal, the password form, a thank-you. */
function page(status: number, title: string, content: ReturnType<typeof h>[]): Response {
  const html = toHtml(
    h(null, [
      { type: 'doctype' },
      h('html', { lang: 'en' }, [
        h('head', [
          h('meta', { charset: 'utf-8' }),
          h('meta', { name: 'viewport', content: 'width=device-width, initial-scale=1' }),
          h('meta', { name: 'robots', content: 'noindex' }),
          h('title', title),
          h('link', { rel: 'stylesheet', href: SITE_PATHS.stylesheet }),
        ]),
        h('body', [h('main', { class: 'preview-link' }, [h('h1', title), ...content])]),
      ]),
    ]),
  )
  return new Response(html, { status, headers: HTML_HEADERS })
}
