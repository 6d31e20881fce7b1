import fs from 'node:fs'
import path from 'node:path'

import AxeBuilder from '@axe-core/playwright'
import { type Browser, expect, type Locator, type Page } from '@playwright/test'

import type { Role } from '../src/workflow/model'
import { signIn } from './helpers'

/**
 * What the reviewer's-desk specs share: a signed-in browser per role, the review panel's parts,
 * selecting and commenting in the body's Monaco editor, screenshots and axe scans.
 */

/** Where the screenshots go (looked at by people, not compared by the tests). */
export const SHOTS = path.join('test-results', 'screenshots')

/** Saves a screenshot of a page (whole) or of one element to test-results/screenshots/<name>.png. */
export async function snap(target: Page | Locator, name: string): Promise<void> {
  fs.mkdirSync(SHOTS, { recursive: true })
  const file = path.join(SHOTS, `${name}.png`)
  if ('goto' in target) await target.screenshot({ path: file, fullPage: true })
  else await target.screenshot({ path: file })
}

/** A browser context of its own, signed in to the admin as the demo account for `role`. */
export async function session(browser: Browser, role: Role): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 1000 } })
  const page = await context.newPage()
  await signIn(page, role)
  return page
}

/** The review panel on an article's edit view. */
export const panel = (page: Page): Locator =>
  page.getByRole('region', { name: 'Review', exact: true })
/** The comments listed in the review panel. */
export const comments = (page: Page): Locator => panel(page).getByTestId('review-comment')

/** Opens an article's edit view and waits for the review panel and the body editor. */
export async function openArticle(page: Page, id: number | string): Promise<void> {
  await page.goto(`/admin/collections/articles/${id}`)
  await expect(panel(page).getByTestId('review-state')).toBeVisible()
  await expect(page.locator('#field-body .monaco-editor')).toBeVisible()
}

/** Clicks a workflow action in the review panel and confirms it in the form it opens. */
export async function confirmAction(page: Page, action: string, confirmation = action) {
  await panel(page).getByRole('button', { name: action, exact: true }).click()
  await panel(page)
    .getByRole('group', { name: confirmation })
    .getByRole('button', { name: confirmation, exact: true })
    .click()
}

export type MonacoGlobal = {
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
export async function selectInBody(page: Page, passage: string): Promise<void> {
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

/** The text selected in the body's Monaco editor. */
export function bodySelection(page: Page): Promise<string> {
  return page.evaluate(() => {
    const editor = (window as unknown as MonacoGlobal).monaco.editor
      .getEditors()
      .find((e) => e.getContainerDomNode().closest('#field-body'))
    return editor?.getModel()?.getValueInRange(editor.getSelection()) ?? ''
  })
}

/**
 * Selects `passage` in the body, opens the comment composer on it and adds `text`. `beforeAdd`
 * runs with the composer open (a screenshot, an axe scan).
 */
export async function commentOn(
  page: Page,
  passage: string,
  text: string,
  beforeAdd?: (composer: Locator) => Promise<void>,
): Promise<void> {
  await selectInBody(page, passage)
  const bar = page.getByTestId('comment-selection-body')
  await expect(bar).toContainText(`${passage.length} characters selected`)
  await bar.getByRole('button', { name: 'Comment on the selection' }).click()
  const composer = page.getByTestId('comment-composer')
  await expect(composer.locator('blockquote')).toHaveText(passage)
  await composer.getByRole('textbox', { name: 'Comment on the selected text' }).fill(text)
  if (beforeAdd) await beforeAdd(composer)
  await composer.getByRole('button', { name: 'Add comment' }).click()
  await expect(composer).toHaveCount(0)
}

export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']

type Violations = Awaited<ReturnType<AxeBuilder['analyze']>>['violations']

const describeViolations = (violations: Violations) =>
  violations.map(
    (v) =>
      `${v.id} ${v.help}: ${v.nodes.map((n) => `${n.target.join(' ')} ${n.failureSummary}`).join('; ')}`,
  )

/** axe on one of our own components (WCAG 2.1 A and AA): it must find nothing. */
export async function expectAccessible(page: Page, selector: string): Promise<void> {
  const results = await new AxeBuilder({ page }).include(selector).withTags(WCAG_TAGS).analyze()
  expect(describeViolations(results.violations), `axe on ${selector}`).toEqual([])
}

/** A violation axe found only inside Payload's own widgets, as listed in the report. */
export type WidgetViolation = {
  page: string
  id: string
  impact: string | null | undefined
  help: string
  helpUrl: string
  nodes: { target: string; html: string; failureSummary?: string }[]
}

/** Payload's own widgets that our components wrap: what axe finds in them is Payload's. */
const PAYLOAD_WIDGETS_INSIDE = '.field-type.code-field, .monaco-editor'

/**
 * axe on the whole page (WCAG 2.1 A and AA). Violations whose every node lies inside Payload's
 * own widgets (outside `ours`, or in a Payload widget one of ours wraps) are returned, to be
 * listed; any node of our own components fails the test.
 */
export async function scanPage(
  page: Page,
  label: string,
  ours: string[],
): Promise<WidgetViolation[]> {
  const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze()
  const inOurs = await Promise.all(
    results.violations.map((v) =>
      Promise.all(
        v.nodes.map((n) =>
          page.evaluate(
            ({ target, ours, widgets }) => {
              // A node in a frame or shadow root has a list of selectors: the last is the node.
              const selector = target[target.length - 1]
              const el = typeof selector === 'string' ? document.querySelector(selector) : null
              if (!el) return false
              return ours.some((s) => {
                const root = el.closest(s)
                if (!root) return false
                // A Payload widget our component wraps (the code field and its Monaco editor).
                const widget = el.closest(widgets)
                return !(widget && widget !== root && root.contains(widget))
              })
            },
            { target: n.target as unknown as string[], ours, widgets: PAYLOAD_WIDGETS_INSIDE },
          ),
        ),
      ),
    ),
  )
  const ourViolations = results.violations
    .map((v, i) => ({ ...v, nodes: v.nodes.filter((_, j) => inOurs[i][j]) }))
    .filter((v) => v.nodes.length > 0)
  expect(describeViolations(ourViolations), `axe on our components in ${label}`).toEqual([])
  return results.violations.map((v) => ({
    page: label,
    id: v.id,
    impact: v.impact,
    help: v.help,
    helpUrl: v.helpUrl,
    nodes: v.nodes.map((n) => ({
      target: n.target.join(' '),
      html: n.html,
      failureSummary: n.failureSummary,
    })),
  }))
}

const importFixture = (name: string) =>
  fs.readFileSync(path.join('src/references/fixtures/import', name), 'utf8')

/** Three references as authors have them: Zotero's, doi.org's and Google Scholar's BibTeX. */
export const THREE_BIBTEX = [
  importFixture('zotero-sasson2013.bib'),
  importFixture('doi-org-frank1970.bib'),
  importFixture('google-scholar-oliveira2009.bib'),
].join('\n')

/**
 * Opens "Import references" above the Citations list, pastes `THREE_BIBTEX` and previews it: the
 * three entries are read as BibTeX and shown in the site's style. Returns the panel, the preview and its rows.
 */
export async function previewThreeBibtex(
  page: Page,
): Promise<{ importer: Locator; preview: Locator; rows: Locator }> {
  await page.goto('/admin/collections/citations')
  await page.getByRole('button', { name: 'Import references' }).click()
  const importer = page.getByRole('region', { name: 'Import references' })
  await importer.getByLabel('References', { exact: true }).fill(THREE_BIBTEX)
  await importer.getByRole('button', { name: 'Preview' }).click()
  const preview = importer.getByTestId('reference-import-preview')
  await expect(preview).toContainText('3 entries read as BibTeX')
  const rows = preview.locator('tbody tr')
  await expect(rows).toHaveCount(3)
  await expect(rows.nth(0)).toContainText('Sasson C, Meischke H, Abella BS')
  await expect(rows.nth(1)).toContainText('Frank HS')
  await expect(rows.nth(2)).toContainText('Oliveira A')
  return { importer, preview, rows }
}

/**
 * The author rewrites one commented passage (`replace`: what to select, what to type) and deletes
 * another (`remove`, with the space after it), saves, and finds the first comment re-attached to
 * `edited` ("Passage changed") and the second outdated, still quoting `removed`. Returns the two.
 */
export async function reviseCommentedPassages(
  author: Page,
  passages: { replace: [string, string]; remove: string; edited: string; removed: string },
): Promise<[Locator, Locator]> {
  await expect(comments(author)).toHaveCount(2)
  await expect(panel(author).getByTestId('review-comments-round')).toContainText('0 of 2 resolved')
  await selectInBody(author, passages.replace[0])
  await author.keyboard.type(passages.replace[1])
  await selectInBody(author, passages.remove)
  await author.keyboard.press('Backspace')
  const save = author.getByRole('button', { name: 'Save Draft' })
  await save.click()
  await expect(save).toBeDisabled()
  // The "saved" notice would cover the panel in a screenshot.
  await expect(author.locator('[data-sonner-toast]')).toHaveCount(0, { timeout: 20_000 })
  const [moved, outdated] = [comments(author).nth(0), comments(author).nth(1)]
  await expect(moved).toHaveAttribute('data-status', 'moved')
  await expect(moved).toContainText('Passage changed')
  await expect(moved.locator('.review-comments__quote-button blockquote')).toHaveText(
    passages.edited,
  )
  await expect(outdated).toHaveAttribute('data-status', 'outdated')
  await expect(outdated).toContainText('Outdated')
  await expect(outdated.locator('blockquote')).toHaveText(passages.removed)
  return [moved, outdated]
}
