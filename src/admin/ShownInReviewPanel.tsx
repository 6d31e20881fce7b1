/**
 * The edit view's component for fields the review panel already shows in words (state, reviewers,
 * review due, approval record): they stay in the list view, its columns and filters, and in the
 * API, but are not repeated in the sidebar.
 */
export function ShownInReviewPanel() {
  return null
}
