/**
 * What may be deleted without changing the record. A medical publisher's history must never
 * change: who submitted, reviewed and approved what, and when, stays true for as long as the
 * platform runs. So a record the audit trail points at is kept; people leave by being deactivated.
 */

/** Why a deletion is refused, for programs (`because`) and for people (`reason`). */
export interface RetentionRefusal {
  because: 'published_delete' | 'has_history' | 'in_audit_trail'
  reason: string
}

/** How much of the record points at a person. */
export interface PersonRecordUse {
  /** Review events the person acted in or was assigned by. */
  events: number
  /** Articles (any revision) the person approved, wrote or was assigned to review. */
  articles: number
}

/** A person who appears in the record is deactivated, never deleted. */
export function personDeletionRefusal(use: PersonRecordUse): RetentionRefusal | undefined {
  if (use.events === 0 && use.articles === 0) return undefined
  const parts = [
    use.events ? `${use.events} review event(s)` : '',
    use.articles ? `${use.articles} article(s) as author, reviewer or approver` : '',
  ].filter(Boolean)
  return {
    because: 'in_audit_trail',
    reason: `This person appears in the review record (${parts.join(' and ')}), which never changes: deactivate the account instead of deleting it.`,
  }
}

/** What the record holds about an article someone asks to delete. */
export interface ArticleRecordUse {
  /** An approved revision is live on the site. */
  published: boolean
  /** Review events about the article. */
  events: number
}

/**
 * A published article is unpublished first (so readers are told why); an article with a review
 * history is kept, since its events would lose what they are about. A draft nobody acted on may go.
 */
export function articleDeletionRefusal(use: ArticleRecordUse): RetentionRefusal | undefined {
  if (use.published) {
    return {
      because: 'published_delete',
      reason: 'This article is published: unpublish it (an editor action) before deleting it.',
    }
  }
  if (use.events > 0) {
    return {
      because: 'has_history',
      reason: `This article has a review history (${use.events} event(s)), which never changes: it cannot be deleted. Unpublished, it stays off the site.`,
    }
  }
  return undefined
}
