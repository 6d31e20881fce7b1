import type { ReferenceCheck, WorkflowState } from './model'

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

/** What the reference rule says about approving now: nothing, a refusal, or warnings. */
export type ReferenceVerdict =
  { ok: true; warnings: { key: string; message: string }[] } | { ok: false; reason: string }

/**
 * The rule for approving with unverified references. Under `require-verified` an approval is
 * refused while any reference of the revision is unverified, naming them; under `warn` it goes
 * ahead with one warning per unverified reference. A reference's verification is voided when its
 * data changes, so "verified" always means "checked as it now reads".
 */
export function referenceVerdict(check: ReferenceCheck): ReferenceVerdict {
  const unverified = check.keys.filter((key) => check.unverified.includes(key))
  if (check.policy === 'require-verified' && unverified.length) {
    return {
      ok: false,
      reason: `Verify every reference before approving: ${unverified.length} of ${check.keys.length} ${unverified.length === 1 ? 'is' : 'are'} not verified (${unverified.map((k) => `[@${k}]`).join(', ')}). Check each against its source and tick it in the review panel.`,
    }
  }
  return {
    ok: true,
    warnings: unverified.map((key) => ({
      key,
      message: `[@${key}] is not verified: it was approved without a reviewer checking it against its source`,
    })),
  }
}
