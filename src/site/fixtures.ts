import { readFileSync } from 'node:fs'

import { cslItemSchema, type CslItem } from '../references'
import { createMarkdownProcessor } from '../markdown'
import { type ArticleEvent, type ArticleSource, renderArticleView } from './view'
import type { ArticleSummary, ArticleView, FeedArticle, Person, PersonRef, SiteInfo } from './types'

/**
 * A realistic view-model for tests and previews, modelled on the seed article (low ALP and multiple
 * myeloma), made the way the publisher makes it: real Markdown (`fixtures/article/*.md`) and
 * CSL-JSON (`references.json`) rendered by the real pipeline through `buildArticleView`. People
 * and references are fictional: the DOIs use Crossref's test prefix 10.5555 so that no link points
 * at a real paper the text does not come from.
 */

const markdown = createMarkdownProcessor({ siteUrl: 'https://answers.example.org' })
const fixture = (name: string) =>
  readFileSync(new URL(`./fixtures/article/${name}`, import.meta.url), 'utf8')
const prose = (text: string, idPrefix: string) =>
  markdown.render({ markdown: text, references: [], idPrefix }).hast

export const site: SiteInfo = {
  name: 'Clinical Answers',
  baseUrl: 'https://answers.example.org',
  language: 'en',
  disclaimers: {
    clinician: prose(
      'This information is intended for healthcare professionals. Any medical decision-making should rely on clinical judgment and independently verified information. The content provided herein does not replace professional discretion and should be considered supplementary to established clinical guidelines.\n\n' +
        'Healthcare providers should verify all information against primary literature and current practice standards before application in patient care.',
      'disclaimer-clinician-',
    ),
    patient: prose(
      'This page explains a medical topic in general terms. It is not medical advice and cannot replace a conversation with your doctor or nurse, who know your situation. If you are worried about a symptom or a test result, ask them.',
      'disclaimer-patient-',
    ),
    student: prose(
      'This page is for learning. Check what you read here against your course materials and current guidelines.',
      'disclaimer-student-',
    ),
  },
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
export const cslItems: CslItem[] = cslItemSchema
  .array()
  .parse(JSON.parse(fixture('references.json')))

const history: ArticleEvent[] = [
  { type: 'submit', at: '2025-11-20T09:12:00Z', actor: author, from: 'draft', to: 'submitted' },
  {
    type: 'start_review',
    at: '2025-11-24T15:40:00Z',
    actor: reviewer,
    from: 'submitted',
    to: 'under_review',
  },
  {
    type: 'comment',
    at: '2025-11-25T11:02:00Z',
    actor: reviewer,
    comment: 'Please add the free light chain assay to the work-up and cite the guideline.',
  },
  {
    type: 'approve',
    at: '2025-11-27T10:05:00Z',
    actor: reviewer,
    from: 'under_review',
    to: 'approved',
    comment: 'Accurate and well referenced.',
  },
]

/** The seed article as its source: what the publisher would read for the approved revision. */
export function approvedSource(): ArticleSource {
  return {
    slug: 'low-alp-myeloma',
    title: 'Is low alkaline phosphatase (ALP) associated with multiple myeloma or lytic lesions?',
    summary:
      'Normal or low ALP in a patient with lytic bone lesions points towards multiple myeloma rather than bone metastases from a solid cancer.',
    topics: ['Multiple myeloma', 'Alkaline phosphatase', 'Lytic bone lesions'],
    body: fixture('clinician.md'),
    variants: [
      {
        audience: 'patient',
        title: 'What does a low ALP result mean if myeloma is suspected?',
        body: fixture('patient.md'),
      },
    ],
    references: cslItems,
    authors: [author],
    approved: true,
    state: 'approved',
    updatedAt: '2025-11-27T10:05:00Z',
    approval: { at: '2025-11-27T10:05:00Z', by: reviewer },
    reviewDue: '2026-11-27T10:05:00Z',
    events: history,
  }
}

/** The time the fixtures are rendered at: after approval, before the re-review is due. */
export const NOW = new Date('2026-01-10T12:00:00Z')

/** The seed article as an approved, up-to-date revision. */
export function approvedArticle(): ArticleView {
  const view = renderArticleView(approvedSource(), markdown, NOW).view
  // Typed topics, as an editor may give them, for the structured data.
  view.about = [
    { name: 'Multiple myeloma', type: 'MedicalCondition' },
    { name: 'Alkaline phosphatase', type: 'MedicalTest' },
    'Lytic bone lesions',
  ]
  return view
}

/** The same article while under review (publish policy `pending-with-banner`), as on the model page. */
export function pendingArticle(): ArticleView {
  const source: ArticleSource = {
    ...approvedSource(),
    approved: false,
    state: 'under_review',
    updatedAt: '2025-11-24T15:40:00Z',
    events: history.slice(0, 3),
  }
  return { ...renderArticleView(source, markdown, NOW).view, about: approvedArticle().about }
}

/** An approved article whose scheduled re-review has passed. */
export function overdueArticle(): ArticleView {
  const source = { ...approvedSource(), reviewDue: '2025-12-01T00:00:00Z' }
  return { ...renderArticleView(source, markdown, NOW).view, about: approvedArticle().about }
}

export const summaries: ArticleSummary[] = [
  {
    slug: 'low-alp-myeloma',
    url: '/articles/low-alp-myeloma/',
    topics: ['Multiple myeloma', 'Alkaline phosphatase'],
    title: 'Is low alkaline phosphatase (ALP) associated with multiple myeloma or lytic lesions?',
    summary: 'Normal or low ALP with lytic lesions points towards myeloma.',
    lastReviewed: '2025-11-27T10:05:00Z',
    approved: true,
  },
  {
    slug: 'hypercalcaemia-myeloma',
    url: '/articles/hypercalcaemia-myeloma/',
    topics: ['multiple myeloma', 'Hypercalcaemia'],
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

/** The editorial policy page's body, as the pipeline renders the setting's Markdown. */
export const policy = prose(
  [
    '# Editorial policy',
    'Every article answers one clinical question and is written by a clinician. Each claim is supported by a numbered reference to the primary literature or a current guideline.',
    '## Review',
    'A member of the Medical Advisory Board who is not an author of the article reviews it before publication. Only approved revisions are published; articles are re-reviewed every 12 months.',
    '## Conflicts of interest',
    'Reviewers declare their conflicts of interest on the advisory board page.',
  ].join('\n\n'),
  '',
)
