import path from 'node:path'

import { expect, test } from '@playwright/test'

import { expectAccessible, previewThreeBibtex, snap, THREE_BIBTEX } from './desk'
import { signIn } from './helpers'

test('an author pastes three BibTeX references, checks the preview, saves them, cites them and submits', async ({
  browser,
}) => {
  const context = await browser.newContext({ viewport: { width: 1440, height: 1000 } })
  const page = await context.newPage()
  await signIn(page, 'author')
  const { importer: panel, preview, rows } = await previewThreeBibtex(page)
  await expect(rows.nth(0)).toContainText('Circulation')
  // BibTeX keys are kept, and can be edited.
  const firstKey = panel.getByLabel('Citation key for entry 1')
  await expect(firstKey).toHaveValue('sasson_increasing_2013')
  await firstKey.fill('sasson2013increasing')
  await expect(panel.getByLabel('Citation key for entry 3')).toHaveValue('Oliveira_2009')

  await snap(panel, 'references-import-preview')
  await expectAccessible(page, '.reference-import__panel')

  await panel.getByRole('button', { name: 'Save 3 references' }).click()
  await expect(panel).toContainText(
    'Saved 3 references: [@sasson2013increasing], [@Frank_1970], [@Oliveira_2009].',
  )

  // The list shows them.
  const table = page.locator('.table')
  for (const key of ['sasson2013increasing', 'Frank_1970', 'Oliveira_2009']) {
    await expect(table.getByRole('link', { name: key, exact: true })).toBeVisible()
  }
  await snap(page, 'references-import-saved')

  // Pasting them again flags each as already stored, and leaves it unchosen.
  await panel.getByLabel('References', { exact: true }).fill(THREE_BIBTEX)
  await panel.getByRole('button', { name: 'Preview' }).click()
  await expect(rows.nth(0)).toContainText(
    'Already stored as [@sasson2013increasing] (same DOI): cite that key instead.',
  )
  await expect(panel.getByRole('checkbox', { name: 'Import entry 1' })).not.toBeChecked()
  await expect(panel.getByRole('button', { name: 'Save 0 references' })).toBeDisabled()
  await snap(panel, 'references-import-duplicates')

  // A PubMed download (.nbib) uploaded instead: its format is taken from the name, keys made.
  await panel
    .getByLabel('Or upload a file')
    .setInputFiles(
      path.join('src/references/fixtures/import', 'pubmed-8692918-and-book-chapter.nbib'),
    )
  await expect(panel.getByLabel('Format')).toHaveValue('medline')
  await panel.getByRole('button', { name: 'Preview' }).click()
  await expect(preview).toContainText('2 entries read as PubMed MEDLINE (.nbib)')
  await expect(panel.getByLabel('Citation key for entry 1')).toHaveValue('vanraaij1996structure')
  await expect(panel.getByLabel('Citation key for entry 2')).toHaveValue('riegertjohnson2009peutz')
  await expect(rows.nth(0)).toContainText('van Raaij MJ, Abrahams JP, Leslie AG, Walker JE.')
  await expect(rows.nth(0)).toContainText('Key made from author, year and title')
  await panel.getByRole('button', { name: 'Close' }).click()

  // The author cites the three in a new article, and submits it: every [@key] resolves.
  const keys = ['sasson2013increasing', 'Frank_1970', 'Oliveira_2009']
  await page.goto('/admin/collections/articles/create')
  await page.getByLabel('Question').fill(`Who should be taught bystander CPR (${Date.now()})?`)
  await page.locator('#field-body .monaco-editor').click()
  await page.keyboard.press('ControlOrMeta+A')
  await page.keyboard.press('Backspace')
  await page.keyboard.type(
    [
      '## Short answer',
      '',
      'Communities with low bystander CPR rates need targeted training [@sasson2013increasing].',
      '',
      'Background reading on water [@Frank_1970] and on monitoring [@Oliveira_2009].',
    ].join('\n'),
  )
  for (const key of keys) {
    await page.locator('#field-citations .rs__control').click()
    await page.keyboard.type(key)
    await page.locator('.rs__option', { hasText: key }).click()
  }
  await expect(page.locator('.markdown-checks')).toContainText('No problems found')
  await page.getByRole('button', { name: 'Save Draft' }).click()
  await page.waitForURL(/\/admin\/collections\/articles\/\d+$/)
  const review = page.getByRole('region', { name: 'Review', exact: true })
  await review.getByRole('button', { name: 'Submit for review', exact: true }).click()
  await review
    .getByRole('group', { name: 'Submit for review' })
    .getByRole('button', { name: 'Submit for review', exact: true })
    .click()
  await expect(review.getByTestId('review-state')).toHaveText('Submitted')
  await snap(page, 'references-import-submitted')
  await context.close()
})

test('a click on "Import references" while the page is still loading is not lost', async ({
  page,
}) => {
  await signIn(page, 'author')
  // A slow machine: the page's scripts arrive two seconds late, so the server's HTML (with its
  // button) is on screen well before React has attached a handler to it, and the click comes
  // as soon as the button is there (this is what made CI's clicks do nothing).
  await page.route('**/_next/static/chunks/**', async (route) => {
    await new Promise((resolve) => setTimeout(resolve, 2_000))
    await route.continue()
  })
  await page.goto('/admin/collections/citations', { waitUntil: 'commit' })
  await page.getByRole('button', { name: 'Import references' }).click()
  await expect(
    page
      .getByRole('region', { name: 'Import references' })
      .getByLabel('References', { exact: true }),
  ).toBeVisible()
})
