import path from 'node:path'

import { expect, type Page, test } from '@playwright/test'

import { STATE_LABELS } from '../src/workflow/model'
import { confirmAction as confirm, panel } from './desk'
import { account, SEED_SLUG, SEED_TITLE } from './helpers'

/**
 * The README's "Try it" section, step by step as written, on the fresh database `npm start`
 * seeds. Run it at both addresses: `E2E_HOST=127.0.0.1` opens the admin at another name of the
 * server than the SITE_URL it prints (localhost).
 */
const SHOTS = path.join('test-results', `readme-${process.env.E2E_HOST ?? 'localhost'}`)
const snap = (page: Page, name: string) =>
  page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true })

async function signInAt(page: Page, role: 'author' | 'reviewer' | 'editor') {
  const { email, password } = account(role)
  await page.goto('/admin')
  await page.getByLabel('Email').fill(email)
  await page.getByLabel('Password').fill(password)
  await page.getByRole('button', { name: 'Login' }).click()
  await expect(page).toHaveURL(/\/admin\/?$/)
}

/** "Open /admin/logout": the admin signs out and shows the login form again. */
async function signOut(page: Page) {
  await page.goto('/admin/logout')
  await expect(page).toHaveURL(/\/admin\/login/)
  await expect(page.getByLabel('Email')).toBeVisible()
}

test('the README walk-through: author submits, reviewer approves, reader reads and asks', async ({
  page,
}) => {
  test.setTimeout(240_000)
  const serverErrors: string[] = []
  page.on('response', (res) => {
    if (res.status() >= 500) serverErrors.push(`${res.status()} ${res.url()}`)
  })

  // 1. The author submits it.
  await signInAt(page, 'author')
  const mine = page.getByTestId('dashboard-mine')
  await mine.getByRole('link', { name: SEED_TITLE }).click()
  await expect(panel(page).getByTestId('review-state')).toHaveText(STATE_LABELS.draft)
  // The admin's own calls work at this address: the checks ran, chips have titles.
  await expect(page.locator('.markdown-checks').first()).toContainText('No problems found')
  await expect(page.locator('#field-authors')).toContainText('Demo Author')
  await confirm(page, 'Submit for review', 'Submit for review')
  await expect(panel(page).getByTestId('review-state')).toHaveText(STATE_LABELS.submitted)
  await snap(page, '1-author-submitted')

  // 2. A reviewer starts the review.
  await signOut(page)
  await signInAt(page, 'reviewer')
  await page.getByTestId('dashboard-review').getByRole('link', { name: SEED_TITLE }).click()
  await confirm(page, 'Start review', 'Start review')
  await expect(panel(page).getByTestId('review-state')).toHaveText(STATE_LABELS.under_review)

  // 3. The reviewer checks the references and approves it.
  const references = panel(page).getByTestId('review-references')
  const boxes = references.getByRole('checkbox')
  await expect(boxes).toHaveCount(6)
  // Other specs of the run may have checked some of the seed's references already.
  if (!(await boxes.nth(0).isChecked())) {
    await expect(panel(page).getByTestId('references-blocking')).toContainText(
      'Verify every reference before approving',
    )
  }
  for (let i = 0; i < 6; i++) {
    if (!(await boxes.nth(i).isChecked())) await boxes.nth(i).check()
    await expect(boxes.nth(i)).toBeChecked()
  }
  await expect(references).toContainText('6 of 6 verified')
  await expect(references).toContainText('Verified by Demo Reviewer')
  await expect(panel(page).getByTestId('references-blocking')).toHaveCount(0)
  await snap(page, '3-reviewer-verified-references')
  await confirm(page, 'Approve', 'Approve and publish')
  await expect(panel(page).getByTestId('review-state')).toHaveText(STATE_LABELS.approved)
  await expect(panel(page)).toContainText('Published (the approved version)')
  await snap(page, '3-reviewer-approved')

  // 4. A reader reads it.
  await expect
    .poll(
      async () => {
        await page.goto('/')
        return page.getByRole('link', { name: SEED_TITLE }).count()
      },
      { timeout: 60_000, intervals: [1_000] },
    )
    .toBeGreaterThan(0)
  await page.getByRole('link', { name: SEED_TITLE }).first().click()
  await expect(page).toHaveURL(new RegExp(`/articles/${SEED_SLUG}/$`))
  await expect(page.locator('.tracker-step.is-done')).toHaveCount(3)
  await expect(page.locator('.article-meta')).toContainText('Last reviewed by Demo Reviewer')
  const professional = page.locator('.version').first()
  await expect(professional.locator('.disclaimer')).toContainText(
    'intended for healthcare professionals',
  )
  await page.getByRole('radio', { name: 'Patient or caregiver' }).check()
  const patient = page.locator('.version[data-audience="patient"]')
  await expect(patient).toBeVisible()
  await expect(professional).toBeHidden()
  await expect(patient.locator('.disclaimer')).toBeVisible()
  await expect(patient.locator('.disclaimer')).not.toContainText('healthcare professionals')
  await snap(page, '4-reader-patient-version')

  // 5. The reader asks a follow-up question.
  const question = `Should my ALP be tested again, and when? (${Date.now().toString(36)})`
  const followUp = page.getByRole('region', { name: 'Have a follow-up question?' })
  await followUp.getByLabel('Your question').fill(question)
  await followUp.getByRole('button', { name: 'Send question' }).click()
  await expect(followUp.getByRole('status')).toContainText('Thank you')
  await snap(page, '5-reader-asked')

  await signOut(page)
  await signInAt(page, 'editor')
  await page.goto('/admin/collections/questions')
  const row = page.getByRole('row').filter({ hasText: question })
  await expect(row).toBeVisible()
  // The article it was asked on, by its title (the relationship is read at this address too).
  await expect(row).toContainText(SEED_TITLE)
  await snap(page, '5-editor-reads-questions')

  expect(serverErrors).toEqual([])
})
