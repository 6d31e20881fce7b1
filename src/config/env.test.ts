import os from 'node:os'

import { describe, expect, it } from 'vitest'

import { allowedOrigins, readEnv } from './env'

describe('allowedOrigins', () => {
  it('lets the admin be used at every address the server answers to, and SITE_URL', () => {
    const origins = allowedOrigins(
      readEnv({ NODE_ENV: 'test', PORT: '3410', SITE_URL: 'https://answers.example/' }),
    )
    expect(origins).toContain('https://answers.example')
    for (const host of ['localhost', '127.0.0.1', '[::1]', os.hostname()])
      expect(origins).toContain(`http://${host}:3410`)
    const network = Object.values(os.networkInterfaces())
      .flat()
      .find((n) => n && n.family === 'IPv4' && !n.internal)
    if (network) expect(origins).toContain(`http://${network.address}:3410`)
    // Only this port: another server on the machine is another origin.
    expect(origins).not.toContain('http://localhost:3000')
  })
})
