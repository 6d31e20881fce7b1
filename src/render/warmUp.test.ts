import { describe, expect, it } from 'vitest'

import { warmUp } from './warmUp'

describe('warmUp', () => {
  it('renders a whole article page, citation and table included, with no problem', () => {
    const { html, problems } = warmUp()
    expect(problems).toEqual([])
    expect(html).toContain('<table')
    expect(html).toContain('Doe J')
    expect(html).toContain('Warm-up?')
  })
})
