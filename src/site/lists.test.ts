import { describe, expect, it } from 'vitest'

import { articleUrl } from './view'
import { topicIndex } from './lists'

const summary = (slug: string, topics: string[]) => ({
  slug,
  url: articleUrl(slug),
  title: `About ${slug}`,
  approved: true,
  topics,
})

describe('topicIndex', () => {
  it('lists an article once under a topic it names in two spellings', () => {
    const topics = topicIndex([
      summary('a', ['Multiple myeloma', 'multiple myeloma']),
      summary('b', ['multiple myeloma']),
    ])
    const myeloma = topics.get('multiple-myeloma')!
    expect(myeloma.articles.map((a) => a.slug)).toEqual(['a', 'b'])
    expect(myeloma.topic.count).toBe(2)
    // Spellings are still counted per article: two against one.
    expect(myeloma.topic.name).toBe('multiple myeloma')
  })
})
