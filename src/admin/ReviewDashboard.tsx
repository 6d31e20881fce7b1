import type { Payload, Where } from 'payload'

import type { Article, User } from '../../payload-types'
import { actorOf, reviewFactsOf } from '../../collections/Articles/workflow/facts'
import { overdueWhere } from '../content/queries'
import { hasRole, isStaff } from '../access/roles'
import { publishedApprovalProblem } from '../content/articleContent'
import { availableActions, statesWaitingFor } from '../workflow'
import { formatDate } from './dates'
import { StatePill } from './StatePill'

import './ReviewDashboard.scss'

const LIMIT = 50

interface Item {
  article: Pick<Article, 'id' | 'title' | 'state' | 'updatedAt' | 'reviewDue'>
  /** A short line under the title: why the article is listed. */
  detail: string
}

interface Section {
  key: string
  title: string
  description: string
  empty: string
  items: Item[]
  /** More matched than are listed. */
  more?: boolean
}

/**
 * The work waiting for the signed-in person, above Payload's dashboard: for reviewers what waits
 * for their review, for authors their articles and where each stands, for editors what is overdue
 * for re-review, waits for a reviewer, or is published but no longer matches its approval.
 * Everything is read as that person (`overrideAccess: false`).
 */
export async function ReviewDashboard({
  payload,
  user,
}: {
  payload: Payload
  user?: (User & { collection?: string }) | null
}) {
  if (!user || (user.collection && user.collection !== 'users')) return null
  const as = { overrideAccess: false, user } as const
  const actor = actorOf(user)
  const now = new Date()
  const latest = (where: Where, sort: string) =>
    payload.find({
      collection: 'articles',
      draft: true,
      where,
      sort,
      depth: 0,
      limit: LIMIT,
      ...as,
    })
  const sections: Section[] = []

  if (hasRole(user, 'reviewer')) {
    const [submitted, mine] = await Promise.all([
      latest({ state: { in: statesWaitingFor('board') } }, 'updatedAt'),
      latest(
        {
          and: [
            { state: { in: statesWaitingFor('reviewer') } },
            { reviewers: { contains: user.id } },
          ],
        },
        'updatedAt',
      ),
    ])
    // Those the workflow would let this person start reviewing (not theirs, not someone else's).
    const claimable = submitted.docs.filter((doc) =>
      availableActions(reviewFactsOf(doc, false), actor).includes('start_review'),
    )
    sections.push({
      key: 'review',
      title: 'Waiting for my review',
      description: 'Submitted articles you did not write, and reviews you have started.',
      empty: 'Nothing is waiting for your review.',
      items: [
        ...mine.docs.map((article) => ({
          article,
          detail: `You are reviewing it · updated ${formatDate(article.updatedAt)}`,
        })),
        ...claimable.map((article) => ({
          article,
          detail: `Submitted · waiting since ${formatDate(article.updatedAt)}`,
        })),
      ],
      more: submitted.hasNextPage || mine.hasNextPage,
    })
  }

  if (hasRole(user, 'author')) {
    const mine = await latest({ authors: { contains: user.id } }, '-updatedAt')
    sections.push({
      key: 'mine',
      title: 'My articles',
      description: 'Articles you are an author of, most recently changed first.',
      empty: 'You have not written any articles yet.',
      items: mine.docs.map((article) => ({
        article,
        detail: `Updated ${formatDate(article.updatedAt)}`,
      })),
      more: mine.hasNextPage,
    })
  }

  if (isStaff(user)) {
    const [overdue, waiting, published] = await Promise.all([
      payload.find({
        collection: 'articles',
        where: overdueWhere(now),
        sort: 'reviewDue',
        depth: 0,
        limit: LIMIT,
        ...as,
      }),
      latest({ state: { in: statesWaitingFor('board') } }, 'updatedAt'),
      // The approval check needs the cited references' data (depth 1).
      payload.find({
        collection: 'articles',
        where: { _status: { equals: 'published' } },
        depth: 1,
        pagination: false,
        ...as,
      }),
    ])
    sections.push({
      key: 'overdue',
      title: 'Overdue for re-review',
      description: 'Published articles whose review date has passed.',
      empty: 'No published article is overdue for re-review.',
      items: overdue.docs.map((article) => ({
        article,
        detail: `Review was due ${formatDate(article.reviewDue)}`,
      })),
      more: overdue.hasNextPage,
    })
    sections.push({
      key: 'unassigned',
      title: 'Submitted, waiting for a reviewer',
      description: 'Assign a board member from the article’s review panel.',
      empty: 'No submitted article is waiting for a reviewer.',
      items: waiting.docs
        .filter((doc) => (doc.reviewers ?? []).length === 0)
        .map((article) => ({
          article,
          detail: `Submitted · waiting since ${formatDate(article.updatedAt)}`,
        })),
      more: waiting.hasNextPage,
    })
    const mismatched = published.docs.filter((doc) => publishedApprovalProblem(doc) !== undefined)
    if (mismatched.length) {
      sections.push({
        key: 'mismatch',
        title: 'Published but no longer matching its approval',
        description:
          'A cited reference (or the article) changed after approval: the site will not republish it until it is reviewed again.',
        empty: '',
        items: mismatched.map((article) => ({
          article,
          detail: 'Changed since approval: needs a new review',
        })),
      })
    }
  }

  if (!sections.length) return null
  const admin = payload.config.routes.admin
  return (
    <section className="review-dashboard" aria-label="Your review work">
      {sections.map((section) => (
        <section
          key={section.key}
          className="review-dashboard__card"
          aria-labelledby={`review-dashboard-${section.key}`}
          data-testid={`dashboard-${section.key}`}
        >
          <h2 id={`review-dashboard-${section.key}`} className="review-dashboard__title">
            {section.title}
            <span className="review-dashboard__count">{section.items.length}</span>
          </h2>
          <p className="review-dashboard__description">{section.description}</p>
          {section.items.length ? (
            <ul className="review-dashboard__list">
              {section.items.map(({ article, detail }) => (
                <li key={article.id} className="review-dashboard__item">
                  <a href={`${admin}/collections/articles/${article.id}`}>{article.title}</a>
                  <span className="review-dashboard__meta">
                    <StatePill state={article.state} /> {detail}
                  </span>
                </li>
              ))}
            </ul>
          ) : (
            <p className="review-dashboard__empty">{section.empty}</p>
          )}
          {section.more ? (
            <p className="review-dashboard__more">
              <a href={`${admin}/collections/articles`}>See all articles</a>
            </p>
          ) : null}
        </section>
      ))}
    </section>
  )
}
