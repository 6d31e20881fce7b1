import type { CollectionBeforeChangeHook, CollectionBeforeLoginHook } from 'payload'

import type { User } from '../../../payload-types'
import { WorkflowRefusal } from '../../Articles/workflow/refusal'

/** A deactivated account cannot sign in (checked after the password, so it reveals nothing). */
export const refuseDeactivatedLogin: CollectionBeforeLoginHook<User> = ({ user }) => {
  if (user.deactivated) {
    throw new WorkflowRefusal(
      'forbidden',
      'deactivated',
      'This account is deactivated. An admin can reactivate it.',
    )
  }
  return user
}

/** Deactivating an account ends its sessions: a token issued before stops working at once. */
export const endSessionsOnDeactivation: CollectionBeforeChangeHook<User> = ({
  data,
  originalDoc,
}) => {
  if (data.deactivated && !originalDoc?.deactivated) data.sessions = []
  return data
}
