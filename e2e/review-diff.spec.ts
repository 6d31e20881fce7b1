import fs from 'node:fs'
import path from 'node:path'

import { expect, test } from '@playwright/test'

import { expectAccessible, SHOTS } from './desk'
import { account, api, signIn } from './helpers'

test('approve, edit body, patient version and a cited reference, resubmit: the reviewer reads exactly those changes', async ({
  browser,
  request,
}) => {
  test.setTimeout(240_000)
  fs.mkdirSync(SHOTS, { recursive: true })
  const author = await api(request, 'author')
  const reviewer = await api(request, 'reviewer')
  const stamp = Date.now().toString(36)
  const ok = async (res: Awaited<ReturnType<typeof author.get>>) => {
    expect(res.ok(), await res.text()).toBe(true)
    return res.json()
  }

  // An approved article citing its own reference and one of the seed's.
  const reference = await ok(
    await author.post('/citations', {
      key: `diff-ref-${stamp}`,
      type: 'article-journal',
      title: 'Bone formation markers in myeloma',
      containerTitle: 'Journal of Example Haematology',
      issued: { year: 2020 },
    }),
  )
  const seedRef = (await ok(await author.get('/citations?where[key][equals]=serum-flc-assay')))
    .docs[0]
  const key = reference.doc.key as string
  const body = [
    '## Short answer',
    '',
    `A normal ALP with lytic lesions points to myeloma [@${key}].`,
    '',
    '## Next steps',
    '',
    `- Order a serum free light chain assay [@serum-flc-assay].`,
    '- Order protein electrophoresis.',
  ].join('\n')
  const patient = `Your bones can be damaged while the ALP test stays normal [@${key}].`
  const created = await ok(
    await author.post('/articles?draft=true', {
      title: `Does a normal ALP rule out myeloma (diff ${stamp})?`,
      summary: 'No.',
      body,
      variants: [{ audience: 'patient', body: patient }],
      authors: [(await ok(await author.get('/users/me'))).user.id],
      citations: [reference.doc.id, seedRef.id],
    }),
  )
  const id = created.doc.id as number
  await ok(await author.post(`/articles/${id}/workflow`, { action: 'submit' }))
  await ok(await reviewer.post(`/articles/${id}/workflow`, { action: 'start_review' }))
  // A new site approves only verified references: the reviewer ticks both, as in the panel.
  for (const citation of [reference.doc.id, seedRef.id]) {
    await ok(await reviewer.patch(`/citations/${citation}`, { verified: true }))
  }
  await ok(await reviewer.post(`/articles/${id}/workflow`, { action: 'approve' }))

  // The author edits the body, the patient version and the cited reference, and resubmits.
  await ok(
    await author.patch(`/articles/${id}?draft=true`, {
      body: body
        .replace('points to myeloma', 'strongly suggests multiple myeloma')
        .replace(
          '- Order protein electrophoresis.',
          '- Order serum and urine protein electrophoresis.',
        ),
      variants: [{ audience: 'patient', body: patient.replace('can be damaged', 'can be harmed') }],
    }),
  )
  await ok(
    await author.patch(`/citations/${reference.doc.id}`, {
      title: 'Bone formation markers in multiple myeloma',
      volume: '14',
    }),
  )
  await ok(await author.post(`/articles/${id}/workflow`, { action: 'submit' }))

  // The reviewer opens the article: the review panel says what changed since the approval.
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } })
  const page = await context.newPage()
  await signIn(page, 'reviewer')
  await page.goto(`/admin/collections/articles/${id}`)
  const changes = page.getByTestId('review-changes')
  await expect(changes).toContainText(`Changed since the approval by ${account('reviewer').name}`)
  await expect(changes).toContainText(
    'the main text, the patient or caregiver version; 1 reference',
  )
  await changes.scrollIntoViewIfNeeded()
  await page.screenshot({ path: path.join(SHOTS, 'review-diff-panel.png') })

  await expect(
    changes.getByRole('link', { name: 'Every revision of this article' }),
  ).toHaveAttribute('href', `/admin/collections/articles/${id}/versions`)
  await changes.getByRole('button', { name: 'Show the changes' }).click()
  const dialog = page.getByRole('dialog', { name: /^Changes since the last/ })
  await expect(dialog.getByRole('heading', { level: 2 })).toHaveText(
    'Changes since the last approval',
  )
  await expect(dialog).toContainText('Compared with')
  await expect(dialog).toContainText(`Approved by ${account('reviewer').name}`)
  await expect(dialog.getByRole('link', { name: 'open this revision' })).toHaveAttribute(
    'href',
    new RegExp(`/admin/collections/articles/${id}/versions/\\w+$`),
  )

  const main = dialog.locator('[data-audience="main"]')
  const source = main.getByRole('figure', { name: /Markdown source/ })
  await expect(source.locator('ins')).toHaveText(['strongly suggests multiple', 'serum and urine'])
  await expect(source.locator('del')).toHaveText(['points to'])
  // Screen readers hear what changed, not only a colour.
  await expect(source.locator('tr.review-changes__row--added').first()).toContainText('added')
  const readers = main.getByRole('figure', { name: /What readers see/ })
  await expect(readers).toContainText(
    'A normal ALP with lytic lesions strongly suggests multiple myeloma [1].',
  )
  // The edited reference, as its entry in the reference list reads now.
  await expect(
    readers.locator('tr.review-changes__row--added', { hasText: /^\+?.*1\. Bone formation/ }),
  ).toContainText(
    'Bone formation markers in multiple myeloma. Journal of Example Haematology. 2020;14.',
  )

  const patientDoc = dialog.locator('[data-audience="patient"]')
  await expect(patientDoc.getByRole('heading')).toContainText(
    'Audience version: Patient or caregiver',
  )
  await expect(patientDoc.locator('figure').first().locator('ins')).toHaveText(['harmed'])

  const refs = dialog.getByTestId('review-changes-references')
  await expect(refs).toContainText(`[@${key}]`)
  await expect(refs.getByRole('row', { name: /title/ })).toContainText('multiple')
  await expect(refs.getByRole('row', { name: /volume/ })).toContainText('14')
  await expect(refs).toContainText('1 other cited reference unchanged.')

  await page.screenshot({ path: path.join(SHOTS, 'review-diff-dialog.png') })
  await dialog.evaluate((el) => el.scrollTo(0, el.scrollHeight))
  await page.screenshot({ path: path.join(SHOTS, 'review-diff-dialog-references.png') })

  await expectAccessible(page, '.review-changes__dialog')

  // Since the last review round: the first submission, the same revision as approved here.
  await dialog.getByLabel('the last review round').check()
  await expect(
    dialog.getByRole('heading', { name: 'Changes since the last review round' }),
  ).toBeVisible()
  await expect(dialog).toContainText('Submitted for review by')

  await dialog.getByRole('button', { name: 'Close' }).click()
  await expect(dialog).toBeHidden()
  await expectAccessible(page, '[data-testid="review-panel"]')

  // The Versions tab names each revision after the action that saved it, not "Draft" on each.
  await page.goto(`/admin/collections/articles/${id}/versions`)
  const rows = page.getByTestId('article-version')
  await expect(rows).toHaveCount(6)
  await expect(rows.first()).toContainText(`Submitted for review by ${account('author').name}`)
  await expect(rows.nth(1)).toContainText(`Edited after approval by ${account('author').name}`)
  await expect(rows.nth(2)).toContainText(`Approved by ${account('reviewer').name}`)
  await expect(rows.nth(2)).toContainText('Published')
  await expect(rows.last()).toContainText('Saved')
  await page.screenshot({ path: path.join(SHOTS, 'review-diff-versions.png') })
  await expectAccessible(page, '.article-versions')
  await rows.nth(2).getByRole('link').click()
  await expect(page).toHaveURL(new RegExp(`/admin/collections/articles/${id}/versions/\\w+`))
  await context.close()
})
