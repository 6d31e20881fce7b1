import { describe, expect, it } from 'vitest'

import { warmUp } from './warmUp'

describe('warmUp', () => {
  it('renders a whole article page as long as a real one, every construct and reference included, with no problem', () => {
    const { html, problems } = warmUp()
    expect(problems).toEqual([])
    expect(html).toContain('Warm-up?')
    for (const part of [
      '<table',
      '<blockquote',
      '<ol',
      '<ul',
      '<em',
      'href="https://example.org/guideline"',
    ]) {
      expect(html).toContain(part)
    }
    // Every reference is cited and listed, in the site's style.
    for (const author of ['Roe0', 'Roe1', 'Roe2', 'Roe3', 'Roe4']) expect(html).toContain(author)
    const text = html.replace(/<[^>]+>/g, ' ')
    expect(text.split(/\s+/).length).toBeGreaterThan(700)
  })
})
