import { expect, test } from '@playwright/test'

import { account, api, SEED_TITLE, signIn } from './helpers'

test('a demo account signs in to the admin and finds the seeded article', async ({ page }) => {
  await signIn(page, 'editor')
  await page.goto('/admin/collections/articles')
  await expect(page.getByRole('link', { name: SEED_TITLE })).toBeVisible()
})

test('the REST API returns the seeded article to an editor, and nothing unpublished to anyone else', async ({
  request,
  playwright,
  baseURL,
}) => {
  const editor = await api(request, 'editor')
  const res = await editor.get('/articles?draft=true&depth=0')
  expect(res.status()).toBe(200)
  const { docs } = await res.json()
  expect(docs.map((d: { title: string }) => d.title)).toContain(SEED_TITLE)

  // Signing in above left a session cookie in `request`: anonymous is a client without one.
  const nobody = await playwright.request.newContext({ baseURL })
  const anonymous = await nobody.get('/api/articles?draft=true')
  expect(JSON.stringify(await anonymous.json())).not.toContain(SEED_TITLE)
  await nobody.dispose()
})

test('the published site is served at /, with its own 404 page', async ({ request }) => {
  const home = await request.get('/')
  expect(home.status()).toBe(200)
  expect(await home.text()).toContain('<!doctype html>')
  const missing = await request.get('/no/such/page/')
  expect(missing.status()).toBe(404)
  expect(await missing.text()).toMatch(/not found/i)
})

test('the server has a favicon, for the site and the admin alike', async ({ request }) => {
  const icon = await request.get('/favicon.ico')
  expect(icon.status()).toBe(200)
  expect(icon.headers()['content-type']).toMatch(/image\/(x-icon|vnd\.microsoft\.icon)/)
  expect((await icon.body()).subarray(0, 4)).toEqual(Buffer.from([0, 0, 1, 0]))
})

test('a signed-in session is not used for a page at another origin (CSRF)', async ({
  playwright,
  baseURL,
}) => {
  const request = await playwright.request.newContext({ baseURL })
  const { email, password } = account('editor')
  expect((await request.post('/api/users/login', { data: { email, password } })).ok()).toBe(true)
  const me = (origin?: string) =>
    request
      .get('/api/users/me', { headers: origin ? { Origin: origin } : {} })
      .then((res) => res.json())
  expect((await me(new URL(baseURL!).origin)).user?.email).toBe(email)
  expect((await me('http://127.0.0.1:' + new URL(baseURL!).port)).user?.email).toBe(email)
  expect((await me('http://evil.example')).user).toBeNull()
  expect((await me('http://localhost:1')).user).toBeNull()
  await request.dispose()
})
