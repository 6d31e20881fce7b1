import fs from 'node:fs/promises'
import path from 'node:path'

import { splitFrontMatter } from '../src/content/sourceText'

/**
 * Writes the corpus's articles as a Hugo site (the same Markdown bodies, a minimal but complete
 * theme: an article page, a list page, a home page) into `dir`, for the reference run.
 */
export async function writeHugoSite(corpusDir: string, dir: string): Promise<number> {
  const content = path.join(dir, 'content', 'articles')
  const layouts = path.join(dir, 'layouts', '_default')
  await fs.mkdir(content, { recursive: true })
  await fs.mkdir(layouts, { recursive: true })
  await fs.writeFile(
    path.join(dir, 'hugo.toml'),
    "baseURL = 'https://answers.example.org/'\ntitle = 'Medical Answers'\ndisableKinds = ['taxonomy', 'term']\n[markup.goldmark.renderer]\nunsafe = false\n",
  )
  const page = (main: string) =>
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>{{ .Title }}</title><link rel="stylesheet" href="/site.css"></head><body><header><a href="/">Medical Answers</a></header><main>${main}</main><footer>Educational purpose only</footer></body></html>`
  await fs.writeFile(
    path.join(layouts, 'single.html'),
    page('<article><h1>{{ .Title }}</h1>{{ .Content }}</article>'),
  )
  await fs.writeFile(
    path.join(layouts, 'list.html'),
    page(
      '<h1>{{ .Title }}</h1><ul>{{ range .Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul>',
    ),
  )
  const files = (await fs.readdir(path.join(corpusDir, 'articles'))).filter((f) =>
    f.endsWith('.md'),
  )
  for (const file of files) {
    const text = await fs.readFile(path.join(corpusDir, 'articles', file), 'utf8')
    const split = splitFrontMatter(text)!
    const title = /^title: (.*)$/m.exec(split.frontMatter)![1]
    await fs.writeFile(path.join(content, file), `---\ntitle: ${title}\n---\n${split.body}`)
  }
  return files.length
}
