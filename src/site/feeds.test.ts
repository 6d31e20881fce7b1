import { describe, expect, it } from 'vitest'
import { renderAtomFeed, renderRobots, renderSitemap } from './feeds'
import { feedArticles, site } from './fixtures'

describe('renderSitemap', () => {
  const xml = renderSitemap(site, [
    { url: '/', lastmod: '2026-01-15T08:00:00Z' },
    { url: '/articles/a&b/' },
    { url: 'https://answers.example.org/advisory-board/' },
  ])

  it('is a sitemaps.org 0.9 urlset with absolute, escaped locations', () => {
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n')).toBe(true)
    expect(xml).toContain('<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">')
    expect([...xml.matchAll(/<loc>(.*?)<\/loc>/g)].map((m) => m[1])).toEqual([
      'https://answers.example.org/',
      'https://answers.example.org/articles/a&amp;b/',
      'https://answers.example.org/advisory-board/',
    ])
    expect([...xml.matchAll(/<lastmod>(.*?)<\/lastmod>/g)].map((m) => m[1])).toEqual([
      '2026-01-15T08:00:00Z',
    ])
    expect(xml.trimEnd().endsWith('</urlset>')).toBe(true)
  })

  it('refuses URLs of another site and relative paths', () => {
    expect(() => renderSitemap(site, [{ url: 'https://evil.example/' }])).toThrow(/outside/)
    expect(() => renderSitemap(site, [{ url: 'articles/x/' }])).toThrow(/site-relative/)
  })
})

describe('renderAtomFeed', () => {
  const xml = renderAtomFeed(site, [
    ...feedArticles,
    {
      slug: 'x',
      url: '/articles/x/',
      title: 'Is <b> & "c" escaped?',
      approved: true,
      updated: '2024-01-01T00:00:00Z',
    },
  ])
  const entries = [...xml.matchAll(/<entry>([\s\S]*?)<\/entry>/g)].map((m) => m[1]!)

  it('is an Atom 1.0 feed with id, title, updated, self link and author', () => {
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n')).toBe(true)
    expect(xml).toContain('<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en">')
    expect(xml).toContain('<id>https://answers.example.org/</id>')
    expect(xml).toContain('<title>Clinical Answers</title>')
    expect(xml).toContain(
      '<link rel="self" type="application/atom+xml" href="https://answers.example.org/feed.xml"/>',
    )
    expect(xml).toContain('<author><name>Clinical Answers</name>')
    // The feed was last updated when its newest entry was.
    expect(xml.match(/<\/subtitle>\s*<updated>(.*?)<\/updated>/)![1]).toBe('2026-02-02T12:00:00Z')
  })

  it('has one entry per article, newest first, with id, title, updated, link and summary', () => {
    expect(entries).toHaveLength(4)
    expect(entries.map((e) => e.match(/<id>(.*?)<\/id>/)![1])).toEqual([
      'https://answers.example.org/articles/mgus-follow-up/',
      'https://answers.example.org/articles/hypercalcaemia-myeloma/',
      'https://answers.example.org/articles/low-alp-myeloma/',
      'https://answers.example.org/articles/x/',
    ])
    for (const entry of entries) {
      expect(entry).toMatch(/<title>.+<\/title>/)
      expect(entry).toMatch(/<updated>\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ<\/updated>/)
      expect(entry).toMatch(/<link rel="alternate" type="text\/html" href="https:\/\/[^"]+"\/>/)
    }
    expect(entries[1]).toContain(
      '<summary>Hydration first, then bisphosphonates or denosumab.</summary>',
    )
  })

  it('says when an entry is pending review, and escapes text', () => {
    expect(entries[0]).toContain('<summary>Pending medical review.</summary>')
    expect(entries[3]).toContain('<title>Is &lt;b&gt; &amp; &quot;c&quot; escaped?</title>')
  })

  it('is deterministic when empty', () => {
    expect(renderAtomFeed(site, [])).toContain('<updated>1970-01-01T00:00:00Z</updated>')
    expect(renderAtomFeed(site, [], { updated: '2026-03-01T00:00:00Z' })).toContain(
      '<updated>2026-03-01T00:00:00Z</updated>',
    )
  })
})

describe('renderRobots', () => {
  it('allows everything and points at the sitemap', () => {
    expect(renderRobots(site)).toBe(
      'User-agent: *\nAllow: /\n\nSitemap: https://answers.example.org/sitemap.xml\n',
    )
  })
})
