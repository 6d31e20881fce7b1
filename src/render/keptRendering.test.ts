import { describe, expect, it } from 'vitest'

import { createMarkdownProcessor } from '../markdown'
import { renderArticle } from '../site'
import { approvedSource } from '../site/fixtures'
import { packRendering, unpackRendering } from './keptRendering'

describe('kept renderings', () => {
  // What the publisher keeps: the pipeline's own output for the fixture article.
  const rendered = renderArticle(approvedSource(), createMarkdownProcessor())

  it('give back exactly the documents that were kept, in a fraction of their JSON', () => {
    const packed = packRendering(rendered)
    expect(unpackRendering(packed)).toEqual(rendered)
    expect(packed.length).toBeLessThan(JSON.stringify(rendered).length / 2)
    expect(packed).toMatch(/^[A-Za-z0-9+/]+=*$/)
  })

  it('refuse text that is not a packed rendering (a row kept as plain JSON)', () => {
    expect(() => unpackRendering(JSON.stringify(rendered))).toThrow()
  })
})
