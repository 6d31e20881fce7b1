import { describe, expect, it } from 'vitest'

import { referencesSchema, siteSettingsSchema } from './schemas'

describe('siteSettingsSchema', () => {
  it('takes a citation style from the registry, and only one from it', () => {
    expect(siteSettingsSchema.parse({ citationStyle: 'ama' })).toEqual({ citationStyle: 'ama' })
    expect(siteSettingsSchema.safeParse({ citationStyle: 'apa' }).success).toBe(false)
  })
})

describe('referencesSchema', () => {
  it('reads CSL-JSON through src/references (normalized) and refuses a key used twice', () => {
    const item = { id: 'k', type: 'book', title: 'T', DOI: 'doi:10.1/x' }
    expect(referencesSchema.parse([item])).toEqual([{ ...item, DOI: '10.1/x' }])
    const twice = referencesSchema.safeParse([item, item])
    expect(twice.error?.issues.map((issue) => [issue.path, issue.message])).toEqual([
      [[1, 'id'], 'duplicate citation key "k" (first at entry 1)'],
    ])
  })
})
