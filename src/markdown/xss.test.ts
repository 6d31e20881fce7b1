import type { Element, Root } from 'hast'
import { fromHtml } from 'hast-util-from-html'
import { describe, expect, it } from 'vitest'
import { createMarkdownProcessor, renderReferenceList, toHtml } from './index'
import { XSS_CORPUS as corpus, XSS_LITERAL as literal } from './testing'

const processor = createMarkdownProcessor()
const SCRIPT_CAPABLE = new Set([
  'script',
  'iframe',
  'frame',
  'frameset',
  'object',
  'embed',
  'applet',
  'style',
  'link',
  'svg',
  'math',
  'form',
  'input',
  'button',
  'textarea',
  'select',
  'meta',
  'base',
  'body',
  'details',
  'template',
])
const URL_ATTRIBUTES = new Set([
  'href',
  'src',
  'action',
  'formaction',
  'data',
  'xlinkhref',
  'poster',
  'srcset',
])

function elements(root: Root): Element[] {
  const found: Element[] = []
  const walk = (node: Root | Element): void => {
    for (const child of node.children) {
      if (child.type === 'element') {
        found.push(child)
        walk(child)
      }
    }
  }
  walk(root)
  return found
}

function assertSafe(html: string): void {
  // Re-parse the output as a browser would and inspect what it builds.
  for (const element of elements(fromHtml(html, { fragment: true }))) {
    expect(SCRIPT_CAPABLE.has(element.tagName), `<${element.tagName}> in ${html}`).toBe(false)
    for (const [name, value] of Object.entries(element.properties)) {
      expect(/^on/i.test(name), `${name} in ${html}`).toBe(false)
      if (!URL_ATTRIBUTES.has(name.toLowerCase())) continue
      const url = String(value)
        // eslint-disable-next-line no-control-regex -- browsers ignore these in URLs
        .replace(/[\u0000-\u0020]/g, '')
        .toLowerCase()
      expect(url, `${name} in ${html}`).not.toMatch(/^(javascript|vbscript|data|livescript):/)
      expect(url.startsWith('//'), `${name} in ${html}`).toBe(false)
    }
  }
}

describe('XSS corpus', () => {
  it('has at least 30 inputs', () => {
    expect(corpus.length).toBeGreaterThanOrEqual(30)
  })

  it.each(corpus)('neutralizes and reports %j', (markdown) => {
    const result = processor.render({ markdown, references: [] })
    const html = toHtml(result.hast)
    assertSafe(html)
    const drops = result.messages.filter(
      (m) => m.ruleId === 'html-dropped' || m.ruleId === 'url-unsafe',
    )
    expect(drops.length, html).toBeGreaterThan(0)
    for (const drop of drops) expect(drop.fatal).toBe(false)
  })

  it.each(literal)('shows %j as escaped text', (markdown) => {
    const result = processor.render({ markdown, references: [] })
    const html = toHtml(result.hast)
    assertSafe(html)
    expect(html).toMatch(/^<p>&#x3C;/)
    expect(html).not.toContain('<svg')
  })

  it('keeps the honest text around what it removes', () => {
    const render = (markdown: string) => toHtml(processor.render({ markdown, references: [] }).hast)
    expect(render('Before <b onclick="x()">bold</b> after')).toBe('<p>Before bold after</p>')
    expect(render('See [the guideline](javascript:alert(1)) now')).toBe(
      '<p>See the guideline now</p>',
    )
    expect(render('![Chest X-ray](javascript:alert(1))')).toBe('<p>Chest X-ray</p>')
    expect(render('<javascript:alert(1)>')).toBe('<p>javascript:alert(1)</p>')
  })

  it('drops comment-only HTML silently, since it renders nothing anyway', () => {
    const result = processor.render({
      markdown: 'a <!-- note --> b\n\n<!-- block -->',
      references: [],
    })
    expect(toHtml(result.hast)).toBe('<p>a  b</p>')
    expect(result.messages).toEqual([])
  })

  it('sanitizes reference entries formatted from hostile CSL-JSON', () => {
    const result = processor.render({
      markdown: '[@evil]',
      references: [
        {
          id: 'evil',
          type: 'webpage',
          title:
            'Title <script>alert(1)</script> <img src=x onerror=alert(1)> <i onclick="x()">it</i> <i>ok</i>',
          author: [{ literal: '<svg onload=alert(1)>' }],
          URL: 'javascript:alert(1)',
        },
      ],
    })
    const html = toHtml(renderReferenceList(result.references))
    assertSafe(html)
    expect(html).toContain('<i>ok</i>')
    expect(html).toContain('&#x3C;i onclick="x()">it&#x3C;/i>')
    expect(html).toContain('Available from: javascript:alert(1)</span>')
  })
})
