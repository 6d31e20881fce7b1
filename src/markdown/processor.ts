import type { Root as HastRoot } from 'hast'
import type { Root as MdastRoot } from 'mdast'
import rehypeSanitize from 'rehype-sanitize'
import remarkGfm from 'remark-gfm'
import remarkParse from 'remark-parse'
import remarkRehype from 'remark-rehype'
import { unified } from 'unified'
import { VFile } from 'vfile'
import {
  createReferenceFormatter,
  type CslItem,
  DEFAULT_CITATION_STYLE,
  isCitationStyle,
} from '../references'
import { citationToHast } from './citation-to-hast'
import { limitBreach } from './limits'
import { report, sortMessages } from './messages'
import rehypeHeadingIds from './rehype-heading-ids'
import rehypeImageAlt from './rehype-image-alt'
import rehypeLinks from './rehype-links'
import rehypeTableAlign from './rehype-table-align'
import rehypeUrlPolicy from './rehype-url-policy'
import remarkCitationSyntax from './remark-citation-syntax'
import remarkCitations from './remark-citations'
import remarkFootnotesOff from './remark-footnotes-off'
import remarkRawHtml from './remark-raw-html'
import remarkTaskListOff from './remark-task-list-off'
import { sanitizeReferenceEntry } from './reference-entry'
import { bodySchema } from './sanitize-schema'
import type {
  MarkdownOptions,
  MarkdownProcessor,
  RenderedReference,
  RenderInput,
  RenderResult,
} from './types'

/**
 * Builds the Markdown pipeline once; `render` runs it per document, synchronously. The order is
 * fixed here: parse (CommonMark, GFM with single `~` not striking through, so `~5 mg` stays
 * text; citations) -> undo task lists and footnotes -> drop raw HTML -> resolve citations -> hast
 * -> URL policy -> heading ids and TOC -> link checks -> image alt -> table alignment -> sanitize.
 * Throws only on misuse (an unknown style, a bad `siteUrl`, an `idPrefix` with whitespace).
 */
export function createMarkdownProcessor(options: MarkdownOptions = {}): MarkdownProcessor {
  const style = options.citationStyle ?? DEFAULT_CITATION_STYLE
  if (!isCitationStyle(style)) throw new TypeError(`Unknown citation style: ${String(style)}`)
  if (options.siteUrl !== undefined && !URL.canParse(options.siteUrl)) {
    throw new TypeError(`siteUrl is not an absolute URL: ${options.siteUrl}`)
  }

  const pipeline = unified()
    .use(remarkParse)
    .use(remarkGfm, { singleTilde: false })
    .use(remarkCitationSyntax)
    .use(remarkTaskListOff)
    .use(remarkFootnotesOff)
    .use(remarkRawHtml)
    .use(remarkCitations)
    .use(remarkRehype, { handlers: { citation: citationToHast } })
    .use(rehypeUrlPolicy)
    .use(rehypeHeadingIds)
    .use(rehypeLinks, { siteUrl: options.siteUrl })
    .use(rehypeImageAlt)
    .use(rehypeTableAlign)
    .use(rehypeSanitize, bodySchema)
    .freeze()

  // Sanitized once per distinct reference; each render gets its own copy (callers may mutate it).
  const formatter = createReferenceFormatter(style, { entry: sanitizeReferenceEntry })

  return {
    render(input: RenderInput): RenderResult {
      const idPrefix = input.idPrefix ?? ''
      if (/\s/.test(idPrefix))
        throw new TypeError(`idPrefix must not contain whitespace: "${idPrefix}"`)

      const file = new VFile({ value: input.markdown, path: input.path })
      // A document past a limit is not parsed at all: the one message says where and why.
      const breach = limitBreach(input.markdown)
      if (breach) {
        report(file, breach.ruleId, breach.reason, { line: breach.line, column: breach.column })
        return {
          hast: { type: 'root', children: [] },
          references: [],
          toc: [],
          messages: file.messages,
          errorCount: 1,
          warningCount: 0,
        }
      }
      file.data.idPrefix = idPrefix
      file.data.reportUnused = input.reportUnused ?? true
      file.data.references = indexReferences(input.references, file)

      const mdast: MdastRoot = pipeline.parse(file)
      const hast: HastRoot = pipeline.runSync(mdast, file)

      const cited = file.data.citations ?? []
      const items = cited.map(({ key }) => file.data.references?.get(key) as CslItem)
      const formatted = formatter.format(items)
      const references: RenderedReference[] = cited.map((reference, index) => {
        const data = items[index] as CslItem
        let entry = formatted[index] && structuredClone(formatted[index])
        if (!entry) {
          report(
            file,
            'reference-format',
            `Reference \`${reference.key}\` could not be formatted: check its fields (type, title, authors, date)`,
          )
          entry = {
            type: 'root',
            children: [{ type: 'text', value: String(data.title ?? reference.key) }],
          }
        }
        return { ...reference, citedFrom: [...reference.citedFrom], formatted: entry, data }
      })

      const messages = sortMessages(file.messages)
      const errorCount = messages.filter((message) => message.fatal === true).length
      return {
        hast,
        references,
        toc: file.data.toc ?? [],
        messages,
        errorCount,
        warningCount: messages.length - errorCount,
      }
    },
  }
}

function indexReferences(references: readonly CslItem[], file: VFile): Map<string, CslItem> {
  const byKey = new Map<string, CslItem>()
  for (const reference of references) {
    if (byKey.has(reference.id)) {
      report(
        file,
        'reference-duplicate',
        `Reference \`${reference.id}\` is listed twice: the first one is used; remove the other`,
      )
      continue
    }
    byKey.set(reference.id, reference)
  }
  return byKey
}
