import type { Element, ElementContent, Root } from 'hast'
import { h } from 'hastscript'
import type { CslItem } from '../references'
import type {
  ArticleSummary,
  ArticleView,
  AudienceVersion,
  FeedArticle,
  Person,
  PersonRef,
  RenderedReference,
  SiteInfo,
  TocEntry,
} from './types'

/**
 * A realistic view-model for tests and previews, modelled on the seed article (low ALP and multiple
 * myeloma). People and references are fictional: the DOIs use Crossref's test prefix 10.5555 so
 * that no link points at a real paper the text does not come from.
 */

export const site: SiteInfo = {
  name: 'Clinical Answers',
  baseUrl: 'https://answers.example.org',
  language: 'en',
  disclaimer: h(null, [
    h(
      'p',
      'This information is intended for healthcare professionals. Any medical decision-making should rely on clinical judgment and independently verified information. The content provided herein does not replace professional discretion and should be considered supplementary to established clinical guidelines.',
    ),
    h(
      'p',
      'Healthcare providers should verify all information against primary literature and current practice standards before application in patient care.',
    ),
  ]),
  advisoryBoardStatement:
    'Every article is written by a clinician and reviewed for accuracy by our Medical Advisory Board before it is published.',
  followUp: {
    heading: 'Have a follow-up question?',
    text: 'Send us your question and a member of the editorial team will consider it for a future article.',
    label: 'Ask a follow-up question',
    url: 'https://answers.example.org/ask',
  },
  publishPolicy: 'pending-with-banner',
}

export const reviewer: Person = {
  id: 'u-2',
  slug: 'priya-raman',
  name: 'Dr. Priya Raman',
  credentials: 'MD, PhD',
  specialty: 'Hematology',
  orcid: '0000-0002-1825-0097',
  listedOnBoard: true,
  bio: 'Consultant haematologist with a clinical focus on plasma cell disorders and bone disease in myeloma.',
  disclosures: 'Advisory board fees from a manufacturer of proteasome inhibitors (2023).',
  roles: ['reviewer'],
}

export const secondReviewer: Person = {
  id: 'u-3',
  slug: 'samuel-okafor',
  name: 'Dr. Samuel Okafor',
  credentials: 'MD',
  specialty: 'Clinical biochemistry',
  listedOnBoard: true,
  bio: 'Chemical pathologist; leads the bone and mineral laboratory of a teaching hospital.',
  roles: ['reviewer', 'editor'],
}

export const author: PersonRef = {
  id: 'u-1',
  slug: 'alex-morgan',
  name: 'Dr. Alex Morgan',
  credentials: 'MD',
}

export const people: Person[] = [reviewer, secondReviewer]

/** CSL-JSON of the six references, in order of first citation in the clinician version. */
export const cslItems: CslItem[] = [
  {
    id: 'brandt2021',
    type: 'article-journal',
    title:
      'Alkaline phosphatase in patients with bone lesions: multiple myeloma versus solid cancers',
    author: [
      { family: 'Brandt', given: 'Lena' },
      { family: 'Chen', given: 'Wei' },
      { family: 'Ortiz', given: 'Maria' },
    ],
    'container-title': 'Journal of Example Oncology',
    issued: { 'date-parts': [[2021, 5, 14]] },
    volume: '39',
    issue: '5',
    page: '412-420',
    DOI: '10.5555/example.2021.0412',
  },
  {
    id: 'keller2019',
    type: 'article-journal',
    title: 'Uncoupled bone remodelling in multiple myeloma: mechanisms and markers',
    author: [
      { family: 'Keller', given: 'Anna' },
      { family: 'Moreau', given: 'Paul' },
    ],
    'container-title': 'Example Reviews in Haematology',
    issued: { 'date-parts': [[2019, 2]] },
    volume: '12',
    issue: '2',
    page: '101-115',
    DOI: '10.5555/example.2019.0101',
  },
  {
    id: 'iyer2018',
    type: 'article-journal',
    title: 'Bone-specific alkaline phosphatase at diagnosis and survival in multiple myeloma',
    author: [
      { family: 'Iyer', given: 'Ravi' },
      { family: 'Lund', given: 'Eva' },
      { literal: 'Example Myeloma Study Group' },
    ],
    'container-title': 'Example Journal of Clinical Oncology',
    issued: { 'date-parts': [[2018]] },
    volume: '36',
    page: '2210-2217',
    DOI: '10.5555/example.2018.2210',
  },
  {
    id: 'novak2020',
    type: 'article-journal',
    title: 'Alkaline phosphatase rises in patients responding to bortezomib',
    author: [{ family: 'Novak', given: 'Jan' }],
    'container-title': 'Example Bone Journal',
    issued: { 'date-parts': [[2020, 9, 1]] },
    volume: '140',
    page: '115-121',
    DOI: '10.5555/example.2020.0115',
  },
  {
    id: 'silva2022',
    type: 'article-journal',
    title: 'Early alkaline phosphatase increase as a marker of response to carfilzomib',
    author: [
      { family: 'Silva', given: 'Joana' },
      { family: 'Tanaka', given: 'Hiro' },
    ],
    'container-title': 'Example Haematologica',
    issued: { 'date-parts': [[2022, 1]] },
    volume: '107',
    issue: '1',
    page: '88-95',
    DOI: '10.5555/example.2022.0088',
  },
  {
    id: 'imwg2024',
    type: 'report',
    title: 'Guideline on the laboratory work-up of suspected multiple myeloma',
    author: [{ literal: 'Example Working Group on Myeloma' }],
    publisher: 'Example Society of Haematology',
    issued: { 'date-parts': [[2024, 3]] },
    URL: 'https://guidelines.example.org/myeloma-workup',
  },
]

/** Builds a version's body with numbered citations that remember where they are cited from. */
function citationWriter(prefix: string, keys: string[]) {
  const numbers = new Map<string, number>()
  const citedFrom = new Map<string, string[]>()
  const cite = (...keyList: string[]): Element => {
    const links: ElementContent[] = []
    keyList.forEach((key, i) => {
      if (!keys.includes(key)) throw new Error(`fixture cites unknown key ${key}`)
      if (!numbers.has(key)) numbers.set(key, numbers.size + 1)
      const n = numbers.get(key)!
      const uses = citedFrom.get(key) ?? []
      const id = `${prefix}cite-${n}-${uses.length + 1}`
      citedFrom.set(key, [...uses, id])
      if (i > 0) links.push({ type: 'text', value: ', ' })
      links.push(h('a', { href: `#${prefix}ref-${n}`, id, className: ['citation'] }, String(n)))
    })
    return h('sup', links)
  }
  const references = (): RenderedReference[] =>
    [...numbers.entries()].map(([key, number]) => {
      const data = cslItems.find((item) => item.id === key)!
      return {
        key,
        number,
        anchorId: `${prefix}ref-${number}`,
        citedFrom: citedFrom.get(key)!,
        formatted: formatVancouver(data),
        data,
      }
    })
  return { cite, references }
}

/** A stand-in for the citation library's Vancouver output, good enough for rendering tests. */
function formatVancouver(item: CslItem): Root {
  const names = (item.author as { family?: string; given?: string; literal?: string }[]).map(
    (n) =>
      n.literal ??
      `${n.family} ${(n.given ?? '')
        .split(/\s+/)
        .map((g) => g.charAt(0))
        .join('')}`,
  )
  const issued = (item.issued as { 'date-parts': number[][] })['date-parts'][0]!
  const parts: ElementContent[] = [
    { type: 'text', value: `${names.join(', ')}. ${String(item.title)}. ` },
  ]
  if (item['container-title']) {
    const volume = item.volume ? `;${String(item.volume)}` : ''
    const issue = item.issue ? `(${String(item.issue)})` : ''
    const page = item.page ? `:${String(item.page)}` : ''
    parts.push({
      type: 'text',
      value: `${String(item['container-title'])}. ${issued[0]}${volume}${issue}${page}. `,
    })
  } else {
    parts.push({ type: 'text', value: `${String(item.publisher)}; ${issued[0]}. ` })
  }
  if (item.DOI) {
    const doi = String(item.DOI)
    parts.push({ type: 'text', value: 'doi:' })
    parts.push(h('a', { href: `https://doi.org/${doi}`, rel: ['noopener', 'noreferrer'] }, doi))
  } else if (item.URL) {
    parts.push({ type: 'text', value: 'Available from: ' })
    parts.push(
      h('a', { href: String(item.URL), rel: ['noopener', 'noreferrer'] }, String(item.URL)),
    )
  }
  return h(null, parts)
}

const keys = cslItems.map((item) => String(item.id))

function clinicianVersion(): AudienceVersion {
  const p = 'clinician-'
  const { cite, references } = citationWriter(p, keys)
  const toc: TocEntry[] = [
    { depth: 2, id: `${p}pathophysiology`, text: 'The pathophysiology behind low ALP in myeloma' },
    {
      depth: 2,
      id: `${p}diagnostic-discriminator`,
      text: 'Clinical significance as a diagnostic discriminator',
    },
    { depth: 2, id: `${p}caveats`, text: 'Important caveats and exceptions' },
    { depth: 3, id: `${p}when-alp-rises`, text: 'When ALP may rise in myeloma' },
    { depth: 3, id: `${p}bone-markers`, text: 'Bone markers in myeloma' },
    { depth: 2, id: `${p}algorithm`, text: 'Practical clinical algorithm' },
  ]
  const heading = (entry: TocEntry) => h(`h${entry.depth}`, { id: entry.id }, entry.text)
  const body = h(null, [
    h('p', [
      'Yes, low or normal alkaline phosphatase (ALP) levels are characteristically associated with multiple myeloma and lytic bone lesions, distinguishing it from other cancers with bone involvement. Myeloma causes predominantly osteoclastic (bone-destroying) activity without corresponding osteoblastic (bone-forming) activity, and ALP is primarily a marker of bone formation',
      cite('brandt2021', 'keller2019'),
      '.',
    ]),
    heading(toc[0]!),
    h('ul', [
      h('li', [
        'Myeloma cells increase osteoclastic activity nearby, but this is not matched by bone formation because osteoblasts are functionally exhausted',
        cite('keller2019'),
      ]),
      h('li', [
        'Since ALP reflects osteoblastic activity, suppressed osteoblast function results in normal or low ALP despite extensive lytic disease',
        cite('keller2019'),
      ]),
      h('li', [
        'This contrasts with solid tumours metastatic to bone, where ALP is typically elevated',
        cite('brandt2021'),
      ]),
    ]),
    heading(toc[1]!),
    h('p', [
      'A 2021 study of 901 patients (440 with myeloma, 461 with solid cancers) found ALP predominantly normal in myeloma despite bone lesions, while patients with solid cancers and bone metastases had elevated ALP',
      cite('brandt2021'),
      '. The difference was independent of disease stage, number of bone lesions and type of bone lesions.',
    ]),
    heading(toc[2]!),
    heading(toc[3]!),
    h('ul', [
      h('li', [
        'High baseline bone-specific ALP (≥146 U/L) is a poor prognostic marker, associated with worse survival',
        cite('iyer2018'),
      ]),
      h('li', [
        'ALP can increase during successful treatment:',
        h('ul', [
          h('li', [
            'Bortezomib: ALP rises in responding patients within three cycles, reflecting osteoblastic reactivation',
            cite('novak2020'),
          ]),
          h('li', [
            'Carfilzomib: increases of more than 15 U/L by cycle 2 day 1 in patients achieving very good partial response or better',
            cite('silva2022'),
          ]),
        ]),
      ]),
    ]),
    heading(toc[4]!),
    h('ul', [
      h('li', [
        'Markers of bone resorption (NTX, CTX, ICTP) are elevated in myeloma and correlate with the extent of bone disease',
        cite('keller2019'),
      ]),
      h('li', [
        'Routine monitoring with biochemical bone markers is not recommended for lack of prospective validation',
        cite('iyer2018'),
      ]),
    ]),
    heading(toc[5]!),
    h('ol', [
      h('li', 'Check ALP alongside imaging findings.'),
      h('li', [
        h('strong', 'Normal or low ALP with lytic lesions:'),
        ' high suspicion for multiple myeloma. Order serum and urine protein electrophoresis with immunofixation',
        cite('brandt2021'),
        ' and a serum free light chain assay',
        cite('imwg2024'),
        '.',
      ]),
      h('li', [
        h('strong', 'Elevated ALP with bone lesions:'),
        ' more consistent with solid tumour metastases, though it does not exclude myeloma',
        cite('brandt2021', 'iyer2018'),
        '.',
      ]),
      h('li', [
        h('strong', 'During treatment:'),
        ' rising ALP may indicate response, particularly with proteasome inhibitors',
        cite('novak2020', 'silva2022'),
        '.',
      ]),
    ]),
  ])
  return {
    audience: 'clinician',
    label: 'Healthcare professional',
    title: 'Is low ALP related to myeloma or lytic lesions?',
    body,
    references: references(),
    toc,
  }
}

function patientVersion(): AudienceVersion {
  const p = 'patient-'
  const { cite, references } = citationWriter(p, keys)
  return {
    audience: 'patient',
    label: 'Patient or caregiver',
    title: 'What does a low ALP result mean if myeloma is suspected?',
    body: h(null, [
      h('p', [
        'Alkaline phosphatase (ALP) is a blood test that goes up when the body is building new bone. In myeloma, bone is broken down but not rebuilt, so ALP usually stays normal or low even when X-rays show damaged areas of bone',
        cite('brandt2021', 'keller2019'),
        '.',
      ]),
      h('h2', { id: `${p}what-next` }, 'What happens next'),
      h('p', [
        'If your ALP is normal but a scan shows bone damage, your doctor may order blood and urine tests that look for an abnormal protein made by myeloma cells',
        cite('brandt2021'),
        '.',
      ]),
      h('p', [
        'During treatment, a rising ALP can be a good sign: it may mean the bone is starting to heal',
        cite('novak2020'),
        '.',
      ]),
    ]),
    references: references(),
    toc: [{ depth: 2, id: `${p}what-next`, text: 'What happens next' }],
  }
}

/** The seed article as an approved, up-to-date revision. */
export function approvedArticle(): ArticleView {
  return {
    slug: 'low-alp-myeloma',
    url: '/articles/low-alp-myeloma/',
    title: 'Is low alkaline phosphatase (ALP) associated with multiple myeloma or lytic lesions?',
    summary:
      'Normal or low ALP in a patient with lytic bone lesions points towards multiple myeloma rather than bone metastases from a solid cancer.',
    about: [
      { name: 'Multiple myeloma', type: 'MedicalCondition' },
      { name: 'Alkaline phosphatase', type: 'MedicalTest' },
      'Lytic bone lesions',
    ],
    versions: [clinicianVersion(), patientVersion()],
    authors: [author],
    approved: true,
    tracker: [
      { step: 'submitted', status: 'done', date: '2025-11-20T09:12:00Z' },
      { step: 'under_review', status: 'done', date: '2025-11-24T15:40:00Z' },
      { step: 'approved', status: 'done', date: '2025-11-27T10:05:00Z' },
    ],
    lastUpdated: '2025-11-27T10:05:00Z',
    lastReviewed: { at: '2025-11-27T10:05:00Z', by: reviewer },
    nextReviewDue: '2026-11-27T10:05:00Z',
    overdue: false,
    history: [
      {
        type: 'submit',
        label: 'Submitted for review',
        at: '2025-11-20T09:12:00Z',
        actor: author,
        from: 'draft',
        to: 'submitted',
      },
      {
        type: 'start_review',
        label: 'Review started',
        at: '2025-11-24T15:40:00Z',
        actor: reviewer,
        from: 'submitted',
        to: 'under_review',
      },
      {
        type: 'comment',
        label: 'Comment',
        at: '2025-11-25T11:02:00Z',
        actor: reviewer,
        comment: 'Please add the free light chain assay to the work-up and cite the guideline.',
      },
      {
        type: 'approve',
        label: 'Approved',
        at: '2025-11-27T10:05:00Z',
        actor: reviewer,
        from: 'under_review',
        to: 'approved',
        comment: 'Accurate and well referenced.',
      },
    ],
  }
}

/** The same article while under review (publish policy `pending-with-banner`), as on the model page. */
export function pendingArticle(): ArticleView {
  const article = approvedArticle()
  return {
    ...article,
    approved: false,
    tracker: [
      { step: 'submitted', status: 'done', date: '2025-11-20T09:12:00Z' },
      { step: 'under_review', status: 'current', date: '2025-11-24T15:40:00Z' },
      { step: 'approved', status: 'upcoming' },
    ],
    lastUpdated: '2025-11-24T15:40:00Z',
    lastReviewed: undefined,
    nextReviewDue: undefined,
    history: article.history.slice(0, 3),
  }
}

/** An approved article whose scheduled re-review has passed. */
export function overdueArticle(): ArticleView {
  return { ...approvedArticle(), nextReviewDue: '2025-12-01T00:00:00Z', overdue: true }
}

export const summaries: ArticleSummary[] = [
  {
    slug: 'low-alp-myeloma',
    url: '/articles/low-alp-myeloma/',
    title: 'Is low alkaline phosphatase (ALP) associated with multiple myeloma or lytic lesions?',
    summary: 'Normal or low ALP with lytic lesions points towards myeloma.',
    lastReviewed: '2025-11-27T10:05:00Z',
    approved: true,
  },
  {
    slug: 'hypercalcaemia-myeloma',
    url: '/articles/hypercalcaemia-myeloma/',
    title: 'How should hypercalcaemia be managed in newly diagnosed myeloma?',
    summary: 'Hydration first, then bisphosphonates or denosumab.',
    lastReviewed: '2026-01-15T08:00:00Z',
    approved: true,
  },
  {
    slug: 'mgus-follow-up',
    url: '/articles/mgus-follow-up/',
    title: 'How often should MGUS be followed up?',
    approved: false,
  },
]

export const feedArticles: FeedArticle[] = summaries.map((s, i) => ({
  ...s,
  updated: ['2025-11-27T10:05:00Z', '2026-01-15T08:00:00Z', '2026-02-02T12:00:00Z'][i]!,
}))

export const policy: Root = h(null, [
  h('h1', 'Editorial policy'),
  h(
    'p',
    'Every article answers one clinical question and is written by a clinician. Each claim is supported by a numbered reference to the primary literature or a current guideline.',
  ),
  h('h2', 'Review'),
  h(
    'p',
    'A member of the Medical Advisory Board who is not an author of the article reviews it before publication. Only approved revisions are published; articles are re-reviewed every 12 months.',
  ),
  h('h2', 'Conflicts of interest'),
  h('p', 'Reviewers declare their conflicts of interest on the advisory board page.'),
])
