import { execFile } from 'node:child_process'
import fs from 'node:fs/promises'
import path from 'node:path'
import { promisify } from 'node:util'

import AxeBuilder from '@axe-core/playwright'
import { type APIRequestContext, expect, test } from '@playwright/test'

import { E2E_DIR } from '../playwright.config'
import { exportSite } from '../src/publish/build'
import { account, api, SEED_SLUG, SEED_TITLE } from './helpers'

const run = promisify(execFile)
const ARTICLE = `/articles/${SEED_SLUG}/`
const SHOTS = path.join('test-results', 'site')

test.describe.configure({ mode: 'serial' })

/** Waits until the job worker has published `url` with `text` on it. */
async function waitForPublished(request: APIRequestContext, url: string, text: string) {
  await expect
    .poll(
      async () => {
        const res = await request.get(url)
        return res.status() === 200 && (await res.text()).includes(text)
      },
      { timeout: 60_000, intervals: [500, 1000, 2000] },
    )
    .toBe(true)
}

/**
 * The seeded article, taken through review over the API: the editor submits, a reviewer verifies
 * each reference (a new site requires it) and approves.
 */
async function approveSeededArticle(request: APIRequestContext) {
  const editor = await api(request, 'editor')
  const reviewer = await api(request, 'reviewer')
  const found = await (
    await editor.get(`/articles?draft=true&depth=0&where[slug][equals]=${SEED_SLUG}`)
  ).json()
  const id = found.docs[0].id
  for (const citation of found.docs[0].citations as (string | number)[]) {
    const res = await reviewer.patch(`/citations/${citation}`, { verified: true })
    expect(res.status(), await res.text()).toBe(200)
  }
  for (const [client, action] of [
    [editor, 'submit'],
    [reviewer, 'start_review'],
    [reviewer, 'approve'],
  ] as const) {
    const res = await client.post(`/articles/${id}/workflow`, { action })
    expect(res.status(), await res.text()).toBe(200)
  }
}

test.beforeAll(async ({ request }) => {
  await approveSeededArticle(request)
  await waitForPublished(request, ARTICLE, SEED_TITLE)
})

test('the approved article page has every element of the model page', async ({ page, browser }) => {
  await page.goto(ARTICLE)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(SEED_TITLE)
  await expect(
    page.getByRole('link', { name: /Medical Advisory Board.*reviewed for accuracy/ }),
  ).toHaveAttribute('href', '/advisory-board/')
  // Approved: no caution banner.
  await expect(page.getByText('Exercise caution as content is pending human review')).toHaveCount(0)

  const tracker = page.getByRole('region', { name: 'Article Review Status' })
  const steps = tracker.getByRole('listitem')
  await expect(steps).toHaveCount(3)
  for (const [i, name] of ['Submitted', 'Under Review', 'Approved'].entries()) {
    await expect(steps.nth(i)).toContainText(name)
    await expect(steps.nth(i)).toContainText(/Completed \w+ \d{1,2}, \d{4}/)
  }
  await expect(page.getByText(/Last updated: \w+ \d{1,2}, \d{4}/)).toBeVisible()
  const reviewer = account('reviewer')
  const reviewedBy = page.getByText(/Last reviewed by .* on \w+ \d{1,2}, \d{4}/)
  await expect(reviewedBy).toContainText(reviewer.name)
  await expect(reviewedBy.getByRole('link')).toHaveAttribute(
    'href',
    /^\/advisory-board\/#demo-reviewer/,
  )
  await expect(page.getByText(/Next review due \w+ \d{1,2}, \d{4}/)).toBeVisible()
  await expect(page.getByRole('link', { name: 'View editorial policy' })).toHaveAttribute(
    'href',
    '/editorial-policy/',
  )
  await expect(page.getByRole('group', { name: 'Which best describes you?' })).toBeVisible()
  await expect(page.getByRole('radio', { name: 'Healthcare professional' })).toBeChecked()
  await expect(page.getByRole('radio', { name: 'Patient or caregiver' })).not.toBeChecked()

  const clinician = page.locator('[data-audience="clinician"]')
  await expect(
    clinician.getByRole('heading', { name: 'Is low ALP related to myeloma or lytic lesions?' }),
  ).toBeVisible()
  const references = clinician.getByRole('region', { name: 'References' }).getByRole('listitem')
  await expect(references).toHaveCount(6)
  await expect(references.first()).toContainText('Alkaline phosphatase in multiple myeloma')
  await expect(page.getByRole('heading', { name: 'Professional Medical Disclaimer' })).toBeVisible()
  await expect(page.getByText(/intended for healthcare professionals/).first()).toBeVisible()
  const followUp = page.getByRole('region', { name: 'Have a follow-up question?' })
  await expect(followUp.getByRole('textbox', { name: 'Your question' })).toBeVisible()
  await expect(followUp.getByRole('button', { name: 'Send question' })).toBeVisible()
  // The settings' link is the way to ask without JavaScript only.
  await expect(followUp.getByRole('link', { name: 'Ask a follow-up question' })).toHaveCount(0)
  const noScript = await browser.newContext({ javaScriptEnabled: false })
  const plain = await noScript.newPage()
  await plain.goto(ARTICLE)
  const plainFollowUp = plain.getByRole('region', { name: 'Have a follow-up question?' })
  await expect(
    plainFollowUp.getByRole('link', { name: 'Ask a follow-up question' }),
  ).toHaveAttribute('href', 'mailto:editorial@example.org')
  await expect(plainFollowUp.getByRole('textbox')).toHaveCount(0)
  await noScript.close()
  await expect(page.getByRole('link', { name: 'Review history' })).toHaveAttribute(
    'href',
    `${ARTICLE}history/`,
  )

  const jsonLd = JSON.parse(
    (await page.locator('script[type="application/ld+json"]').textContent())!,
  )
  expect(jsonLd['@type']).toBe('MedicalWebPage')
  expect(jsonLd.lastReviewed).toMatch(/^\d{4}-\d{2}-\d{2}/)
  expect(jsonLd.reviewedBy.name).toContain(reviewer.name)
  expect(jsonLd.citation).toHaveLength(6)

  await fs.mkdir(SHOTS, { recursive: true })
  await page.screenshot({ path: path.join(SHOTS, 'article-desktop.png'), fullPage: true })
  await page.setViewportSize({ width: 390, height: 844 })
  await page.screenshot({ path: path.join(SHOTS, 'article-phone.png'), fullPage: true })
})

test('a citation leads to its reference, and the reference back to the citation', async ({
  page,
}) => {
  await page.goto(ARTICLE)
  const clinician = page.locator('[data-audience="clinician"]')
  const citation = clinician.locator('sup.citation a').first()
  const target = (await citation.getAttribute('href'))!
  expect(target).toMatch(/^#clinician-ref-/)
  await citation.click()
  await expect(page).toHaveURL(new RegExp(`${target}$`))
  const reference = page.locator(target)
  await expect(reference).toBeInViewport()
  await expect(reference).toContainText('Alkaline phosphatase in multiple myeloma')
  await reference
    .getByRole('link', { name: /Back to citation 1/ })
    .first()
    .click()
  await expect(page.locator(`#${(await citation.getAttribute('id'))!}`)).toBeInViewport()
})

test('the audience selector switches versions and remembers the choice', async ({ page }) => {
  await page.goto(ARTICLE)
  const clinician = page.locator('[data-audience="clinician"]')
  const patient = page.locator('[data-audience="patient"]')
  await expect(clinician).toBeVisible()
  await expect(patient).toBeHidden()
  await page.getByRole('radio', { name: 'Patient or caregiver' }).check()
  await expect(patient).toBeVisible()
  await expect(clinician).toBeHidden()
  await expect(patient.getByRole('heading', { name: 'What the test shows' })).toBeVisible()
  await page.reload()
  await expect(page.getByRole('radio', { name: 'Patient or caregiver' })).toBeChecked()
  await expect(patient).toBeVisible()
})

test('every version is reachable without JavaScript', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false })
  const page = await context.newPage()
  await page.goto(ARTICLE)
  const patient = page.locator('[data-audience="patient"]')
  await expect(patient).toBeHidden()
  await page.getByRole('radio', { name: 'Patient or caregiver' }).check()
  await expect(patient).toBeVisible()
  await expect(page.locator('[data-audience="clinician"]')).toBeHidden()
  await context.close()
})

test('search finds the article, by words of any audience version, and says when nothing matches', async ({
  page,
}) => {
  await page.goto('/')
  const search = page.getByRole('searchbox', { name: /search for a question/i })
  await search.fill('lytic lesions')
  await page.getByRole('button', { name: 'Search' }).click()
  const results = page.locator('[data-search-results] a')
  await expect(results.first()).toHaveAttribute('href', `/articles/${SEED_SLUG}/`)
  await expect(page.getByRole('status')).toContainText('for “lytic lesions”')
  // Typing searches too; a word only the patient version uses finds it.
  await search.fill('rebuilt')
  await expect(results.first()).toHaveAttribute('href', `/articles/${SEED_SLUG}/`)
  await search.fill('xylophone')
  await expect(page.getByRole('status')).toHaveText('No articles found for “xylophone”')
  await expect(results).toHaveCount(0)
  await search.fill('lytic')
  await results.first().click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(SEED_TITLE)
})

const PAGES = [
  '/',
  ARTICLE,
  `${ARTICLE}history/`,
  '/advisory-board/',
  '/editorial-policy/',
  '/no-such-page/',
]

test('every published page has no WCAG 2.1 AA violations', async ({ page }) => {
  for (const url of PAGES) {
    await page.goto(url)
    const results = await new AxeBuilder({ page })
      .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
      .analyze()
    expect(
      results.violations.map((v) => `${url}: ${v.id} (${v.nodes.length}) ${v.help}`),
      url,
    ).toEqual([])
  }
})

test('every published page passes the W3C Nu HTML checker', async () => {
  // The live build as plain files, as a static host would be given it.
  const site = path.join(E2E_DIR, 'site-export')
  await exportSite(path.join(E2E_DIR, 'site'), site)
  const files: string[] = []
  const walk = async (dir: string) => {
    for (const entry of await fs.readdir(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name)
      if (entry.isDirectory()) await walk(full)
      else if (entry.name.endsWith('.html')) files.push(full)
    }
  }
  await walk(site)
  expect(files.length).toBeGreaterThanOrEqual(6)
  // A page with a known error goes through the same run: proof that the checker really ran.
  const control = path.join(E2E_DIR, 'nu-control.html')
  await fs.writeFile(control, '<!doctype html><html lang="en"><title>x</title><p id="a"><p id="a">')
  const result = await run('java', [
    '-jar',
    'node_modules/vnu-jar/build/dist/vnu.jar',
    '--errors-only',
    '--format',
    'json',
    control,
    ...files,
  ]).catch((error: { code?: unknown; stderr?: string }) => {
    if (typeof error.stderr !== 'string') throw error // java itself did not run
    return { stderr: error.stderr }
  })
  const messages = JSON.parse(result.stderr).messages as { url: string; message: string }[]
  const where = (m: { url: string }) => new URL(m.url).pathname
  expect(messages.filter((m) => where(m) === control).map((m) => m.message)).toEqual([
    'Duplicate ID “a”.',
  ])
  expect(
    messages
      .filter((m) => where(m) !== control)
      .map((m) => `${path.relative(site, where(m))}: ${m.message}`),
  ).toEqual([])
})

test('under the pending-with-banner policy, a submitted article appears with the caution banner', async ({
  page,
  request,
}) => {
  const editor = await api(request, 'editor')
  const author = await api(request, 'author')
  expect(
    (
      await editor.post('/globals/site-settings', { publishPolicy: 'pending-with-banner' })
    ).status(),
  ).toBe(200)
  try {
    const me = await (await author.get('/users/me')).json()
    const refs = await (
      await author.get('/citations?where[key][equals]=serum-flc-assay&depth=0')
    ).json()
    const title = `Does a normal free light chain ratio rule out myeloma (${Date.now()})?`
    const created = await author.post('/articles?draft=true', {
      title,
      body: '## Short answer\n\nNot on its own [@serum-flc-assay].',
      authors: [me.user.id],
      citations: [refs.docs[0].id],
    })
    expect(created.status(), await created.text()).toBe(201)
    const { doc } = await created.json()
    expect((await author.post(`/articles/${doc.id}/workflow`, { action: 'submit' })).status()).toBe(
      200,
    )
    const url = `/articles/${doc.slug}/`
    await waitForPublished(request, url, title)
    await page.goto(url)
    await expect(
      page.getByText('Exercise caution as content is pending human review'),
    ).toBeVisible()
    const current = page
      .getByRole('region', { name: 'Article Review Status' })
      .locator('[aria-current="step"]')
    await expect(current).toContainText('Submitted')
    await expect(page.getByText(/Last reviewed by/)).toHaveCount(0)
    await page.screenshot({ path: path.join(SHOTS, 'pending-article.png'), fullPage: true })
  } finally {
    await editor.post('/globals/site-settings', { publishPolicy: 'approved-only' })
  }
})
