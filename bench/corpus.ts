import fs from 'node:fs/promises'
import path from 'node:path'

/**
 * A deterministic synthetic corpus for the benchmark: varied medical Q&A articles (~900 words,
 * headings, lists, a table, 5-8 citations each, a patient version in about a third of them), the
 * people who wrote and approved them, and their references, written as a content folder
 * (`articles/*.md`, `references.json`, `people.json`, `site.yaml`) as authors would write one.
 * The same seed gives the same corpus, byte for byte.
 */
export interface CorpusOptions {
  articles: number
  /** 'shared': articles cite a pool of references (half as many as articles); 'distinct': none shared. */
  references: 'shared' | 'distinct'
  seed?: number
}

/** mulberry32: small, fast, and the same sequence everywhere. */
function random(seed: number) {
  let a = seed >>> 0
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1))
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!
  return { next, int, pick }
}

const WORDS = (
  'patients serum levels bone marrow myeloma lesions alkaline phosphatase osteoblast osteoclast ' +
  'activity formation resorption markers clinical evidence cohort study trial randomized ' +
  'treatment response survival diagnosis imaging assessment guideline recommendation therapy ' +
  'dose adverse effects monitoring renal function calcium vitamin deficiency protein ' +
  'electrophoresis immunofixation light chain ratio biopsy plasma cells infiltration anemia ' +
  'fracture risk prevention bisphosphonate denosumab zoledronic acid proteasome inhibitor ' +
  'bortezomib carfilzomib lenalidomide dexamethasone transplant eligibility frailty elderly ' +
  'comorbidity infection vaccination screening threshold sensitivity specificity prognosis ' +
  'baseline follow-up interval laboratory reference range elevated normal reduced associated ' +
  'independent significant observed reported consistent limited uncertain moderate high low'
).split(' ')
const TOPICS = [
  'Multiple myeloma',
  'Alkaline phosphatase',
  'Bone metastases',
  'Hypercalcaemia',
  'MGUS',
  'Anaemia',
  'Renal impairment',
  'Osteoporosis',
  'Vitamin D',
  'Light chains',
  'Amyloidosis',
  'Bisphosphonates',
  'Vaccination',
  'Neuropathy',
  'Fracture risk',
]
const JOURNALS = [
  ['Journal of Example Haematology', 'J Ex Haematol'],
  ['Example Bone Reports', 'Ex Bone Rep'],
  ['Annals of Example Oncology', 'Ann Ex Oncol'],
  ['Example Clinical Chemistry', 'Ex Clin Chem'],
  ['British Journal of Example Medicine', 'Br J Ex Med'],
  ['Example Kidney International', 'Ex Kidney Int'],
] as const
const FAMILY = [
  'Smith',
  'Lee',
  'Garcia',
  'Chen',
  'Okafor',
  'Raman',
  'Novak',
  'Silva',
  'Tanaka',
  'Brandt',
  'Moreau',
  'Iyer',
  'Keller',
  'Ortiz',
  'Nguyen',
  'Kowalski',
  'Haddad',
  'Petrov',
  'Rossi',
  'Adeyemi',
]
const GIVEN = ['Anna', 'Ben', 'Chloe', 'David', 'Eva', 'Farid', 'Grace', 'Hiro', 'Ines', 'Jan']

export interface Corpus {
  dir: string
  slugs: string[]
  /** The article files' Markdown bodies, for the Hugo and one-thread floor runs. */
  bodies: number
  references: number
}

/** Writes the corpus into `dir` (created). */
export async function writeCorpus(dir: string, options: CorpusOptions): Promise<Corpus> {
  const r = random(options.seed ?? 20261201)
  const n = options.articles
  const refCount = options.references === 'shared' ? Math.max(20, Math.ceil(n / 2)) : 0
  const references: Record<string, unknown>[] = []
  const makeReference = (index: number) => {
    const [journal, short] = r.pick(JOURNALS)
    const key = `ref${index}`
    const authors = Array.from({ length: r.int(1, 8) }, () => ({
      family: r.pick(FAMILY),
      given: `${r.pick(GIVEN)}${r.next() < 0.3 ? ` ${r.pick(GIVEN)}` : ''}`,
    }))
    const year = r.int(1995, 2025)
    const first = r.int(1, 900)
    references.push({
      id: key,
      type: 'article-journal',
      title: sentence(r, 6, 14).replace(/\.$/, ''),
      author: authors,
      'container-title': journal,
      'container-title-short': short,
      issued: { 'date-parts': [[year, r.int(1, 12)]] },
      volume: String(r.int(1, 120)),
      issue: String(r.int(1, 12)),
      page: `${first}-${first + r.int(3, 15)}`,
      DOI: `10.5555/bench.${year}.${index}`,
      PMID: String(30_000_000 + index),
      ISSN: `${r.int(1000, 9999)}-${r.int(1000, 9999)}`,
      language: 'en',
    })
    return key
  }
  for (let i = 0; i < refCount; i++) makeReference(i)

  await fs.mkdir(path.join(dir, 'articles'), { recursive: true })
  const slugs: string[] = []
  for (let i = 0; i < n; i++) {
    const keys = Array.from({ length: r.int(5, 8) }, () =>
      options.references === 'shared'
        ? `ref${r.int(0, refCount - 1)}`
        : makeReference(references.length),
    )
    const unique = [...new Set(keys)]
    const slug = `bench-article-${i}`
    slugs.push(slug)
    const date = `2026-${String(r.int(1, 11)).padStart(2, '0')}-${String(r.int(1, 28)).padStart(2, '0')}`
    const variant = r.next() < 0.33
    const frontMatter = [
      '---',
      `title: "Is ${sentence(r, 5, 10).replace(/\.$/, '').toLowerCase()} (case ${i})?"`,
      `slug: ${slug}`,
      `summary: "${sentence(r, 15, 30)}"`,
      'topics:',
      ...[...new Set([r.pick(TOPICS), r.pick(TOPICS)])].map((t) => `  - ${t}`),
      'authors:',
      `  - author${r.int(0, 19)}@bench.example`,
      'review:',
      '  status: approved',
      `  reviewer: reviewer${r.int(0, 9)}@bench.example`,
      `  date: ${date}`,
      ...(variant
        ? [
            'variants:',
            '  - audience: patient',
            `    title: "${sentence(r, 5, 9).replace(/\.$/, '')}?"`,
            '    body: |',
            ...body(r, unique.slice(0, 3), 200)
              .split('\n')
              .map((line) => (line ? `      ${line}` : '')),
          ]
        : []),
      '---',
      '',
    ]
    await fs.writeFile(
      path.join(dir, 'articles', `${slug}.md`),
      frontMatter.join('\n') + body(r, unique, 900) + '\n',
    )
  }
  const people = [
    ...Array.from({ length: 20 }, (_, i) => ({
      email: `author${i}@bench.example`,
      name: `${r.pick(GIVEN)} ${r.pick(FAMILY)}`,
      roles: ['author'],
      credentials: 'MD',
    })),
    ...Array.from({ length: 10 }, (_, i) => ({
      email: `reviewer${i}@bench.example`,
      name: `Dr ${r.pick(GIVEN)} ${r.pick(FAMILY)}`,
      roles: ['reviewer'],
      credentials: 'MD, PhD',
      specialty: 'Haematology',
      disclosures: 'None.',
    })),
  ]
  await fs.writeFile(path.join(dir, 'references.json'), JSON.stringify(references, null, 1))
  await fs.writeFile(path.join(dir, 'people.json'), JSON.stringify(people, null, 1))
  // The bench times approving and publishing; verifying each reference is the reviewer's own
  // step before that (it changes no page), so its site only warns about unverified references.
  await fs.writeFile(
    path.join(dir, 'site.yaml'),
    `${await fs.readFile(path.resolve('content', 'site.yaml'), 'utf8')}\nreferencePolicy: warn\n`,
  )
  return { dir, slugs, bodies: n, references: references.length }
}

function sentence(r: ReturnType<typeof random>, min: number, max: number): string {
  const words = Array.from({ length: r.int(min, max) }, () => r.pick(WORDS))
  const text = words.join(' ')
  return text.charAt(0).toUpperCase() + text.slice(1) + '.'
}

/** About `words` words of Markdown citing each of `keys` at least once. */
function body(r: ReturnType<typeof random>, keys: string[], words: number): string {
  const blocks: string[] = []
  let count = 0
  let cited = 0
  const cite = () => {
    const key = cited < keys.length ? keys[cited++]! : r.pick(keys)
    return r.next() < 0.2 && keys.length > 1 ? ` [@${key}; @${r.pick(keys)}]` : ` [@${key}]`
  }
  const paragraph = () => {
    const sentences = Array.from({ length: r.int(2, 5) }, () => sentence(r, 10, 24))
    count += sentences.join(' ').split(' ').length
    return sentences
      .map((s, i) => (i === sentences.length - 1 ? s.replace(/\.$/, `${cite()}.`) : s))
      .join(' ')
  }
  blocks.push(paragraph())
  let section = 0
  while (count < words) {
    section++
    blocks.push(`## ${sentence(r, 3, 7).replace(/\.$/, '')}`)
    blocks.push(paragraph())
    const kind = section % 4
    if (kind === 1) {
      blocks.push(
        Array.from(
          { length: r.int(3, 5) },
          () => `- ${sentence(r, 8, 16).replace(/\.$/, '')}${cite()}`,
        ).join('\n'),
      )
      count += 40
    } else if (kind === 2) {
      blocks.push(
        Array.from(
          { length: r.int(3, 5) },
          (_, i) => `${i + 1}. **${sentence(r, 2, 4).replace(/\.$/, ':')}** ${sentence(r, 8, 14)}`,
        ).join('\n'),
      )
      count += 45
    } else if (kind === 3 && words > 300) {
      blocks.push(
        [
          '| Marker | Myeloma | Solid tumour |',
          '| --- | :---: | ---: |',
          ...Array.from(
            { length: r.int(3, 5) },
            () =>
              `| ${r.pick(WORDS)} | ${r.pick(['normal', 'low', 'high'])} | ${r.pick(['normal', 'low', 'high'])} |`,
          ),
        ].join('\n'),
      )
      count += 20
    } else {
      blocks.push(`### ${sentence(r, 2, 5).replace(/\.$/, '')}`)
      blocks.push(paragraph())
    }
  }
  while (cited < keys.length) blocks.push(paragraph())
  return blocks.join('\n\n')
}
