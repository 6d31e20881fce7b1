import type { EventType } from '../workflow'

/** An email to send: one message, possibly to several people. */
export interface Notice {
  to: string[]
  subject: string
  text: string
}

export interface NoticeArticle {
  title: string
  slug: string
  /** Where the article is edited in the admin. */
  adminUrl: string
  /** Where readers find it (for approvals). */
  publicUrl: string
}

interface Person {
  email: string
  name: string
}

const signature = '\n\n— The editorial review platform'

/**
 * Who is told about a workflow event, and what they read. Board members hear of submissions;
 * authors hear of requested changes and approvals. The person who acted is never told of their
 * own action. Other events notify nobody (undefined).
 */
export function workflowNotice(
  event: { type: EventType; comment?: string | null; actorEmail?: string },
  article: NoticeArticle,
  people: { authors: Person[]; board: Person[] },
): Notice | undefined {
  const others = (list: Person[]) =>
    [...new Set(list.map((p) => p.email))].filter((e) => e && e !== event.actorEmail)
  const comment = event.comment?.trim() ? `\n\nThe reviewer wrote:\n\n${event.comment.trim()}` : ''
  switch (event.type) {
    case 'submit': {
      const to = others(people.board)
      return to.length
        ? {
            to,
            subject: `Review requested: ${article.title}`,
            text:
              `"${article.title}" was submitted for review by the Medical Advisory Board.\n\n` +
              `Open it to start the review: ${article.adminUrl}` +
              signature,
          }
        : undefined
    }
    case 'request_changes': {
      const to = others(people.authors)
      return to.length
        ? {
            to,
            subject: `Changes requested: ${article.title}`,
            text:
              `A reviewer asked for changes to "${article.title}".${comment}\n\n` +
              `Revise it and submit it again: ${article.adminUrl}` +
              signature,
          }
        : undefined
    }
    case 'approve': {
      const to = others(people.authors)
      return to.length
        ? {
            to,
            subject: `Approved: ${article.title}`,
            text:
              `"${article.title}" was approved by the Medical Advisory Board and is being published.${comment}\n\n` +
              `Readers will find it at ${article.publicUrl}` +
              signature,
          }
        : undefined
    }
    default:
      return undefined
  }
}

/** The note editors get when approved articles pass their re-review date. */
export function overdueNotice(
  editors: Person[],
  articles: { title: string; reviewDue: string; adminUrl: string }[],
): Notice | undefined {
  const to = [...new Set(editors.map((e) => e.email))]
  if (!to.length || !articles.length) return undefined
  const lines = articles.map((a) => `- ${a.title} (due ${a.reviewDue.slice(0, 10)}): ${a.adminUrl}`)
  return {
    to,
    subject:
      articles.length === 1
        ? `Overdue for re-review: ${articles[0]!.title}`
        : `${articles.length} articles are overdue for re-review`,
    text:
      `These approved articles have passed their re-review date. Readers now see a notice that the review is overdue.\n\n` +
      `${lines.join('\n')}\n\nAssign a board member to review each again.` +
      signature,
  }
}

/**
 * The note a person mentioned in a review comment gets: who mentioned them, the passage, and the
 * comment, with the link to the article. Sent only to people who may read the draft
 * (`notifiesMention` in src/comments).
 */
export function mentionNotice(
  to: string[],
  writer: string,
  article: NoticeArticle,
  comment: { quote?: string; body: string },
): Notice | undefined {
  if (!to.length) return undefined
  const quote = comment.quote
    ? `\n\nOn the passage:\n\n> ${comment.quote.replace(/\n/g, '\n> ')}`
    : ''
  return {
    to,
    subject: `${writer} mentioned you: ${article.title}`,
    text:
      `${writer} mentioned you in a review comment on "${article.title}".${quote}\n\n` +
      `${comment.body}\n\nOpen the article to reply: ${article.adminUrl}` +
      signature,
  }
}
