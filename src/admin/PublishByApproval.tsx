'use client'
import './PublishByApproval.scss'

/**
 * Stands where Payload's "Publish changes" button would be: articles are saved as drafts and
 * published only when a reviewer approves them (the server refuses any other publishing).
 */
export function PublishByApproval() {
  return <span className="publish-by-approval">Published when the advisory board approves it</span>
}

/** Stands for Payload's "Unpublish" menu item: editors unpublish from the review panel. */
export function NoUnpublishButton() {
  return null
}
