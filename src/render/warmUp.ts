import type { CslItem } from '../references'
import { type RenderTasks, runRenderTask } from './tasks'

/** How many times a new worker renders the warm-up article before it reports ready. */
export const WARM_UP_RUNS = 2

const WORDS =
  'levels serum marrow cohort dose risk trial reported adverse response screening guideline evidence imaging therapy baseline fracture calcium renal elderly'.split(
    ' ',
  )

/** A deterministic sentence of `n` words, from word `seed` on. */
const sentence = (seed: number, n: number) => {
  const words = Array.from({ length: n }, (_, i) => WORDS[(seed * 7 + i * 3) % WORDS.length]!)
  return `${words.join(' ').replace(/^./, (c) => c.toUpperCase())}.`
}
const paragraph = (seed: number, cite: string) =>
  `${sentence(seed, 14)} ${sentence(seed + 1, 18)} *${sentence(seed + 2, 6)}* ${sentence(seed + 3, 12)} [${cite}]`

const KEYS = ['warmup2020', 'warmup2021', 'warmup2019', 'warmup2022', 'warmup2018']

/**
 * An article as long as a real one (~900 words) with what real ones have: headings, paragraphs
 * with emphasis, links and citations (several at once, with a locator), lists, a table with
 * aligned columns and a quotation.
 */
const WARM_UP_BODY = [1, 2, 3, 4]
  .map((section) => {
    const key = (i: number) => `@${KEYS[(section + i) % KEYS.length]}`
    return [
      `## ${sentence(section, 3).slice(0, -1)}`,
      paragraph(section * 10, key(0)),
      paragraph(section * 10 + 4, `${key(1)}; ${key(2)}, p. 4`),
      `- ${sentence(section + 1, 9)} [${key(3)}]\n- **${sentence(section + 2, 3)}** ${sentence(section + 3, 8)}\n- ${sentence(section + 4, 10)} ([guideline](https://example.org/guideline))`,
      `1. ${sentence(section + 5, 7)}\n2. ${sentence(section + 6, 9)}`,
      `| Marker | Myeloma | Solid tumour |\n| --- | :---: | ---: |\n| ALP | ${section} | low |\n| Calcium | high | ${section + 1} |`,
      `> ${sentence(section + 7, 16)}`,
      paragraph(section * 10 + 8, key(4)),
    ].join('\n\n')
  })
  .join('\n\n')

const REFERENCES: CslItem[] = (
  [
    ['article-journal', 'A cohort study'],
    ['article-journal', 'A randomized trial'],
    ['book', 'A textbook'],
    ['webpage', 'A guideline'],
    ['chapter', 'A chapter'],
  ] as const
).map(([type, title], i) => ({
  id: KEYS[i]!,
  type,
  title,
  author: [
    { family: 'Doe', given: 'Jane' },
    { family: `Roe${i}`, given: 'Richard' },
  ],
  ...(type === 'article-journal' && { 'container-title': 'Journal' }),
  ...((type === 'book' || type === 'chapter') && { publisher: 'Publisher' }),
  ...(type === 'webpage' && { URL: 'https://example.org/guideline' }),
  issued: { 'date-parts': [[2018 + i]] },
  volume: '1',
  page: `${i + 1}-${i + 9}`,
  DOI: `10.5555/warm-up.${i}`,
}))

/**
 * Renders a realistic article page (`WARM_UP_RUNS` times), as each new worker does before it
 * reports ready, so that a task is not the first to run the pipeline's, the citation engine's
 * and React's code: a worker's first real article took 110 ms after one short warm-up article
 * and about 40 ms after a realistic one, as it does once warm (`npx tsx bench/steps.ts approve`
 * measures what this saves of an approval's publish).
 */
export function warmUp(): RenderTasks['article-page']['output'] {
  const now = new Date().toISOString()
  const person = { id: 'warm-up', slug: 'warm-up', name: 'Warm Up' }
  const task: RenderTasks['article-page']['input'] = {
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
      variants: [{ audience: 'patient', body: paragraph(3, `@${KEYS[0]}`) }],
      references: REFERENCES,
      authors: [person],
      approved: true,
      state: 'approved',
      updatedAt: now,
      approval: { at: now, by: person },
      events: [],
    },
  }
  let output = runRenderTask('article-page', task)
  for (let run = 1; run < WARM_UP_RUNS; run++) output = runRenderTask('article-page', task)
  return output
}
