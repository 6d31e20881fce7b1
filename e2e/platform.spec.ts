import { expect, test } from '@playwright/test'

import { api, SEED_TITLE, signIn } from './helpers'

test('a demo account signs in to the admin and finds the seeded article', async ({ page }) => {
  await signIn(page, 'editor')
  await page.goto('/admin/collections/articles')
  await expect(page.getByRole('link', { name: SEED_TITLE })).toBeVisible()
})

test('the REST API returns the seeded article to an editor, and nothing unpublished to anyone else', async ({
  request,
}) => {
  const editor = await api(request, 'editor')
  const res = await editor.get('/articles?draft=true&depth=0')
  expect(res.status()).toBe(200)
  const { docs } = await res.json()
  expect(docs.map((d: { title: string }) => d.title)).toContain(SEED_TITLE)

  const anonymous = await request.get('/api/articles?draft=true')
  expect(JSON.stringify(await anonymous.json())).not.toContain(SEED_TITLE)
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
