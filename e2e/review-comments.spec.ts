import { expect, type Locator, type Page, test } from '@playwright/test'

import {
  bodySelection,
  commentOn,
  comments,
  expectAccessible,
  openArticle,
  panel,
  reviseCommentedPassages,
  session,
  snap,
} from './desk'
import { account, api } from './helpers'

let shots = 0
/** The screenshots of this spec, numbered in the order they are taken. */
const shot = (target: Page | Locator, step: string) => {
  shots += 1
  return snap(target, `review-comments-${String(shots).padStart(2, '0')}-${step}`)
}

const FIRST = 'Low alkaline phosphatase is not a recognised marker of multiple myeloma'
const EDITED = 'Low alkaline phosphatase is not an accepted marker of multiple myeloma'
const SECOND = 'Lytic lesions are usually seen with a normal ALP.'

test('a reviewer comments on two passages; the author edits one, deletes the other, resolves and resubmits', async ({
  browser,
  request,
}) => {
  test.setTimeout(240_000)

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
  await shot(panel(reviewer), 'reviewer-two-comments')
  await shot(reviewer, 'reviewer-page')
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
  const [first, second] = await reviseCommentedPassages(author, {
    replace: ['a recognised marker', 'an accepted marker'],
    remove: `${SECOND} `,
    edited: EDITED,
    removed: SECOND,
  })
  await shot(panel(author), 'author-reattached-and-outdated')

  // Clicking a passage shows it in the editor.
  await first.locator('.review-comments__quote-button').click()
  expect(await bodySelection(author)).toBe(EDITED)

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
  await shot(submit, 'author-submit-form')
  await submit.getByRole('button', { name: 'Submit for review', exact: true }).click()
  await expect(panel(author).getByTestId('review-state')).toContainText('Submitted')
  await shot(panel(author), 'author-resubmitted')

  // The reviewer sees which of the comments were resolved.
  await openArticle(reviewer, id)
  await expect(panel(reviewer).getByTestId('review-comments-round')).toContainText(
    '2 of 2 resolved',
  )
  await expect(comments(reviewer).filter({ hasText: 'Resolved by' })).toHaveCount(2)
  await shot(reviewer, 'reviewer-after-resubmit')

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
  await shot(composer2, 'composer-from-preview')
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
