import { describe, expect, it } from 'vitest'

import { articleDeletionRefusal, personDeletionRefusal } from './retention'

describe('personDeletionRefusal', () => {
  it('lets a person nobody recorded go', () => {
    expect(personDeletionRefusal({ events: 0, articles: 0 })).toBeUndefined()
  })
  it('keeps anyone in an event or on an article, and says to deactivate', () => {
    for (const use of [
      { events: 1, articles: 0 },
      { events: 0, articles: 2 },
    ]) {
      const refusal = personDeletionRefusal(use)
      expect(refusal?.because).toBe('in_audit_trail')
      expect(refusal?.reason).toMatch(/deactivate/)
    }
  })
})

describe('articleDeletionRefusal', () => {
  it('refuses a published article first, then one with history, and lets a bare draft go', () => {
    expect(articleDeletionRefusal({ published: true, events: 3 })?.because).toBe('published_delete')
    expect(articleDeletionRefusal({ published: false, events: 1 })?.because).toBe('has_history')
    expect(articleDeletionRefusal({ published: false, events: 0 })).toBeUndefined()
  })
})
