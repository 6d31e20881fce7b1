/**
 * `npm run content:import -- DIR`: imports DIR/articles/*.md, DIR/references.json and the
 * optional DIR/people.json and DIR/site.yaml. Exit 0 when imported, 1 when the content has
 * problems (each printed as file:line: reason; nothing is written), 2 on a usage error.
 */
import type { Payload } from 'payload'

import { importContent, type ImportCounts } from '../src/content/importContent'
import { ContentError, loadContentDir } from '../src/content/loadContentDir'
import { formatProblem } from '../src/content/problems'
import { closeAndExit, openPayload } from './lib/openPayload'

const dir = process.argv[2]
if (!dir || process.argv.length > 3) {
  console.error(
    'usage: npm run content:import -- DIR   (DIR holds articles/*.md and references.json)',
  )
  process.exit(2)
}

const line = (what: string, c: ImportCounts) =>
  `  ${what.padEnd(11)} ${c.created} created, ${c.updated} updated, ${c.unchanged} unchanged`

let payload: Payload | undefined
try {
  const bundle = await loadContentDir(dir)
  payload = await openPayload()
  const report = await importContent(payload, bundle)
  console.log(`Imported ${dir}:`)
  console.log(line('people', report.people))
  console.log(line('references', report.references))
  console.log(line('articles', report.articles))
  console.log(`  settings    ${report.settings}`)
  for (const w of report.warnings) console.warn(`warning: ${formatProblem(w)}`)
  await closeAndExit(payload, 0)
} catch (error) {
  if (error instanceof ContentError) {
    console.error(error.message)
    await closeAndExit(payload, 1)
  }
  throw error
}
