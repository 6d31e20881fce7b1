import type { Element, Root } from 'hast'
import { describe, expect, it } from 'vitest'
import { createMarkdownProcessor } from '../markdown'
import {
  approvedArticle,
  approvedSource,
  NOW,
  overdueArticle,
  pendingArticle,
  site,
} from './fixtures'
import { QUESTION_ENDPOINT, QUESTION_LIMITS, QUESTION_TRAP_FIELD } from './questions'
import { renderArticleView } from './view'
import { renderArticlePage } from './render'
import type { ArticleView } from './types'
import { all, attr, byId, hasClass, one, parse, tag, text } from './testing/html'

const render = (article: ArticleView, s = site) => parse(renderArticlePage(s, article))
const approved = render(approvedArticle())
const pending = render(pendingArticle())
const overdue = render(overdueArticle())

function head(tree: Root) {
  return one(tree, tag('head'))
}
function meta(tree: Root, key: 'name' | 'property', value: string) {
  return all(head(tree), (el) => el.tagName === 'meta' && attr(el, key) === value)
}

describe('the article document', () => {
  it('is a complete document in the site language', () => {
    const html = renderArticlePage(site, approvedArticle())
    expect(html.startsWith('<!doctype html>\n<html lang="en">')).toBe(true)
    expect(html.trimEnd().endsWith('</html>')).toBe(true)
  })

  it('has the head a search engine and a link preview need', () => {
    const title = approvedArticle().title
    expect(text(one(approved, tag('title')))).toBe(`${title} | Clinical Answers`)
    expect(attr(meta(approved, 'name', 'description')[0]!, 'content')).toBe(
      approvedArticle().summary,
    )
    const canonical = one(head(approved), (el) => attr(el, 'rel') === 'canonical')
    expect(attr(canonical, 'href')).toBe('https://answers.example.org/articles/low-alp-myeloma/')
    const og = (p: string) => attr(meta(approved, 'property', p)[0]!, 'content')
    expect(og('og:title')).toBe(title)
    expect(og('og:description')).toBe(approvedArticle().summary)
    expect(og('og:type')).toBe('article')
    expect(og('og:url')).toBe('https://answers.example.org/articles/low-alp-myeloma/')
    expect(og('og:site_name')).toBe('Clinical Answers')
    const feed = one(head(approved), (el) => attr(el, 'rel') === 'alternate')
    expect(attr(feed, 'type')).toBe('application/atom+xml')
    expect(attr(feed, 'href')).toBe('https://answers.example.org/feed.xml')
    const css = one(head(approved), (el) => attr(el, 'rel') === 'stylesheet')
    expect(attr(css, 'href')).toBe('/assets/site.css')
    const charset = head(approved).children.find((n): n is Element => n.type === 'element')
    expect(charset && attr(charset, 'charSet')).toBe('utf-8')
  })

  it('carries parseable JSON-LD', () => {
    const script = one(approved, (el) => attr(el, 'type') === 'application/ld+json')
    const data = JSON.parse(text(script)) as Record<string, unknown>
    expect(data['@type']).toBe('MedicalWebPage')
  })

  it('asks search engines not to index content pending review', () => {
    expect(meta(pending, 'name', 'robots').map((m) => attr(m, 'content'))).toEqual(['noindex'])
    expect(meta(approved, 'name', 'robots')).toEqual([])
  })

  it('has landmarks and a skip link to the main content', () => {
    const body = one(approved, tag('body'))
    const first = body.children.find((n): n is Element => n.type === 'element')!
    expect(first.tagName).toBe('a')
    expect(attr(first, 'href')).toBe('#main')
    expect(text(first)).toBe('Skip to content')
    expect(all(approved, tag('main')).map((m) => attr(m, 'id'))).toEqual(['main'])
    expect(all(body, (el) => el.tagName === 'header' && hasClass('site-header')(el))).toHaveLength(
      1,
    )
    expect(all(body, (el) => el.tagName === 'footer' && hasClass('site-footer')(el))).toHaveLength(
      1,
    )
    const navs = all(approved, tag('nav'))
    for (const nav of navs) {
      expect(attr(nav, 'ariaLabel') ?? attr(nav, 'ariaLabelledBy')).toBeTruthy()
    }
  })

  it('has exactly one h1, the question, and heading levels never skip', () => {
    for (const tree of [approved, pending, overdue]) {
      const h1 = all(tree, tag('h1'))
      expect(h1.map(text)).toEqual([approvedArticle().title])
      const levels = all(tree, (el) => /^h[1-6]$/.test(el.tagName)).map((el) =>
        Number(el.tagName[1]),
      )
      levels.reduce((previous, level) => {
        expect(level).toBeLessThanOrEqual(previous + 1)
        return level
      }, 1)
    }
  })

  it('has no duplicate ids, and every in-page link lands on an id', () => {
    for (const tree of [approved, pending]) {
      const ids = all(tree, (el) => attr(el, 'id') !== undefined).map((el) => attr(el, 'id'))
      expect(new Set(ids).size).toBe(ids.length)
      const targets = all(tree, (el) => el.tagName === 'a' && /^#/.test(attr(el, 'href') ?? ''))
      expect(targets.length).toBeGreaterThan(40)
      for (const a of targets) expect(ids).toContain(attr(a, 'href')!.slice(1))
    }
  })
})

describe('review status', () => {
  const banner = (tree: Root) => all(tree, hasClass('notice-caution'))
  const overdueBanner = (tree: Root) => all(tree, hasClass('notice-overdue'))

  it('links the advisory board badge to the board page', () => {
    const badge = one(approved, hasClass('board-badge'))
    expect(attr(badge, 'href')).toBe('/advisory-board/')
    expect(text(badge)).toBe(
      'Medical Advisory Board All articles are reviewed for accuracy by our Medical Advisory Board',
    )
  })

  it('shows the caution banner if and only if the revision is not approved', () => {
    expect(banner(approved)).toHaveLength(0)
    expect(banner(overdue)).toHaveLength(0)
    expect(banner(pending).map(text)).toEqual([
      'Educational purpose only • Exercise caution as content is pending human review',
    ])
  })

  it('shows the overdue banner if and only if the re-review is overdue', () => {
    expect(overdueBanner(approved)).toHaveLength(0)
    expect(overdueBanner(pending)).toHaveLength(0)
    const [b] = overdueBanner(overdue)
    expect(text(b!)).toContain('Re-review overdue')
    expect(attr(one(b!, tag('time')), 'dateTime')).toBe('2025-12-01')
  })

  it('shows the tracker as an ordered list of the three steps with status text and dates', () => {
    const steps = (tree: Root) => {
      const ol = one(tree, hasClass('tracker-steps'))
      expect(ol.tagName).toBe('ol')
      return all(ol, tag('li'))
    }
    expect(steps(pending).map(text)).toEqual([
      'Submitted Completed November 20, 2025',
      'Under Review In progress since November 24, 2025',
      'Approved Not yet',
    ])
    expect(steps(pending).map((li) => attr(li, 'ariaCurrent'))).toEqual([
      undefined,
      'step',
      undefined,
    ])
    expect(steps(approved).map(text)).toEqual([
      'Submitted Completed November 20, 2025',
      'Under Review Completed November 24, 2025',
      'Approved Completed November 27, 2025',
    ])
    expect(steps(approved).every((li) => attr(li, 'ariaCurrent') === undefined)).toBe(true)
    expect(all(steps(approved)[2]!, tag('time')).map((t) => attr(t, 'dateTime'))).toEqual([
      '2025-11-27',
    ])
    expect(text(one(pending, byId('tracker-heading')))).toBe('Article Review Status')
  })

  it('says when the article was updated, by whom and when it was reviewed, and when it is due', () => {
    const facts = all(one(approved, hasClass('meta-facts')), tag('li'))
    expect(facts.map(text)).toEqual([
      'Written by Dr. Alex Morgan, MD',
      'Last updated: November 27, 2025',
      'Last reviewed by Dr. Priya Raman, MD, PhD on November 27, 2025',
      'Next review due November 27, 2026',
    ])
    const reviewer = one(facts[2]!, tag('a'))
    expect(attr(reviewer, 'href')).toBe('/advisory-board/#priya-raman')
    expect(all(facts[1]!, tag('time')).map((t) => attr(t, 'dateTime'))).toEqual(['2025-11-27'])
    const pendingFacts = all(one(pending, hasClass('meta-facts')), tag('li')).map(text)
    expect(pendingFacts.some((f) => f.startsWith('Last reviewed'))).toBe(false)
  })

  it('links to the editorial policy and the review history', () => {
    const links = all(one(approved, hasClass('meta-links')), tag('a'))
    expect(links.map((a) => [text(a), attr(a, 'href')])).toEqual([
      ['View editorial policy', '/editorial-policy/'],
      ['Review history', '/articles/low-alp-myeloma/history/'],
    ])
  })
})

describe('the audience selector', () => {
  it('is a labelled radio group with one option per version, the first checked', () => {
    const fieldset = one(approved, tag('fieldset'))
    expect(text(one(fieldset, tag('legend')))).toBe('Which best describes you?')
    expect(text(one(approved, byId(attr(fieldset, 'ariaDescribedBy')!)))).toBe(
      "Your choice helps us use language that's most understandable for you.",
    )
    const radios = all(fieldset, (el) => el.tagName === 'input' && attr(el, 'type') === 'radio')
    expect(radios.map((r) => attr(r, 'value'))).toEqual(['clinician', 'patient'])
    expect(radios.map((r) => attr(r, 'checked') !== undefined)).toEqual([true, false])
    expect(new Set(radios.map((r) => attr(r, 'name')))).toEqual(new Set(['audience']))
    for (const radio of radios) {
      const label = one(
        fieldset,
        (el) => el.tagName === 'label' && attr(el, 'htmlFor') === attr(radio, 'id'),
      )
      expect(text(label)).toBeTruthy()
    }
    expect(
      radios.map((r) => text(one(fieldset, (el) => attr(el, 'htmlFor') === attr(r, 'id')))),
    ).toEqual(['Healthcare professional', 'Patient or caregiver'])
  })

  it('renders every version in the page, in selector order, so each is reachable without JavaScript', () => {
    const sections = all(approved, hasClass('version'))
    expect(sections.map((s) => attr(s, 'dataAudience'))).toEqual(['clinician', 'patient'])
    const radios = all(approved, (el) => attr(el, 'type') === 'radio')
    expect(radios.map((r) => attr(r, 'ariaControls'))).toEqual(sections.map((s) => attr(s, 'id')))
    expect(text(sections[1]!)).toContain('Alkaline phosphatase (ALP) is a blood test')
    // The stylesheet pairs the n-th option with the n-th version: both must be siblings of one type.
    const versions = one(approved, hasClass('versions'))
    expect(
      versions.children.filter((n) => n.type === 'element').map((n) => (n as Element).tagName),
    ).toEqual(['section', 'section'])
  })

  it('is left out when there is only one version', () => {
    const article = { ...approvedArticle(), versions: approvedArticle().versions.slice(0, 1) }
    const tree = render(article)
    expect(all(tree, tag('fieldset'))).toHaveLength(0)
    expect(all(tree, hasClass('version'))).toHaveLength(1)
  })

  it('refuses versions rendered without their own id prefix (duplicate ids)', () => {
    const article = approvedArticle()
    article.versions[1] = { ...article.versions[1]!, body: article.versions[0]!.body }
    expect(() => renderArticlePage(site, article)).toThrow(
      /id "clinician-cite-1" \(patient body\).*idPrefix/,
    )
    const clash = approvedArticle()
    clash.versions[0]!.body = { html: '<h2 id="main">Main points</h2>', ids: ['main'] }
    expect(() => renderArticlePage(site, clash)).toThrow(/"main"/)
  })

  it('refuses an article without versions or with more than the stylesheet can switch', () => {
    const v = approvedArticle().versions[1]!
    expect(() => renderArticlePage(site, { ...approvedArticle(), versions: [] })).toThrow(
      /no version/,
    )
    const many = Array.from({ length: 7 }, (_, i) => ({ ...v, audience: `a${i}` }))
    expect(() => renderArticlePage(site, { ...approvedArticle(), versions: many })).toThrow(
      /more than 6/,
    )
  })
})

describe('the body, contents and references', () => {
  const clinician = one(approved, byId('version-clinician'))
  const patient = one(approved, byId('version-patient'))

  it('renders the sanitized body from hast', () => {
    expect(
      text(one(clinician, byId('clinician-the-pathophysiology-behind-low-alp-in-myeloma'))),
    ).toBe('The pathophysiology behind low ALP in myeloma')
    expect(all(clinician, (el) => el.tagName === 'strong').map(text)).toContain(
      'Normal or low ALP with lytic lesions:',
    )
  })

  it('shows markup an author wrote as text, never as markup', () => {
    const hostile = '`<img src=x onerror=alert(1)><script>alert(2)</script>`'
    const article = renderArticleView(
      { ...approvedSource(), body: `${hostile} [@brandt2021]` },
      createMarkdownProcessor(),
      NOW,
    ).view
    const html = renderArticlePage(site, article)
    expect(html).not.toContain('<img src=x')
    expect(html).not.toContain('<script>alert(2)')
    expect(text(one(parse(html), byId('version-clinician')))).toContain(hostile.slice(1, -1))
  })

  it('has a nested table of contents for versions with three or more headings', () => {
    const toc = one(clinician, hasClass('toc'))
    expect(toc.tagName).toBe('nav')
    const lists = all(toc, tag('ol'))
    expect(lists).toHaveLength(2)
    for (const list of lists) {
      const children = list.children.filter((n): n is Element => n.type === 'element')
      expect(children.every((li) => li.tagName === 'li')).toBe(true)
    }
    // The two depth-3 entries sit inside the third depth-2 entry.
    const third = lists[0]!.children.filter((n): n is Element => n.type === 'element')[2]!
    expect(all(third, tag('a')).map(text)).toEqual([
      'Important caveats and exceptions',
      'When ALP may rise in myeloma',
      'Bone markers in myeloma',
    ])
    expect(all(toc, tag('a')).map((a) => attr(a, 'href'))).toEqual(
      approvedArticle().versions[0]!.toc.map((e) => `#${e.id}`),
    )
    expect(all(patient, hasClass('toc'))).toHaveLength(0)
  })

  it('lists the references in an ordered list, with ids and numbered back-links', () => {
    const refs = approvedArticle().versions[0]!.references
    const list = one(clinician, hasClass('reference-list'))
    expect(list.tagName).toBe('ol')
    const items = list.children.filter((n): n is Element => n.type === 'element')
    expect(items.every((li) => li.tagName === 'li')).toBe(true)
    expect(items.map((li) => attr(li, 'id'))).toEqual(refs.map((r) => r.anchorId))
    expect(refs.map((r) => r.number)).toEqual([1, 2, 3, 4, 5, 6])
    expect(text(items[0]!)).toContain('Brandt L, Chen W, Ortiz M. Alkaline phosphatase')
    // Where each reference is cited from: the citation links in the body that point at it.
    const citedFrom = (anchorId: string) =>
      all(clinician, (el) => attr(el, 'role') === 'doc-biblioref')
        .filter((a) => attr(a, 'href') === `#${anchorId}`)
        .map((a) => attr(a, 'id')!)
    for (const [i, ref] of refs.entries()) {
      const back = all(items[i]!, (el) => el.tagName === 'a' && attr(el, 'ariaLabel') !== undefined)
      expect(back.map((a) => attr(a, 'href'))).toEqual(
        citedFrom(ref.anchorId).map((id) => `#${id}`),
      )
      expect(
        back.every((a) => attr(a, 'ariaLabel')!.startsWith(`Back to citation ${ref.number}`)),
      ).toBe(true)
    }
    const single = refs.find((r) => citedFrom(r.anchorId).length === 1)!
    const singleLink = one(
      one(clinician, byId(single.anchorId)),
      (el) => attr(el, 'ariaLabel') !== undefined,
    )
    expect(attr(singleLink, 'ariaLabel')).toBe(`Back to citation ${single.number} in the text`)
    expect(text(singleLink)).toBe('↩')
  })

  it('links every citation in the body to its reference, and back', () => {
    const citations = all(clinician, (el) => attr(el, 'role') === 'doc-biblioref')
    expect(citations.length).toBeGreaterThan(10)
    for (const a of citations) {
      const target = one(clinician, byId(attr(a, 'href')!.slice(1)))
      expect(target.tagName).toBe('li')
      expect(all(target, (el) => attr(el, 'href') === `#${attr(a, 'id')}`)).toHaveLength(1)
    }
  })
})

describe('after the body', () => {
  it("shows each audience's own disclaimer under its version", () => {
    const [clinician, patient] = ['version-clinician', 'version-patient'].map((id) =>
      one(one(approved, byId(id)), hasClass('disclaimer')),
    )
    expect(text(one(clinician!, tag('h2')))).toBe('Professional Medical Disclaimer')
    expect(text(clinician!)).toContain('This information is intended for healthcare professionals.')
    expect(text(one(patient!, tag('h2')))).toBe('Medical disclaimer')
    expect(text(patient!)).toContain('not medical advice')
    expect(text(patient!)).not.toContain('healthcare professionals')
    expect(all(approved, hasClass('disclaimer'))).toHaveLength(2)
  })

  it('offers a question form for the editors, with the settings link when there is no script', () => {
    const section = one(approved, hasClass('follow-up'))
    expect(text(one(section, tag('h2')))).toBe('Have a follow-up question?')
    const form = one(section, tag('form'))
    expect([attr(form, 'action'), attr(form, 'method')]).toEqual([QUESTION_ENDPOINT, 'post'])
    const names = all(form, (el) => ['input', 'textarea'].includes(el.tagName)).map((el) =>
      attr(el, 'name'),
    )
    expect(names).toEqual(['article', 'question', 'email', QUESTION_TRAP_FIELD])
    expect(attr(one(form, tag('textarea')), 'maxLength')).toBe(String(QUESTION_LIMITS.questionMax))
    const html = renderArticlePage(site, approvedArticle())
    expect(html).toContain(
      '<noscript><p><a class="button" href="https://answers.example.org/ask">Ask a follow-up question</a></p></noscript>',
    )
    const without = render(approvedArticle(), { ...site, followUp: undefined })
    expect(all(without, hasClass('follow-up'))).toHaveLength(0)
  })
})
