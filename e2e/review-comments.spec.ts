import fs from 'node:fs'
import path from 'node:path'

import AxeBuilder from '@axe-core/playwright'
import { type Browser, expect, type Locator, type Page, test } from '@playwright/test'

import type { Role } from '../src/workflow/model'
import { account, api, signIn } from './helpers'

/** Where the screenshots go (looked at by people, not compared by the test). */
const SHOTS = path.join('test-results', 'screenshots')
let shots = 0

async function snap(target: Page | Locator, step: string): Promise<void> {
  shots += 1
  const file = path.join(SHOTS, `review-comments-${String(shots).padStart(2, '0')}-${step}.png`)
  if ('goto' in target) await target.screenshot({ path: file, fullPage: true })
  else await target.screenshot({ path: file })
}

async function session(browser: Browser, role: Role): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 1000 } })
  const page = await context.newPage()
  await signIn(page, role)
  return page
}

const panel = (page: Page): Locator => page.getByRole('region', { name: 'Review', exact: true })
const comments = (page: Page): Locator => panel(page).getByTestId('review-comment')

async function openArticle(page: Page, id: number): Promise<void> {
  await page.goto(`/admin/collections/articles/${id}`)
  await expect(panel(page).getByTestId('review-state')).toBeVisible()
  await expect(page.locator('#field-body .monaco-editor')).toBeVisible()
}

type MonacoGlobal = {
  monaco: {
    Range: new (a: number, b: number, c: number, d: number) => unknown
    editor: {
      getEditors: () => {
        getModel: () => {
          getValue: () => string
          getPositionAt: (offset: number) => { lineNumber: number; column: number }
          getValueInRange: (range: unknown) => string
        } | null
        getSelection: () => unknown
        getContainerDomNode: () => HTMLElement
        setSelection: (range: unknown) => void
        revealRangeInCenter: (range: unknown) => void
        focus: () => void
      }[]
    }
  }
}

/**
 * Selects `passage` in the body's Monaco editor, as a person dragging over it would end up with
 * (Monaco's own selection; a drag across wrapped lines is not reliable to script).
 */
async function selectInBody(page: Page, passage: string): Promise<void> {
  await page.evaluate((passage) => {
    const { monaco } = window as unknown as MonacoGlobal
    const editor = monaco.editor
      .getEditors()
      .find((e) => e.getContainerDomNode().closest('#field-body'))
    const model = editor?.getModel()
    if (!editor || !model) throw new Error('no body editor')
    const start = model.getValue().indexOf(passage)
    if (start < 0) throw new Error(`"${passage}" is not in the body`)
    const from = model.getPositionAt(start)
    const to = model.getPositionAt(start + passage.length)
    const range = new monaco.Range(from.lineNumber, from.column, to.lineNumber, to.column)
    editor.setSelection(range)
    editor.revealRangeInCenter(range)
    editor.focus()
  }, passage)
}

async function commentOn(page: Page, passage: string, text: string): Promise<void> {
  await selectInBody(page, passage)
  const bar = page.getByTestId('comment-selection-body')
  await expect(bar).toContainText(`${passage.length} characters selected`)
  await bar.getByRole('button', { name: 'Comment on the selection' }).click()
  const composer = page.getByTestId('comment-composer')
  await expect(composer.locator('blockquote')).toHaveText(passage)
  await composer.getByRole('textbox', { name: 'Comment on the selected text' }).fill(text)
  await composer.getByRole('button', { name: 'Add comment' }).click()
  await expect(composer).toHaveCount(0)
}

/** axe on our own components: no WCAG 2.1 A/AA violation. */
async function expectAccessible(page: Page, selector: string): Promise<void> {
  const results = await new AxeBuilder({ page })
    .include(selector)
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze()
  expect(
    results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
  ).toEqual([])
}

const FIRST = 'Low alkaline phosphatase is not a recognised marker of multiple myeloma'
const EDITED = 'Low alkaline phosphatase is not an accepted marker of multiple myeloma'
const SECOND = 'Lytic lesions are usually seen with a normal ALP.'

test('a reviewer comments on two passages; the author edits one, deletes the other, resolves and resubmits', async ({
  browser,
  request,
}) => {
  test.setTimeout(240_000)
  fs.mkdirSync(SHOTS, { recursive: true })

  // The article, submitted and in review: set up through the API, as the walk-through spec proves
  // those steps in the admin.
  const asAuthor = await api(request, 'author')
  const asReviewer = await api(request, 'reviewer')
  const me = await (await asAuthor.get('/users/me')).json()
  const citation = (await (await asAuthor.get('/citations?limit=1&depth=0')).json()).docs[0]
  const created = await asAuthor.post('/articles?draft=true', {
    title: 'Does a low ALP rule out lytic bone disease in myeloma?',
    summary: 'No: ALP says little about lytic lesions.',
    body: `## Answer\n\n${FIRST} [@${citation.key}].\n\n${SECOND} Osteoblast activity is suppressed in myeloma bone disease.\n\nImaging, not ALP, finds the lesions.`,
    authors: [me.user.id],
    citations: [citation.id],
  })
  expect(created.ok(), await created.text()).toBe(true)
  const id = (await created.json()).doc.id as number
  for (const [client, action] of [
    [asAuthor, 'submit'],
    [asReviewer, 'start_review'],
  ] as const) {
    const res = await client.post(`/articles/${id}/workflow`, { action })
    expect(res.ok(), await res.text()).toBe(true)
  }

  // The reviewer comments on two passages and requests changes.
  const reviewer = await session(browser, 'reviewer')
  await openArticle(reviewer, id)
  await expect(panel(reviewer).getByTestId('review-comments')).toContainText('No comments yet')
  await commentOn(reviewer, FIRST, 'Say which guideline says so, and cite it.')
  await expect(comments(reviewer)).toHaveCount(1)
  await commentOn(
    reviewer,
    SECOND,
    `Is this sentence needed? @${account('editor').email} may know the house style.`,
  )
  await expect(comments(reviewer)).toHaveCount(2)
  await expect(comments(reviewer).nth(0).locator('blockquote')).toHaveText(FIRST)
  await expect(comments(reviewer).nth(1).locator('blockquote')).toHaveText(SECOND)
  await expect(reviewer.locator('#field-body .review-comment-mark').first()).toBeVisible()
  await snap(panel(reviewer), 'reviewer-two-comments')
  await snap(reviewer, 'reviewer-page')
  await expectAccessible(reviewer, '[data-testid="review-comments"]')

  await panel(reviewer).getByRole('button', { name: 'Request changes', exact: true }).click()
  const composer = panel(reviewer).getByRole('group', { name: 'Send to the authors' })
  await expect(composer.getByTestId('carried-comments')).toHaveText(
    'Your request carries the 2 open comments on passages.',
  )
  await composer.getByRole('textbox').fill('Please see my two comments on the passages.')
  await composer.getByRole('button', { name: 'Send to the authors', exact: true }).click()
  await expect(panel(reviewer).getByTestId('review-state')).toContainText('Changes requested')

  // The author edits one passage and deletes the other.
  const author = await session(browser, 'author')
  await openArticle(author, id)
  await expect(comments(author)).toHaveCount(2)
  await expect(panel(author).getByTestId('review-comments-round')).toContainText('0 of 2 resolved')
  await selectInBody(author, 'a recognised marker')
  await author.keyboard.type('an accepted marker')
  await selectInBody(author, `${SECOND} `)
  await author.keyboard.press('Backspace')
  const save = author.getByRole('button', { name: 'Save Draft' })
  await save.click()
  await expect(save).toBeDisabled()
  // The "saved" notice would cover the panel in the screenshot.
  await expect(author.locator('[data-sonner-toast]')).toHaveCount(0, { timeout: 20_000 })

  const [first, second] = [comments(author).nth(0), comments(author).nth(1)]
  await expect(first).toHaveAttribute('data-status', 'moved')
  await expect(first).toContainText('Passage changed')
  await expect(first.locator('.review-comments__quote-button blockquote')).toHaveText(EDITED)
  await expect(second).toHaveAttribute('data-status', 'outdated')
  await expect(second).toContainText('Outdated')
  await expect(second.locator('blockquote')).toHaveText(SECOND)
  await snap(panel(author), 'author-reattached-and-outdated')

  // Clicking a passage shows it in the editor.
  await first.locator('.review-comments__quote-button').click()
  const selected = await author.evaluate(() => {
    const editor = (window as unknown as MonacoGlobal).monaco.editor
      .getEditors()
      .find((e) => e.getContainerDomNode().closest('#field-body'))
    return editor?.getModel()?.getValueInRange(editor.getSelection()) ?? ''
  })
  expect(selected).toBe(EDITED)

  // The author replies to one, resolves both and resubmits.
  await first.getByRole('button', { name: 'Reply' }).click()
  await first
    .getByRole('textbox', { name: 'Your reply' })
    .fill('Reworded: the guideline is cited now.')
  await first.getByRole('button', { name: 'Send reply' }).click()
  await expect(first).toContainText('Reworded: the guideline is cited now.')
  await first.getByRole('button', { name: 'Resolve' }).click()
  await expect(first).toContainText('Resolved by')
  await second.getByRole('button', { name: 'Resolve' }).click()
  await expect(second).toContainText('Resolved by')
  await expect(panel(author).getByTestId('review-comments-round')).toContainText('2 of 2 resolved')
  await expectAccessible(author, '[data-testid="review-comments"]')

  await panel(author).getByRole('button', { name: 'Submit for review', exact: true }).click()
  const submit = panel(author).getByRole('group', { name: 'Submit for review' })
  await expect(submit.getByTestId('carried-comments')).toHaveText(
    '2 of the 2 comments sent with the request for changes are resolved.',
  )
  await snap(submit, 'author-submit-form')
  await submit.getByRole('button', { name: 'Submit for review', exact: true }).click()
  await expect(panel(author).getByTestId('review-state')).toContainText('Submitted')
  await snap(panel(author), 'author-resubmitted')

  // The reviewer sees which of the comments were resolved.
  await openArticle(reviewer, id)
  await expect(panel(reviewer).getByTestId('review-comments-round')).toContainText(
    '2 of 2 resolved',
  )
  await expect(comments(reviewer).filter({ hasText: 'Resolved by' })).toHaveCount(2)
  await snap(reviewer, 'reviewer-after-resubmit')

  // A passage selected in the rendered preview is found in the source and commented on there.
  const previewed = reviewer
    .locator('.article-markdown', { has: reviewer.locator('#field-body') })
    .locator('.markdown-preview__body p', { hasText: 'Imaging, not ALP' })
  await previewed.selectText()
  await previewed.dispatchEvent('mouseup')
  const bar = reviewer.getByTestId('comment-selection-body')
  await expect(bar).toContainText('characters selected')
  await bar.getByRole('button', { name: 'Comment on the selection' }).click()
  const composer2 = reviewer.getByTestId('comment-composer')
  await expect(composer2.locator('blockquote')).toHaveText('Imaging, not ALP, finds the lesions.')
  await snap(composer2, 'composer-from-preview')
  await expectAccessible(reviewer, '[data-testid="comment-composer"]')
  await composer2
    .getByRole('textbox', { name: 'Comment on the selected text' })
    .fill('Which imaging?')
  await composer2.getByRole('button', { name: 'Add comment' }).click()
  await expect(comments(reviewer)).toHaveCount(3)
  await expect(comments(reviewer).filter({ hasText: 'Which imaging?' })).toHaveAttribute(
    'data-status',
    'attached',
  )
})
