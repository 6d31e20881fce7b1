import type { WorkflowState } from './model'

/** Why a published revision may not be shown to readers as it stands. */
export type ApprovalProblem =
  | { because: 'no_approval'; reason: string }
  | { because: 'changed_after_approval'; reason: string; actualHash: string; approvedHash: string }

/**
 * The rule that binds what readers see to what a reviewer approved: a published revision must be
 * `approved` with an approval record, and its content (with the current data of its cited
 * references) must hash to the approved hash. A mismatch means it changed behind the workflow's
 * back, or a cited reference changed since approval: either way nobody approved what readers
 * would see. Undefined when the revision is exactly what was approved.
 */
export function approvalProblem(
  published: { state: WorkflowState; approvedHash?: string | null },
  actualHash: string,
): ApprovalProblem | undefined {
  const { state, approvedHash } = published
  if (state !== 'approved' || !approvedHash) {
    return {
      because: 'no_approval',
      reason: `it is published but has no approval record (state "${state}")`,
    }
  }
  if (actualHash !== approvedHash) {
    return {
      because: 'changed_after_approval',
      reason: `its content differs from the approved revision (hash ${actualHash.slice(0, 12)}… is not the approved ${approvedHash.slice(0, 12)}…): it changed after approval, or a cited reference did`,
      actualHash,
      approvedHash,
    }
  }
  return undefined
}
