import fs from 'node:fs'
import path from 'node:path'

import { type Browser, expect, type Locator, type Page, test } from '@playwright/test'

import { STATE_LABELS, type Role, type WorkflowState } from '../src/workflow/model'
import { api, signIn } from './helpers'

/** Where the step screenshots go (looked at by people, not compared by the test). */
const SHOTS = path.join('test-results', 'admin-flow')
let shots = 0

async function snap(page: Page, step: string): Promise<void> {
  shots += 1
  await page.screenshot({
    path: path.join(SHOTS, `${String(shots).padStart(2, '0')}-${step}.png`),
    fullPage: true,
  })
}

/** A signed-in browser window for `role`, with its own cookies. */
async function session(browser: Browser, role: Role): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } })
  const page = await context.newPage()
  await signIn(page, role)
  return page
}

const panel = (page: Page): Locator => page.getByRole('region', { name: 'Review', exact: true })

async function openArticle(page: Page, id: number): Promise<void> {
  await page.goto(`/admin/collections/articles/${id}`)
  await expect(panel(page).getByTestId('review-state')).toBeVisible()
  await expect(page.locator('#field-body .monaco-editor')).toBeVisible()
}

/** Replaces the article body by typing into its Monaco editor, as a person would. */
async function typeBody(page: Page, text: string): Promise<void> {
  await page.locator('#field-body .monaco-editor').click()
  await page.keyboard.press('ControlOrMeta+A')
  await page.keyboard.press('Backspace')
  await page.keyboard.type(text)
}

async function saveDraft(page: Page): Promise<void> {
  const save = page.getByRole('button', { name: 'Save Draft' })
  await save.click()
  // Saved: the form is no longer modified, so the button is disabled again.
  await expect(save).toBeDisabled()
}

/** Opens an action in the review panel, writes the comment if given, and confirms it. */
async function act(page: Page, action: string, confirm: string, comment?: string): Promise<void> {
  await panel(page).getByRole('button', { name: action, exact: true }).click()
  const composer = panel(page).getByRole('group', { name: confirm })
  if (comment !== undefined) await composer.getByRole('textbox').fill(comment)
  await composer.getByRole('button', { name: confirm, exact: true }).click()
}

/** The tracker's current step, or every step done once approved. */
async function expectTracker(page: Page, state: WorkflowState): Promise<void> {
  const steps = panel(page).locator('.review-tracker__step')
  await expect(steps).toHaveCount(3)
  const current = panel(page).locator('.review-tracker__step[aria-current="step"]')
  if (state === 'approved') {
    await expect(panel(page).locator('.review-tracker__step[data-status="done"]')).toHaveCount(3)
    await expect(current).toHaveCount(0)
    return
  }
  const step = { submitted: 'Submitted', under_review: 'Under Review' }[
    state === 'changes_requested' ? 'under_review' : (state as 'submitted' | 'under_review')
  ]
  await expect(current).toHaveCount(1)
  await expect(current).toContainText(step)
  if (state === 'changes_requested') await expect(current).toContainText('Changes requested')
}

test('an article goes from draft to the published site by clicking through the admin', async ({
  browser,
  request,
}) => {
  test.setTimeout(420_000)
  fs.rmSync(SHOTS, { recursive: true, force: true })
  fs.mkdirSync(SHOTS, { recursive: true })
  const editorApi = await api(request, 'editor')
  const stored = async (id: number, draft = true) => {
    const res = await editorApi.get(`/articles/${id}?depth=0${draft ? '&draft=true' : ''}`)
    expect(res.status()).toBe(200)
    return (await res.json()) as {
      state: WorkflowState
      _status: string
      body: string
      slug: string
    }
  }
  const expectState = async (page: Page, id: number, state: WorkflowState) => {
    await expect(panel(page).getByTestId('review-state')).toHaveText(STATE_LABELS[state])
    await expectTracker(page, state)
    expect((await stored(id)).state).toBe(state)
  }
  const noApprove = async (page: Page) => {
    await expect(panel(page).getByTestId('review-state')).toBeVisible()
    await expect(panel(page).getByRole('button', { name: /approve/i })).toHaveCount(0)
  }

  const stamp = Date.now().toString(36)
  const question = `Does a normal ALP rule out bone disease in myeloma (${stamp})?`
  const firstBody = [
    '## Short answer',
    '',
    'No. Lytic lesions with a normal ALP are typical of myeloma [@smith2020].',
  ].join('\n')
  const validBody = [
    '## Short answer',
    '',
    'No. Lytic lesions with a normal or low ALP are typical of myeloma [@alp-myeloma-vs-solid-2021].',
  ].join('\n')
  const fixedBody = `${validBody}\n\nAsk for imaging when bone pain persists.`
  const requested = 'Please say what to do next: when should imaging be requested?'

  // 1. The author writes a new article, citing a key that does not exist.
  const author = await session(browser, 'author')
  await author.goto('/admin/collections/articles/create')
  await expect(author.getByRole('button', { name: /publish/i })).toHaveCount(0)
  await author.getByLabel('Question').fill(question)
  await typeBody(author, firstBody)
  await author.locator('#field-citations .rs__control').click()
  await author.keyboard.type('alp-myeloma')
  await author.locator('.rs__option', { hasText: 'alp-myeloma-vs-solid-2021' }).click()
  // An author starting an article is its first author, without picking themselves.
  await expect(author.locator('#field-authors')).toContainText('Demo Author')
  // The checks under the editor report the unknown key as the author types.
  const checks = author.locator('.markdown-checks')
  await expect(checks).toContainText('Line 3: Unknown citation key `smith2020`')
  await expect(checks.locator('[data-severity="error"]')).toHaveCount(1)
  await expect(checks.locator('.markdown-preview__body h2')).toHaveText('Short answer')
  await snap(author, 'author-writes-with-unknown-key')

  await author.getByRole('button', { name: 'Save Draft' }).click()
  await author.waitForURL(/\/admin\/collections\/articles\/\d+$/)
  const id = Number(new URL(author.url()).pathname.split('/').pop())
  await expect(panel(author).getByTestId('review-state')).toHaveText('Draft')
  const draft = await stored(id)
  expect(draft._status).toBe('draft')
  expect(draft.body).toBe(firstBody)

  // 2. Submitting is refused, and the panel says why, with the line.
  await act(author, 'Submit for review', 'Submit for review')
  const failure = panel(author).getByTestId('review-failure')
  await expect(failure).toContainText('The saved version fails the content checks')
  await expect(failure).toContainText('Body, line 3: Unknown citation key `smith2020`')
  expect((await stored(id)).state).toBe('draft')
  await snap(author, 'author-submit-refused')

  // 3. The author fixes the key, saves and submits.
  await panel(author).getByRole('button', { name: 'Cancel' }).click()
  await typeBody(author, validBody)
  await expect(checks).toContainText('No problems found')
  await saveDraft(author)
  await expect(panel(author)).toContainText('No problems found')
  expect((await stored(id)).body).toBe(validBody)
  await act(author, 'Submit for review', 'Submit for review')
  await expectState(author, id, 'submitted')
  await noApprove(author)
  await snap(author, 'author-submitted')

  // 4. The reviewer finds it on the dashboard, starts the review and requests changes.
  const reviewer = await session(browser, 'reviewer')
  const waiting = reviewer.getByTestId('dashboard-review')
  await expect(waiting).toContainText(question)
  await snap(reviewer, 'reviewer-dashboard')
  await waiting.getByRole('link', { name: question }).click()
  await expect(panel(reviewer).getByTestId('review-state')).toHaveText('Submitted')
  await act(reviewer, 'Start review', 'Start review')
  await expectState(reviewer, id, 'under_review')
  await expect(panel(reviewer).getByRole('button', { name: 'Approve', exact: true })).toBeVisible()
  await snap(reviewer, 'reviewer-started-review')

  await openArticle(author, id)
  await expectState(author, id, 'under_review')
  await noApprove(author)

  // A request for changes needs a comment: without one nothing is sent.
  await panel(reviewer).getByRole('button', { name: 'Request changes', exact: true }).click()
  const composer = panel(reviewer).getByRole('group', { name: 'Send to the authors' })
  await composer.getByRole('button', { name: 'Send to the authors' }).click()
  await expect(composer.getByRole('alert')).toContainText('Write what needs to change')
  expect((await stored(id)).state).toBe('under_review')
  await composer.getByRole('textbox').fill(requested)
  await composer.getByRole('button', { name: 'Send to the authors' }).click()
  await expectState(reviewer, id, 'changes_requested')
  await snap(reviewer, 'reviewer-requested-changes')

  // 5. The author reads the comment, revises and resubmits.
  await openArticle(author, id)
  await expectState(author, id, 'changes_requested')
  await expect(panel(author).getByTestId('changes-requested')).toContainText(requested)
  await expect(panel(author).locator('.review-history')).toContainText(requested)
  await noApprove(author)
  await snap(author, 'author-sees-comment')
  await typeBody(author, fixedBody)
  await saveDraft(author)
  expect((await stored(id)).body).toBe(fixedBody)
  await act(author, 'Submit for review', 'Submit for review')
  await expectState(author, id, 'submitted')
  await noApprove(author)
  await snap(author, 'author-resubmitted')

  // 6. The reviewer starts the review again, verifies each reference and approves.
  await openArticle(reviewer, id)
  await act(reviewer, 'Start review', 'Start review')
  await expectState(reviewer, id, 'under_review')
  const boxes = panel(reviewer).getByTestId('review-references').getByRole('checkbox')
  for (let i = 0; i < (await boxes.count()); i++) {
    if (!(await boxes.nth(i).isChecked())) await boxes.nth(i).check()
  }
  await expect(panel(reviewer).getByTestId('references-blocking')).toHaveCount(0)
  await act(reviewer, 'Approve', 'Approve and publish')
  await expectState(reviewer, id, 'approved')
  await expect(panel(reviewer)).toContainText('by Demo Reviewer')
  await expect(panel(reviewer)).toContainText('Published (the approved version)')
  const live = await stored(id, false)
  expect(live._status).toBe('published')
  expect(live.state).toBe('approved')
  expect(live.body).toBe(fixedBody)
  await snap(reviewer, 'reviewer-approved')

  await openArticle(author, id)
  await expectState(author, id, 'approved')
  await noApprove(author)
  await snap(author, 'author-sees-approval')

  // 7. The job worker publishes the approved revision to the static site.
  const page = `/articles/${live.slug}/`
  await expect
    .poll(
      async () => {
        const res = await request.get(page)
        return res.status() === 200 ? await res.text() : ''
      },
      { timeout: 60_000, intervals: [1_000] },
    )
    .toContain('Ask for imaging when bone pain persists.')
  const site = await reviewer.context().newPage()
  await site.goto(page)
  await expect(site.getByRole('heading', { level: 1 })).toHaveText(question)
  await snap(site, 'published-page')
})
