import type { GlobalBeforeChangeHook } from 'payload'

/**
 * Who saved the settings, kept on the document and so in every version of it: with the global's
 * versions, each change of what the site says (disclaimer, policy, citation style…) is recorded
 * with who and when.
 */
export const recordEditor: GlobalBeforeChangeHook = ({ data, req }) => {
  data.updatedBy = req.user?.collection === 'users' ? req.user.id : null
  return data
}
