import path from 'node:path'

import AxeBuilder from '@axe-core/playwright'
import { createClient } from '@libsql/client'
import { expect, test } from '@playwright/test'

import { E2E_DIR } from '../playwright.config'
import { expectAccessible, SHOTS, WCAG_TAGS } from './desk'
import { api, signIn } from './helpers'

/**
 * Issue 12's preview-link journey: an editor shares a draft with a clinician who has no account;
 * the clinician opens it, comments under a name and email, and is refused once the link expires.
 * Screenshots go to test-results/screenshots/.
 */
const MARKER = 'Beta blockers after a first myocardial infarction'

test('an outside clinician opens a preview link, comments, and is refused after expiry', async ({
  page,
  browser,
  request,
}) => {
  test.setTimeout(180_000)
  const author = await api(request, 'author')
  const ref = await author.post('/citations', {
    key: `preview-${Date.now()}`,
    type: 'article-journal',
    title: 'Beta-blockers after myocardial infarction: a cohort study',
  })
  expect(ref.status(), await ref.text()).toBe(201)
  const { doc: citation } = await ref.json()
  const created = await author.post('/articles?draft=true', {
    title: `Should every patient take a beta blocker after a heart attack? (${Date.now()})`,
    body: `${MARKER}: the benefit is clearest with reduced ejection fraction [@${citation.key}].`,
    authors: [(await (await author.get('/users/me')).json()).user.id],
    citations: [citation.id],
  })
  expect(created.status(), await created.text()).toBe(201)
  const { doc: article } = await created.json()

  // The editor shares it from the review panel.
  await signIn(page, 'editor')
  await page.goto(`/admin/collections/articles/${article.id}`)
  const links = page.getByTestId('preview-links')
  await links.getByLabel('For whom').fill('Dr Olu Outside, cardiology')
  await links.getByLabel('Days open').fill('3')
  await links.getByRole('button', { name: 'Share a preview link' }).click()
  const address = links.getByLabel(/The link \(shown once/)
  await expect(address).toHaveValue(/\/api\/preview-links\/open\//)
  const url = await address.inputValue()
  await expect(links.getByRole('listitem')).toContainText('Dr Olu Outside, cardiology · open')
  await links.screenshot({ path: path.join(SHOTS, 'preview-link-shared.png') })
  await expectAccessible(page, '[data-testid="preview-links"]')

  // The clinician, with no account and no cookies, opens it and comments.
  const outside = await browser.newContext()
  const visitor = await outside.newPage()
  await visitor.goto(url)
  await expect(visitor.getByText(MARKER)).toBeVisible()
  await expect(visitor.getByRole('heading', { name: 'Comment on this draft' })).toBeVisible()
  await visitor.screenshot({ path: path.join(SHOTS, 'preview-link-page.png'), fullPage: true })
  const pageScan = await new AxeBuilder({ page: visitor }).withTags(WCAG_TAGS).analyze()
  expect(pageScan.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([])
  await visitor.getByLabel('Your name', { exact: true }).fill('Dr Olu Outside')
  await visitor.getByLabel('Your email', { exact: true }).fill('olu@clinic.example')
  await visitor
    .getByLabel('Comment', { exact: true })
    .fill('Say that the evidence after 1 year is weaker.')
  await visitor.getByRole('button', { name: 'Send comment' }).click()
  await expect(visitor.getByText('your comment was sent')).toBeVisible()
  expect((await outside.cookies()).length).toBe(0)

  // The editor sees it in the article's history, with the name and email given.
  await page.reload()
  const history = page.getByRole('region', { name: 'Review', exact: true })
  await expect(history).toContainText('Comment through a preview link by Dr Olu Outside')
  await expect(history).toContainText('Say that the evidence after 1 year is weaker.')

  // Three days later (the server's database told so): the link no longer opens.
  const db = createClient({ url: `file:${path.join(E2E_DIR, 'e2e.db')}` })
  await db.execute({
    sql: "UPDATE preview_links SET expires_at = '2000-01-01T00:00:00.000Z' WHERE recipient = ?",
    args: ['Dr Olu Outside, cardiology'],
  })
  db.close()
  const refused = await visitor.goto(url)
  expect(refused?.status()).toBe(410)
  await expect(visitor.getByText('This preview link has expired')).toBeVisible()
  await expect(visitor.getByText(MARKER)).toHaveCount(0)
  await outside.close()
})
