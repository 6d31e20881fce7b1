import type { Root } from 'hast'
import { h } from 'hastscript'
import { describe, expect, it } from 'vitest'
import { fitHeadings } from './components/PolicyPage'
import { approvedArticle, people, policy, reviewer, site, summaries } from './fixtures'
import {
  renderBoardPage,
  renderHistoryPage,
  renderHomePage,
  renderNotFoundPage,
  renderPolicyPage,
  renderTopicPage,
} from './render'
import { recentlyReviewed, TOPIC_PAGE_SIZE, topicIndex, topicPages } from './lists'
import { all, attr, byId, hasClass, one, parse, tag, text } from './testing/html'

function common(tree: Root) {
  expect(all(tree, tag('h1'))).toHaveLength(1)
  expect(all(tree, tag('main')).map((m) => attr(m, 'id'))).toEqual(['main'])
  const ids = all(tree, (el) => attr(el, 'id') !== undefined).map((el) => attr(el, 'id'))
  expect(new Set(ids).size).toBe(ids.length)
  const levels = all(tree, (el) => /^h[1-6]$/.test(el.tagName)).map((el) => Number(el.tagName[1]))
  levels.reduce((previous, level) => {
    expect(level).toBeLessThanOrEqual(previous + 1)
    return level
  }, 1)
}

const current = (tree: Root) =>
  all(one(tree, hasClass('site-header')), (el) => attr(el, 'ariaCurrent') === 'page').map(text)

describe('home page', () => {
  const topics = [...topicIndex(summaries).values()].map((t) => t.topic)
  const html = renderHomePage(site, recentlyReviewed(summaries), topics)
  const tree = parse(html)

  it('lists the recently reviewed articles, newest first, and never a pending one', () => {
    common(tree)
    const cards = all(one(tree, hasClass('article-index')), hasClass('article-card'))
    expect(cards.map((c) => attr(one(c, tag('a')), 'href'))).toEqual([
      '/articles/hypercalcaemia-myeloma/',
      '/articles/low-alp-myeloma/',
    ])
    expect(text(cards[0]!)).toContain('Reviewed January 15, 2026')
    expect(one(one(tree, hasClass('article-index')), hasClass('article-list')).tagName).toBe('ul')
    expect(current(tree)).toEqual(['Articles'])
  })

  it('links every topic page, which together list every article', () => {
    const links = all(one(tree, hasClass('topic-index')), tag('a'))
    expect(links.map((a) => attr(a, 'href'))).toEqual(topics.map((t) => t.url))
    const listed = new Set(
      [...topicIndex(summaries).values()].flatMap((t) => t.articles.map((a) => a.slug)),
    )
    expect(listed).toEqual(new Set(summaries.map((s) => s.slug)))
  })

  it('loads the search as a module, into a search region hidden until it runs', () => {
    const head = one(tree, tag('head'))
    const scripts = all(head, tag('script')).map((s) => [attr(s, 'src'), attr(s, 'type')])
    expect(scripts).toEqual([
      ['/assets/search.js', 'module'],
      ['/assets/site.js', undefined],
      [undefined, 'application/ld+json'],
    ])
    const search = one(tree, (el) => attr(el, 'dataSearch') !== undefined)
    expect(attr(search, 'hidden')).toBeDefined()
    expect(all(search, (el) => attr(el, 'role') === 'search')).toHaveLength(1)
    expect(all(search, (el) => attr(el, 'role') === 'status')).toHaveLength(1)
  })

  it('says so when there is nothing to list', () => {
    expect(text(parse(renderHomePage(site, [], [])))).toContain(
      'No articles have been published yet.',
    )
  })
})

describe('topic page', () => {
  const [topic] = [...topicIndex(summaries).values()]
  const tree = parse(renderTopicPage(site, topic!.topic, topic!.articles))

  it('lists the topic’s articles under its name, pending ones marked', () => {
    common(tree)
    expect(text(one(tree, tag('h1')))).toBe(topic!.topic.name)
    const cards = all(tree, hasClass('article-card'))
    expect(cards).toHaveLength(topic!.articles.length)
    expect(all(tree, hasClass('pager'))).toHaveLength(0)
  })

  it('splits a topic of many articles into pages linked to each other, each its own address', () => {
    const many = Array.from({ length: TOPIC_PAGE_SIZE * 2 + 3 }, (_, i) => ({
      ...summaries[0]!,
      slug: `article-${String(i).padStart(3, '0')}`,
      url: `/articles/article-${String(i).padStart(3, '0')}/`,
      title: `Question ${String(i).padStart(3, '0')}?`,
      topics: ['Anaemia'],
    }))
    const { topic, articles } = topicIndex(many).get('anaemia')!
    const pages = topicPages(articles)
    expect(pages.map((p) => [p.pager, p.articles.length])).toEqual([
      [{ number: 1, total: 3 }, TOPIC_PAGE_SIZE],
      [{ number: 2, total: 3 }, TOPIC_PAGE_SIZE],
      [{ number: 3, total: 3 }, 3],
    ])
    expect(pages.flatMap((p) => p.articles)).toEqual(articles)
    const trees = pages.map((p) => parse(renderTopicPage(site, topic, p.articles, p.pager)))
    const canonical = (t: Root) =>
      attr(
        one(t, (el) => el.tagName === 'link' && attr(el, 'rel') === 'canonical'),
        'href',
      )
    expect(trees.map(canonical)).toEqual([
      `${site.baseUrl}/topics/anaemia/`,
      `${site.baseUrl}/topics/anaemia/page/2/`,
      `${site.baseUrl}/topics/anaemia/page/3/`,
    ])
    const links = (t: Root) =>
      all(one(t, hasClass('pager')), tag('a')).map((a) => [text(a), attr(a, 'href')])
    expect(links(trees[0]!)).toEqual([['Next page', '/topics/anaemia/page/2/']])
    expect(links(trees[1]!)).toEqual([
      ['Previous page', '/topics/anaemia/'],
      ['Next page', '/topics/anaemia/page/3/'],
    ])
    expect(links(trees[2]!)).toEqual([['Previous page', '/topics/anaemia/page/2/']])
    for (const t of trees) common(t)
    expect(text(one(trees[1]!, tag('title')))).toContain('Anaemia (page 2 of 3)')
    expect(text(one(trees[1]!, hasClass('lede')))).toContain(
      `${TOPIC_PAGE_SIZE * 2 + 3} articles, reviewed by our Medical Advisory Board; this is page 2 of 3.`,
    )
  })
})

describe('advisory board page', () => {
  const tree = parse(renderBoardPage(site, people))

  it('has a profile per person at #slug, with credentials, specialty, bio, disclosure, ORCID', () => {
    common(tree)
    const profile = one(tree, byId('priya-raman'))
    expect(text(one(profile, tag('h2')))).toBe('Dr. Priya Raman, MD, PhD')
    expect(text(profile)).toContain('Hematology · Reviewer')
    expect(text(profile)).toContain(reviewer.bio!)
    expect(all(profile, tag('dt')).map(text)).toEqual(['Conflict-of-interest disclosure', 'ORCID'])
    expect(text(all(profile, tag('dd'))[0]!)).toBe(reviewer.disclosures)
    const orcid = one(profile, tag('a'))
    expect(attr(orcid, 'href')).toBe('https://orcid.org/0000-0002-1825-0097')
    const other = one(tree, byId('samuel-okafor'))
    expect(text(other)).toContain('No disclosure on file.')
    expect(all(other, tag('a'))).toHaveLength(0)
    expect(current(tree)).toEqual(['Advisory board'])
  })
})

describe('editorial policy page', () => {
  it('renders the policy under one h1, without repeating its title', () => {
    const tree = parse(renderPolicyPage(site, policy))
    common(tree)
    expect(all(tree, tag('h2')).map(text)).toEqual(['Review', 'Conflicts of interest'])
    expect(current(tree)).toEqual(['Editorial policy'])
  })

  it('moves headings down when the policy uses h1 inside its text', () => {
    const tree = fitHeadings(h(null, [h('p', 'Intro'), h('h1', 'A'), h('h2', 'B'), h('h6', 'C')]))
    expect(all(tree, (el) => /^h\d$/.test(el.tagName)).map((el) => el.tagName)).toEqual([
      'h2',
      'h3',
      'h6',
    ])
    const untouched = h(null, [h('h2', 'A'), h('h3', 'B')])
    expect(fitHeadings(untouched)).toEqual(untouched)
  })
})

describe('review history page', () => {
  const tree = parse(renderHistoryPage(site, approvedArticle()))

  it('shows a timeline of events, oldest first, with dates, actors and the approval note', () => {
    common(tree)
    const events = all(one(tree, hasClass('timeline')), tag('li'))
    // Reviewers' deliberation (comment events) is not public; the approval note is.
    expect(events.map((e) => text(one(e, tag('strong'))))).toEqual([
      'Submitted for review',
      'Review started',
      'Approved',
    ])
    expect(attr(one(events[0]!, tag('time')), 'dateTime')).toBe('2025-11-20T09:12:00Z')
    expect(text(events[0]!)).toContain('November 20, 2025, 09:12 UTC')
    expect(text(events[0]!)).toContain('By Dr. Alex Morgan, MD')
    expect(text(events[1]!)).toContain('Status: Submitted → to Under review')
    expect(attr(one(events[1]!, tag('a')), 'href')).toBe('/advisory-board/#priya-raman')
    expect(text(one(events[2]!, tag('blockquote')))).toBe('Accurate and well referenced.')
    expect(text(tree)).not.toContain('Please add the free light chain assay')
    expect(all(events[0]!, tag('a'))).toHaveLength(0)
  })

  it('is canonical at the article URL + history/ and links back to the article', () => {
    const canonical = one(tree, (el) => attr(el, 'rel') === 'canonical')
    expect(attr(canonical, 'href')).toBe(
      'https://answers.example.org/articles/low-alp-myeloma/history/',
    )
    expect(all(tree, (el) => attr(el, 'href') === '/articles/low-alp-myeloma/')).toHaveLength(1)
  })

  it('orders events by time whatever the input order', () => {
    const article = approvedArticle()
    article.history.reverse()
    const events = all(
      one(parse(renderHistoryPage(site, article)), hasClass('timeline')),
      tag('li'),
    )
    expect(text(one(events[0]!, tag('strong')))).toBe('Submitted for review')
  })
})

describe('404 page', () => {
  it('says the page was not found, links home, and is not indexed or canonical', () => {
    const tree = parse(renderNotFoundPage(site))
    common(tree)
    expect(text(one(tree, tag('h1')))).toBe('Page not found')
    expect(all(tree, (el) => attr(el, 'rel') === 'canonical')).toHaveLength(0)
    const robots = one(tree, (el) => attr(el, 'name') === 'robots')
    expect(attr(robots, 'content')).toBe('noindex')
    const hrefs = all(one(tree, tag('main')), tag('a')).map((a) => attr(a, 'href'))
    expect(hrefs).toContain('/')
    // Served at any depth: every link must be root-relative or absolute.
    for (const a of all(tree, (el) => attr(el, 'href') !== undefined)) {
      expect(attr(a, 'href')).toMatch(/^(\/|https:\/\/|#)/)
    }
  })
})
