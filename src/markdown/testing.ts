import type { CslItem } from '../references'

/** Test references (fictional works; DOIs use Crossref's 10.5555 test prefix). Tests only. */
export const sampleReferences: CslItem[] = [
  {
    id: 'smith2020',
    type: 'article-journal',
    title: 'Alkaline phosphatase in multiple myeloma and bone metastases',
    author: [
      { family: 'Smith', given: 'John A' },
      { family: 'Doe', given: 'Jane' },
    ],
    'container-title': 'Journal of Example Haematology',
    issued: { 'date-parts': [[2020, 5]] },
    volume: '12',
    issue: '3',
    page: '100-110',
    DOI: '10.5555/jeh.2020.012',
    PMID: '10000001',
  },
  {
    id: 'lee2019',
    type: 'article-journal',
    title: 'Osteoblast exhaustion in myeloma bone disease',
    author: [{ family: 'Lee', given: 'Min' }],
    'container-title': 'Example Bone Reports',
    issued: { 'date-parts': [[2019]] },
    volume: '7',
    page: '45-52',
    DOI: '10.5555/ebr.2019.45',
  },
  {
    id: 'who2021',
    type: 'webpage',
    title: 'Guideline on example laboratory testing',
    author: [{ literal: 'World Health Organization' }],
    issued: { 'date-parts': [[2021]] },
    URL: 'https://www.who.int/example/guideline?lang=en&format=html',
  },
  {
    id: 'roe2018',
    type: 'book',
    title: 'Clinical Chemistry by Example',
    author: [{ family: 'Roe', given: 'Richard' }],
    publisher: 'Example Press',
    issued: { 'date-parts': [[2018]] },
  },
]
