import { expect, test } from '@playwright/test'

import { signIn, SEED_SLUG } from './helpers'

const PATHS = {
  site: ['/', `/articles/${SEED_SLUG}/`, '/no-such-page/'],
  admin: ['/admin/login', '/monaco/vs/loader.js'],
  api: ['/api/access', '/api/articles?limit=1'],
}

test('every response carries the security headers, and the site allows no inline script', async ({
  request,
}) => {
  for (const [area, paths] of Object.entries(PATHS)) {
    for (const path of paths) {
      const res = await request.get(path)
      const headers = res.headers()
      const csp = headers['content-security-policy'] ?? ''
      expect(csp, `${area} ${path}`).toContain("frame-ancestors 'self'")
      expect(csp, path).toContain(area === 'api' ? "default-src 'none'" : "object-src 'none'")
      expect(headers['x-frame-options'], path).toBe('SAMEORIGIN')
      expect(headers['x-content-type-options'], path).toBe('nosniff')
      expect(headers['referrer-policy'], path).toMatch(
        /^(same-origin|strict-origin-when-cross-origin)$/,
      )
      const scripts = /script-src ([^;]*)/.exec(csp)?.[1] ?? ''
      expect(scripts, path).not.toContain("'unsafe-inline'")
      if (area === 'admin' && path.startsWith('/admin')) expect(scripts).toMatch(/'nonce-[^']+'/)
      if (area === 'api') expect(csp).toContain("default-src 'none'")
    }
  }
  // The editor's assets are served by Next too.
  const login = await (await request.get('/admin/login')).text()
  const asset = /\/_next\/static\/[^"']+\.js/.exec(login)?.[0]
  expect(asset).toBeTruthy()
  const res = await request.get(asset!)
  expect(res.headers()['x-content-type-options']).toBe('nosniff')
  expect(res.headers()['content-security-policy']).toBeTruthy()
})

test('malformed addresses answer 400 or 404, never 500', async ({ request }) => {
  for (const path of [
    '/%',
    '/%zz',
    '/..%c0%af..%c0%afpackage.json',
    '/..%2f..%2fpackage.json',
    '/api/articles/%',
    '/api/articles/abc',
    '/api/articles/1e400',
    '/api/users/logout',
    '/api/articles?where[body][like][]=x',
    '/api/articles?page=99999999999999999999',
    '/monaco/vs/..%2f..%2f..%2fpackage.json',
  ]) {
    const res = await request.get(path)
    expect([400, 404], `${path}: ${res.status()}`).toContain(res.status())
    expect(await res.text()).not.toContain('"dependencies"')
  }
})

test('the admin works under its policy: no violation while signing in and editing', async ({
  page,
}) => {
  const violations: string[] = []
  page.on('console', (m) => {
    if (/Content Security Policy|Refused to/i.test(m.text())) violations.push(m.text())
  })
  await signIn(page, 'editor')
  await page.goto('/admin/collections/articles')
  await page
    .getByRole('link', { name: /alkaline phosphatase/i })
    .first()
    .click()
  // The Markdown editor (Monaco, its loader and workers) is up.
  await expect(page.locator('.monaco-editor').first()).toBeVisible()
  await page.getByRole('button', { name: /Show page preview/ }).click()
  await expect(page.frameLocator('iframe.page-preview__frame').locator('h1')).toBeVisible()
  expect(violations).toEqual([])
})

test('another origin cannot frame the login page; the admin itself can', async ({
  page,
  baseURL,
}) => {
  // A page that frames the login form, served (by the browser's own interception, with no
  // policy of its own) from `origin`.
  const framed = async (origin: string) => {
    const url = `${origin}/framing-test-${Date.now()}`
    await page.route(url, (route) =>
      route.fulfill({
        contentType: 'text/html',
        body: `<iframe name="login" src="${baseURL}/admin/login"></iframe>`,
      }),
    )
    await page.goto(url)
    await page.waitForTimeout(4000)
    const frame = page.frame({ name: 'login' })
    return frame
      ? await frame
          .locator('input[type=password]')
          .count()
          .catch(() => 0)
      : 0
  }
  // Same origin: the login form shows (so the check below can fail).
  expect(await framed(baseURL!)).toBe(1)
  expect(await framed('http://attacker.example')).toBe(0)
})
