import { type RenderTasks, runRenderTask } from './tasks'

/**
 * A short article with what real ones have (headings, a list, a table, a citation, an audience
 * version), rendered once by each new worker so that its first real task does not pay for
 * loading the pipeline's code paths, the citation engine and React's (~200 ms of one approval's
 * publish, measured by `npm run bench`).
 */
const WARM_UP_BODY = `## What is known

Low values are common [@warmup2020].

- one
- two

| Test | Result |
| --- | --- |
| ALP | low |
`

export function warmUp(): RenderTasks['article-page']['output'] {
  const now = new Date().toISOString()
  const person = { id: 'warm-up', slug: 'warm-up', name: 'Warm Up' }
  return runRenderTask('article-page', {
    options: {},
    settings: {
      siteName: 'Warm-up',
      advisoryBoardStatement: 'Reviewed.',
      disclaimer: 'Not *advice*.',
      publishPolicy: 'approved-only',
    },
    baseUrl: 'https://warm-up.invalid',
    now,
    source: {
      slug: 'warm-up',
      title: 'Warm-up?',
      summary: 'A warm-up.',
      topics: ['Warm-up'],
      body: WARM_UP_BODY,
      variants: [{ audience: 'patient', body: 'Low values are common [@warmup2020].' }],
      references: [
        {
          id: 'warmup2020',
          type: 'article-journal',
          title: 'A study',
          author: [{ family: 'Doe', given: 'Jane' }],
          'container-title': 'Journal',
          issued: { 'date-parts': [[2020]] },
          volume: '1',
          page: '1-2',
          DOI: '10.5555/warm-up',
        },
      ],
      authors: [person],
      approved: true,
      state: 'approved',
      updatedAt: now,
      approval: { at: now, by: person },
      events: [],
    },
  })
}
