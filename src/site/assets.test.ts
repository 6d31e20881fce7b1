import { existsSync, readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { SITE_ASSETS } from './assets'
import { MAX_VERSIONS } from './components/ArticlePage'
import { approvedArticle, site } from './fixtures'
import { renderArticlePage, renderHomePage } from './render'

const css = readFileSync(SITE_ASSETS.find((a) => a.path === '/assets/site.css')!.file, 'utf8')
const js = readFileSync(SITE_ASSETS.find((a) => a.path === '/assets/site.js')!.file, 'utf8')

describe('site assets', () => {
  it('exist where the publisher will copy them from, and are small', () => {
    expect(SITE_ASSETS.map((a) => a.path)).toEqual([
      '/assets/site.css',
      '/assets/site.js',
      '/assets/search.js',
      '/assets/search-terms.js',
      '/assets/favicon.svg',
    ])
    for (const asset of SITE_ASSETS) expect(existsSync(asset.file)).toBe(true)
    expect(css.length).toBeLessThan(20_000)
    expect(js.length).toBeLessThan(3_000)
  })

  it('switch exactly as many audience versions in CSS as the renderer allows', () => {
    const rules = [
      ...css.matchAll(
        /\.audience-option:nth-of-type\((\d)\) input:checked\) \.version:not\(:nth-of-type\((\d)\)\)/g,
      ),
    ]
    expect(rules.map((m) => [Number(m[1]), Number(m[2])])).toEqual(
      Array.from({ length: MAX_VERSIONS }, (_, i) => [i + 1, i + 1]),
    )
  })

  it('cover print, reduced motion and visible focus', () => {
    expect(css).toMatch(/@media print\s*{[\s\S]*\.personalize[\s\S]*break-inside: avoid/)
    expect(css).toMatch(/attr\(href\)/)
    expect(css).toMatch(/@media \(prefers-reduced-motion: reduce\)/)
    expect(css).toMatch(/:focus-visible\s*{\s*outline: 3px solid/)
  })

  it('hook into attributes the pages actually render', () => {
    const article = renderArticlePage(site, approvedArticle())
    const home = renderHomePage(site, [], [])
    for (const hook of ['data-audience-choice', 'data-audience=', 'name="audience"']) {
      expect(article).toContain(hook)
    }
    expect(js).toContain('[data-audience-choice]')
    expect(js).toContain("closest('[data-audience]')")
    expect(js).toContain('localStorage')
    const search = readFileSync(new URL('./assets/search.js', import.meta.url), 'utf8')
    for (const hook of [
      'data-search',
      'data-search-form',
      'data-search-status',
      'data-search-results',
    ]) {
      expect(search).toContain(`[${hook}]`)
      expect(home).toContain(`${hook}=""`)
    }
  })
})
