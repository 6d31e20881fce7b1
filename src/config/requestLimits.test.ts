import { describe, expect, it } from 'vitest'

import { withBodyLimit } from './requestLimits'

const echo = withBodyLimit(async (request: Request) => new Response(await request.text()), 10)

describe('withBodyLimit', () => {
  it('hands a body within the limit on unchanged', async () => {
    const res = await echo(new Request('http://x/', { method: 'POST', body: '0123456789' }))
    expect(res.status).toBe(200)
    expect(await res.text()).toBe('0123456789')
  })
  it('answers 413 to a declared or a streamed body over the limit', async () => {
    const declared = await echo(
      new Request('http://x/', {
        method: 'POST',
        body: 'x',
        headers: { 'content-length': '11' },
      }),
    )
    expect(declared.status).toBe(413)
    const stream = new ReadableStream({
      start(c) {
        c.enqueue(new TextEncoder().encode('0123456'))
        c.enqueue(new TextEncoder().encode('789ab'))
        c.close()
      },
    })
    const streamed = await echo(
      new Request('http://x/', { method: 'POST', body: stream, duplex: 'half' } as RequestInit),
    )
    expect(streamed.status).toBe(413)
    expect((await streamed.json()).errors[0].data.code).toBe('body_too_large')
  })
})
