/**
 * `npm run content:import -- DIR [--dry-run]`: imports DIR/articles/*.md, the references
 * (DIR/references.json, and DIR/references.bib, .ris and .nbib beside or instead of it) and the
 * optional DIR/people.json and DIR/site.yaml. The keys generated for RIS and MEDLINE
 * references are printed, so authors know what to cite. With --dry-run, prints what would change and
 * writes nothing. A backup (a folder `npm run content:export` wrote, with history.json) is
 * restored instead, into an empty database only, with its states and audit trail as recorded. Exit 0 when imported (or planned), 1 when the content has problems (each printed
 * as file:line: reason; nothing is written), 2 on a usage error.
 */
import { parseArgs } from 'node:util'

import type { Payload } from 'payload'

import { importContent, type ImportCounts } from '../src/content/importContent'
import { describePlan } from '../src/content/importPlan'
import { ContentError, loadContentDir } from '../src/content/loadContentDir'
import { formatProblem } from '../src/content/problems'
import { checkBackup, restoreContent } from '../src/content/restoreContent'
import { closeAndExit, openPayload } from './lib/openPayload'

let args
try {
  args = parseArgs({
    options: { 'dry-run': { type: 'boolean', default: false } },
    allowPositionals: true,
  })
  if (args.positionals.length !== 1) throw new Error('give exactly one content folder')
} catch (error) {
  console.error(
    `${(error as Error).message}\nusage: npm run content:import -- DIR [--dry-run]   (DIR holds articles/*.md and references.json, .bib, .ris or .nbib)`,
  )
  process.exit(2)
}
const dir = args.positionals[0]!
const dryRun = args.values['dry-run']

const line = (what: string, c: ImportCounts) =>
  `  ${what.padEnd(11)} ${c.created} created, ${c.updated} updated, ${c.unchanged} unchanged`

let payload: Payload | undefined
try {
  const bundle = await loadContentDir(dir)
  payload = await openPayload()
  if (bundle.backup) {
    if (dryRun) {
      const checked = checkBackup({ ...bundle, backup: bundle.backup })
      if (!checked.ok) throw new ContentError(checked.problems)
      console.log(
        `${dir} is a backup of ${checked.articles.length} articles; it is complete and unchanged (dry run: nothing written).`,
      )
    } else {
      const report = await restoreContent(payload, { ...bundle, backup: bundle.backup })
      console.log(
        `Restored ${dir}: ${report.people} people, ${report.references} references, ${report.articles} articles, ${report.events} review events. People set their passwords through "Forgot password".`,
      )
    }
    await closeAndExit(payload, 0)
  }
  const report = await importContent(payload, bundle, { dryRun })
  console.log(dryRun ? `Would import ${dir} (dry run: nothing written):` : `Imported ${dir}:`)
  console.log(line('people', report.people))
  console.log(line('references', report.references))
  console.log(line('articles', report.articles))
  console.log(`  settings    ${report.settings}`)
  if (dryRun) for (const change of describePlan(report.plan)) console.log(change)
  for (const [key, origin] of bundle.referenceOrigins) {
    if (origin.generated)
      console.log(
        `  key ${key.padEnd(28)} ${origin.file}:${origin.line} (generated: cite it as [@${key}])`,
      )
  }
  for (const w of report.warnings) console.warn(`warning: ${formatProblem(w)}`)
  await closeAndExit(payload, 0)
} catch (error) {
  if (error instanceof ContentError) {
    console.error(error.message)
    await closeAndExit(payload, 1)
  }
  throw error
}
