import fs from 'node:fs/promises'
import path from 'node:path'

import type { z } from 'zod'

import type { CslItem } from '../references'
import { slugify } from './identifiers'
import { formatProblem, type ImportProblem, zodProblems } from './problems'
import { type History, HISTORY_FILE, historySchema, PUBLISHED_DIR } from './history'
import {
  exactSchemas,
  type FrontMatter,
  frontMatterSchema,
  peopleSchema,
  type Person,
  referencesSchema,
  type SiteSettingsInput,
  siteSettingsSchema,
} from './schemas'
import { type Locate, parseWithPositions, splitFrontMatter } from './sourceText'
import { readReferenceFiles, REFERENCE_FILES, type ReferenceOrigin } from './referenceFiles'

/** One article file, validated: its front matter, its Markdown body and where the body starts. */
export interface ArticleSource {
  file: string
  slug: string
  frontMatter: FrontMatter
  body: string
  /** Line of the file where the body's first line is (for positioned messages). */
  bodyLine: number
  locate: Locate
}

/** Everything a content folder holds, validated file by file. */
export interface ContentBundle {
  dir: string
  articles: ArticleSource[]
  references: CslItem[]
  /** Where each reference key came from, and whether it was generated (RIS, MEDLINE). */
  referenceOrigins: Map<string, ReferenceOrigin>
  people: Person[]
  settings?: SiteSettingsInput
  /** When the folder is a backup (it has history.json): the record and the live revisions. */
  backup?: { history: History; published: ArticleSource[] }
}

/** Content that cannot be imported: every problem found, each with file and line. */
export class ContentError extends Error {
  constructor(readonly problems: ImportProblem[]) {
    super(
      `${problems.length} problem${problems.length === 1 ? '' : 's'} in the content; nothing was imported:\n` +
        problems.map((p) => `  ${formatProblem(p)}`).join('\n'),
    )
    this.name = 'ContentError'
  }
}

async function readOptional(file: string): Promise<string | undefined> {
  try {
    return await fs.readFile(file, 'utf8')
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined
    throw error
  }
}

/**
 * Reads and validates `DIR/articles/*.md`, the references (`DIR/references.json`, and
 * `DIR/references.bib`, `.ris` and `.nbib` beside or instead of it: see ./referenceFiles), and the optional
 * `DIR/people.json` and `DIR/site.yaml`. Throws a ContentError listing every problem found in any
 * file (not just the first), so an author can fix them all in one pass. A backup (a folder with
 * `history.json`, see ./history) is read with its text exactly as stored, and with its
 * `published/*.md`.
 */
export async function loadContentDir(dir: string): Promise<ContentBundle> {
  const root = path.resolve(dir)
  const rel = (file: string) => path.relative(process.cwd(), file) || file
  const problems: ImportProblem[] = []

  const articlesDir = path.join(root, 'articles')
  const articleNames = async (folder: string) =>
    (await fs.readdir(folder)).filter((n) => n.endsWith('.md')).sort()
  let names: string[]
  try {
    names = await articleNames(articlesDir)
  } catch {
    throw new ContentError([
      { file: rel(articlesDir), message: 'folder not found: put articles in DIR/articles/*.md' },
    ])
  }

  /**
   * A data file parsed and validated; undefined when it is absent or has problems (recorded).
   * YAML files may be empty (every key optional).
   */
  const readData = async <T extends z.ZodType>(
    name: string,
    schema: T,
    missing?: string,
  ): Promise<z.infer<T> | undefined> => {
    const file = path.join(root, name)
    const text = await readOptional(file)
    if (text === undefined) {
      if (missing) problems.push({ file: rel(file), message: missing })
      return undefined
    }
    const format = name.endsWith('.json') ? 'json' : 'yaml'
    const parsed = parseWithPositions(text, format)
    if (!parsed.ok) {
      problems.push({ file: rel(file), ...parsed })
      return undefined
    }
    const result = schema.safeParse(format === 'yaml' ? (parsed.value ?? {}) : parsed.value)
    if (result.success) return result.data
    problems.push(...zodProblems(rel(file), result.error, parsed.locate))
    return undefined
  }
  // A backup's text is read as stored, even when its history.json has problems (reported too).
  const exact = (await readOptional(path.join(root, HISTORY_FILE))) !== undefined
  const history = exact ? await readData(HISTORY_FILE, historySchema) : undefined
  const schemas = exact ? exactSchemas : { frontMatterSchema, peopleSchema, siteSettingsSchema }
  const referenceTexts = []
  for (const name of REFERENCE_FILES) {
    const text = await readOptional(path.join(root, name))
    if (text !== undefined) referenceTexts.push({ name, file: rel(path.join(root, name)), text })
  }
  const json: CslItem[] =
    (await readData(
      'references.json',
      referencesSchema,
      referenceTexts.length
        ? undefined
        : 'file not found: references are a CSL-JSON array in DIR/references.json, or BibTeX, RIS or PubMed MEDLINE in DIR/references.bib, .ris or .nbib',
    )) ?? []
  const fromFiles = readReferenceFiles(
    { file: rel(path.join(root, 'references.json')), items: json },
    referenceTexts,
  )
  problems.push(...fromFiles.problems)
  const references = [...json, ...fromFiles.items]
  const people: Person[] = (await readData('people.json', schemas.peopleSchema)) ?? []
  const settings: SiteSettingsInput | undefined = await readData(
    'site.yaml',
    schemas.siteSettingsSchema,
  )

  /** Every article file of one folder, validated; slugs unique within it. */
  const readArticles = async (folder: string, names: string[]): Promise<ArticleSource[]> => {
    const found: ArticleSource[] = []
    const slugs = new Map<string, string>()
    for (const name of names) {
      const article = await readArticle(folder, name, slugs)
      if (article) found.push(article)
    }
    return found
  }
  const readArticle = async (
    folder: string,
    name: string,
    slugs: Map<string, string>,
  ): Promise<ArticleSource | undefined> => {
    const file = rel(path.join(folder, name))
    const text = await fs.readFile(path.join(folder, name), 'utf8')
    const split = splitFrontMatter(text)
    if (!split) {
      problems.push({
        file,
        line: 1,
        message: 'no front matter: start the file with a `---` line, YAML, and another `---` line',
      })
      return undefined
    }
    // Front matter starts on the file's second line, after the opening `---`.
    const parsed = parseWithPositions(split.frontMatter, 'yaml', 1)
    if (!parsed.ok) {
      problems.push({ file, ...parsed })
      return undefined
    }
    const result = schemas.frontMatterSchema.safeParse(parsed.value ?? {})
    if (!result.success) {
      problems.push(...zodProblems(file, result.error, parsed.locate))
      return undefined
    }
    if (!split.body.trim()) {
      problems.push({
        file,
        line: split.bodyLine,
        message: 'the article has no body: write the answer below the front matter',
      })
      return undefined
    }
    const slug = result.data.slug ?? slugify(result.data.title)
    const clash = slugs.get(slug)
    if (clash) {
      problems.push({
        file,
        ...(parsed.locate(['slug']) ?? parsed.locate(['title'])),
        message: `slug "${slug}" is also used by ${clash}: give one of them a different slug`,
      })
      return undefined
    }
    slugs.set(slug, file)
    return {
      file,
      slug,
      frontMatter: result.data,
      body: split.body,
      bodyLine: split.bodyLine,
      locate: parsed.locate,
    }
  }

  const articles = await readArticles(articlesDir, names)
  const publishedDir = path.join(root, PUBLISHED_DIR)
  const published = exact
    ? await readArticles(publishedDir, await articleNames(publishedDir).catch(() => []))
    : []

  if (problems.length) throw new ContentError(problems)
  return {
    dir: root,
    articles,
    references,
    referenceOrigins: fromFiles.origins,
    people,
    settings,
    ...(history && { backup: { history, published } }),
  }
}
