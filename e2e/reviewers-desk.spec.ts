import fs from 'node:fs'
import path from 'node:path'

import AxeBuilder from '@axe-core/playwright'
import { createClient } from '@libsql/client'
import { expect, type Page, test } from '@playwright/test'

import { E2E_DIR } from '../playwright.config'
import { STATE_LABELS } from '../src/workflow/model'
import {
  bodySelection,
  commentOn,
  comments,
  confirmAction,
  expectAccessible,
  openArticle,
  panel,
  previewThreeBibtex,
  reviseCommentedPassages,
  scanPage,
  session,
  snap,
  type WidgetViolation,
  WCAG_TAGS,
} from './desk'
import { api } from './helpers'

/**
 * Issue 12's whole journey on one article, in the order the issue tells it: import, cite, submit;
 * two anchored comments and a request for changes; an edit that moves one comment and a deletion
 * that outdates the other; resolve and resubmit; a reference edited in between; the reviewer's
 * diff, verified references and approval; an outside clinician's preview link until it expires.
 * axe runs on each of our components as it appears; what it finds in Payload's own widgets is
 * written to test-results/axe-payload-widgets.json.
 */

/** Three references as authors have them: Zotero's, doi.org's and Google Scholar's BibTeX. */

const FIRST = 'Bystander CPR is given least often in low-income neighbourhoods'
const EDITED = 'Bystander CPR is given less often in low-income neighbourhoods'
const SECOND = 'Training should start in schools.'

/** Our components on the article's edit view, for the whole-page scan. */
const OURS = [
  '[data-testid="review-panel"]',
  '.article-markdown',
  '.markdown-checks',
  '[data-testid="comment-composer"]',
  '.review-changes__dialog',
  '.reference-import',
  '.review-dashboard',
  '.state-pill',
  '.page-preview',
]

const WIDGETS_FILE = path.join('test-results', 'axe-payload-widgets.json')

test("the reviewer's desk: import, cite, review with comments, revise, diff, verify, approve, share", async ({
  browser,
  request,
}) => {
  test.setTimeout(480_000)
  const widgets: WidgetViolation[] = []
  const list = async (page: Page, label: string) => {
    widgets.push(...(await scanPage(page, label, OURS)))
    fs.mkdirSync('test-results', { recursive: true })
    fs.writeFileSync(WIDGETS_FILE, `${JSON.stringify(widgets, null, 2)}\n`)
  }
  const stamp = Date.now().toString(36)

  // 1. The author pastes three references as BibTeX and checks the preview. First, our other
  // admin components as the author meets them: the review dashboard and the articles list.
  const author = await session(browser, 'author')
  await expect(author.locator('.review-dashboard')).toBeVisible()
  await list(author, 'dashboard')
  await author.goto('/admin/collections/articles')
  await expect(author.locator('.state-pill').first()).toBeVisible()
  await list(author, 'articles list')
  const { importer, rows } = await previewThreeBibtex(author)
  await snap(importer, 'desk-import-preview')
  await expectAccessible(author, '.reference-import__panel')
  await list(author, 'citations list with the import panel open')

  // The keys to cite: the BibTeX keys of new entries; for an entry another author already
  // stored in this database (the import spec pastes the same exports), the key it points to.
  const keys: string[] = []
  let fresh = 0
  for (let i = 0; i < 3; i++) {
    const stored = /Already stored as \[@([^\]]+)\]/.exec(await rows.nth(i).innerText())
    if (stored) keys.push(stored[1])
    else {
      fresh += 1
      keys.push(await importer.getByLabel(`Citation key for entry ${i + 1}`).inputValue())
    }
  }
  if (fresh > 0) {
    await importer
      .getByRole('button', { name: `Save ${fresh} reference${fresh === 1 ? '' : 's'}` })
      .click()
    await expect(importer).toContainText(`Saved ${fresh} reference`)
  }
  const table = author.locator('.table')
  for (const key of keys)
    await expect(table.getByRole('link', { name: key, exact: true })).toBeVisible()
  await importer.getByRole('button', { name: 'Close' }).click()

  // 2. The author cites them in a new article and submits it.
  const title = `Who should be taught bystander CPR first (desk ${stamp})?`
  await author.goto('/admin/collections/articles/create')
  await author.getByLabel('Question').fill(title)
  await author.locator('#field-body .monaco-editor').click()
  await author.keyboard.press('ControlOrMeta+A')
  await author.keyboard.press('Backspace')
  await author.keyboard.type(
    [
      '## Short answer',
      '',
      `${FIRST} [@${keys[0]}].`,
      '',
      `${SECOND} Background on water [@${keys[1]}] and on monitoring [@${keys[2]}].`,
    ].join('\n'),
  )
  for (const key of keys) {
    await author.locator('#field-citations .rs__control').click()
    await author.keyboard.type(key)
    await author.locator('.rs__option', { hasText: key }).click()
  }
  await expect(author.locator('.markdown-checks')).toContainText('No problems found')
  await author.getByRole('button', { name: 'Save Draft' }).click()
  await author.waitForURL(/\/admin\/collections\/articles\/\d+$/)
  const id = Number(/\/articles\/(\d+)$/.exec(author.url())![1])
  await confirmAction(author, 'Submit for review')
  await expect(panel(author).getByTestId('review-state')).toHaveText(STATE_LABELS.submitted)

  // 3. The reviewer starts the review and comments on two passages.
  const reviewer = await session(browser, 'reviewer')
  await openArticle(reviewer, id)
  await confirmAction(reviewer, 'Start review')
  await expect(panel(reviewer).getByTestId('review-state')).toHaveText(STATE_LABELS.under_review)
  await expect(panel(reviewer).getByTestId('review-comments')).toContainText('No comments yet')
  await commentOn(reviewer, FIRST, 'Which study says so? Cite it here.', async (composer) => {
    await snap(composer, 'desk-comment-composer')
    await expectAccessible(reviewer, '[data-testid="comment-composer"]')
  })
  await commentOn(reviewer, SECOND, 'Is this sentence needed? It has no reference.')
  await expect(comments(reviewer)).toHaveCount(2)
  await expect(comments(reviewer).nth(0).locator('blockquote')).toHaveText(FIRST)
  await expect(comments(reviewer).nth(1).locator('blockquote')).toHaveText(SECOND)
  await expect(reviewer.locator('#field-body .review-comment-mark').first()).toBeVisible()
  // The "Review started" notice would cover the panel in the screenshots.
  await expect(reviewer.locator('[data-sonner-toast]')).toHaveCount(0, { timeout: 20_000 })
  await snap(reviewer, 'desk-comments-anchored-page')
  await snap(panel(reviewer), 'desk-comments-anchored-panel')
  await expectAccessible(reviewer, '[data-testid="review-comments"]')
  await expectAccessible(reviewer, '[data-testid="review-panel"]')
  await list(reviewer, 'article edit view, reviewer, two comments')

  // 4. ... and requests changes.
  await panel(reviewer).getByRole('button', { name: 'Request changes', exact: true }).click()
  const request4 = panel(reviewer).getByRole('group', { name: 'Send to the authors' })
  await expect(request4.getByTestId('carried-comments')).toHaveText(
    'Your request carries the 2 open comments on passages.',
  )
  await request4.getByRole('textbox').fill('Please see my two comments on the passages.')
  await request4.getByRole('button', { name: 'Send to the authors', exact: true }).click()
  await expect(panel(reviewer).getByTestId('review-state')).toHaveText(
    STATE_LABELS.changes_requested,
  )

  // 5. The author edits one passage (its comment re-attaches) and deletes the other (outdated).
  await openArticle(author, id)
  const [moved, outdated] = await reviseCommentedPassages(author, {
    replace: ['least often', 'less often'],
    remove: `${SECOND} `,
    edited: EDITED,
    removed: SECOND,
  })
  await moved.locator('.review-comments__quote-button').click()
  expect(await bodySelection(author)).toBe(EDITED)
  await snap(panel(author), 'desk-comments-reattached-outdated')

  // 6. ... resolves both and resubmits; in between, a cited reference is edited.
  await moved.getByRole('button', { name: 'Resolve' }).click()
  await expect(moved).toContainText('Resolved by')
  await outdated.getByRole('button', { name: 'Resolve' }).click()
  await expect(outdated).toContainText('Resolved by')
  await expect(panel(author).getByTestId('review-comments-round')).toContainText('2 of 2 resolved')
  await expectAccessible(author, '[data-testid="review-comments"]')

  const asAuthor = await api(request, 'author')
  const found = await asAuthor.get(`/citations?where[key][equals]=${keys[2]}&depth=0`)
  const edited = (await found.json()).docs[0]
  const patch = await asAuthor.patch(`/citations/${edited.id}`, { volume: '108' })
  expect(patch.ok(), await patch.text()).toBe(true)

  await panel(author).getByRole('button', { name: 'Submit for review', exact: true }).click()
  const submit = panel(author).getByRole('group', { name: 'Submit for review' })
  await expect(submit.getByTestId('carried-comments')).toHaveText(
    '2 of the 2 comments sent with the request for changes are resolved.',
  )
  await submit.getByRole('button', { name: 'Submit for review', exact: true }).click()
  await expect(panel(author).getByTestId('review-state')).toHaveText(STATE_LABELS.submitted)

  // 7. The reviewer reads the diff of exactly those changes and of the edited reference.
  await openArticle(reviewer, id)
  await confirmAction(reviewer, 'Start review')
  await expect(panel(reviewer).getByTestId('review-state')).toHaveText(STATE_LABELS.under_review)
  const changes = reviewer.getByTestId('review-changes')
  await changes.getByRole('radio', { name: 'the last review round' }).check()
  await expect(changes).toContainText('the main text; 1 reference')
  await changes.getByRole('button', { name: 'Show the changes' }).click()
  const dialog = reviewer.getByRole('dialog', { name: 'Changes since the last review round' })
  await expect(dialog).toBeVisible()
  const main = dialog.locator('[data-audience="main"]')
  const source = main.getByRole('figure', { name: /Markdown source/ })
  await expect(source.locator('ins')).toHaveText(['less'])
  await expect(source.locator('del')).toHaveText(['least', `${SECOND} `])
  const refs = dialog.getByTestId('review-changes-references')
  await expect(refs).toContainText(`[@${keys[2]}]`)
  await expect(refs.getByRole('row', { name: /volume/ })).toContainText('108')
  await expect(refs).toContainText('2 other cited references unchanged.')
  await snap(dialog, 'desk-diff')
  await expectAccessible(reviewer, '.review-changes__dialog')
  await dialog.getByRole('button', { name: 'Close' }).click()
  await expect(dialog).toBeHidden()

  // 8. ... verifies every reference and approves.
  const references = panel(reviewer).getByTestId('review-references')
  const boxes = references.getByRole('checkbox')
  await expect(boxes).toHaveCount(3)
  for (let i = 0; i < 3; i++) {
    if (!(await boxes.nth(i).isChecked())) await boxes.nth(i).check()
  }
  await expect(references).toContainText('3 of 3 verified')
  await expect(panel(reviewer).getByTestId('references-blocking')).toHaveCount(0)
  await expectAccessible(reviewer, '[data-testid="review-panel"]')
  await list(reviewer, 'article edit view, reviewer, references verified')
  await confirmAction(reviewer, 'Approve', 'Approve and publish')
  await expect(panel(reviewer).getByTestId('review-state')).toHaveText(STATE_LABELS.approved)

  // 9. The editor shares a preview link with an outside clinician.
  const editor = await session(browser, 'editor')
  await openArticle(editor, id)
  const recipient = `Dr Ada Outside, resuscitation (${stamp})`
  const links = editor.getByTestId('preview-links')
  await links.getByLabel('For whom').fill(recipient)
  await links.getByLabel('Days open').fill('3')
  await links.getByRole('button', { name: 'Share a preview link' }).click()
  const address = links.getByLabel(/The link \(shown once/)
  await expect(address).toHaveValue(/\/api\/preview-links\/open\//)
  const url = await address.inputValue()
  await expect(links.getByRole('listitem')).toContainText(`${recipient} · open`)
  await snap(links, 'desk-preview-link-shared')
  await expectAccessible(editor, '[data-testid="preview-links"]')
  await list(editor, 'article edit view, editor, preview link shared')

  // 10. The clinician, with no account and no cookies, opens it and comments.
  const outside = await browser.newContext()
  const visitor = await outside.newPage()
  await visitor.goto(url)
  await expect(visitor.getByText(EDITED)).toBeVisible()
  await expect(visitor.getByText(SECOND)).toHaveCount(0)
  await snap(visitor, 'desk-preview-page')
  // The preview page is ours from top to bottom: no violation at all.
  const pageScan = await new AxeBuilder({ page: visitor }).withTags(WCAG_TAGS).analyze()
  expect(pageScan.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([])
  await visitor.getByLabel('Your name', { exact: true }).fill('Dr Ada Outside')
  await visitor.getByLabel('Your email', { exact: true }).fill('ada@clinic.example')
  await visitor
    .getByLabel('Comment', { exact: true })
    .fill('Name the groups most worth training first.')
  await visitor.getByRole('button', { name: 'Send comment' }).click()
  await expect(visitor.getByText('your comment was sent')).toBeVisible()
  expect((await outside.cookies()).length).toBe(0)
  await openArticle(editor, id)
  await expect(panel(editor)).toContainText('Comment through a preview link by Dr Ada Outside')
  await expect(panel(editor)).toContainText('Name the groups most worth training first.')

  // 11. Three days later (the server's database told so): the link is refused.
  const db = createClient({ url: `file:${path.join(E2E_DIR, 'e2e.db')}` })
  await db.execute({
    sql: "UPDATE preview_links SET expires_at = '2000-01-01T00:00:00.000Z' WHERE recipient = ?",
    args: [recipient],
  })
  db.close()
  const refused = await visitor.goto(url)
  expect(refused?.status()).toBe(410)
  await expect(visitor.getByText('This preview link has expired')).toBeVisible()
  await expect(visitor.getByText(EDITED)).toHaveCount(0)
  await snap(visitor, 'desk-preview-expired')
  await outside.close()
})
