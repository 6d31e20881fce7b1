'use client'
import { useDocumentInfo, useFormFields } from '@payloadcms/ui'

import { INITIAL_STATE } from '../workflow/model'
import { StatePill } from './StatePill'

/**
 * Replaces Payload's draft/published status in the document controls (and with it its "Revert to
 * published", which would write the live document behind the workflow's back): the review state
 * and whether an approved version is live.
 */
export function ReviewStatus() {
  const { hasPublishedDoc, unpublishedVersionCount } = useDocumentInfo()
  const state = useFormFields(([fields]) => fields.state?.value) as string | undefined
  return (
    <div className="status" title="Review status">
      <div className="status__value-wrap">
        <span className="status__label">Review: </span>
        <StatePill state={state ?? INITIAL_STATE} />
        <span className="status__value">
          {' · '}
          {hasPublishedDoc
            ? unpublishedVersionCount > 0
              ? 'approved version live, newer draft'
              : 'live on the site'
            : 'not on the site'}
        </span>
      </div>
    </div>
  )
}
