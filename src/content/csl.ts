import { z } from 'zod'

import { CITATION_KEY_PATTERN, DOI_HINT, DOI_PATTERN, PMID_HINT, PMID_PATTERN } from './identifiers'

/**
 * CSL-JSON, the reference format shared by Zotero, Pandoc and citation-js, narrowed to the fields
 * this platform stores. `id` is the citation key authors write as `[@id]` in Markdown.
 * Unknown CSL fields are kept (a loose object) so nothing an author exported is silently lost.
 */

export { CITATION_KEY_PATTERN, DOI_PATTERN, PMID_PATTERN } from './identifiers'

export const CSL_TYPES = [
  'article-journal',
  'article',
  'book',
  'chapter',
  'paper-conference',
  'report',
  'webpage',
  'thesis',
  'dataset',
  'review',
] as const
export type CslType = (typeof CSL_TYPES)[number]

export const cslNameSchema = z
  .object({
    family: z.string().min(1).optional(),
    given: z.string().min(1).optional(),
    literal: z.string().min(1).optional(),
  })
  .refine((n) => n.family !== undefined || n.literal !== undefined, {
    message: 'a name needs "family" (with optional "given") or "literal"',
  })
export type CslName = z.infer<typeof cslNameSchema>

export const cslDateSchema = z.object({
  'date-parts': z
    .array(z.array(z.coerce.number().int()).min(1).max(3))
    .min(1)
    .max(2)
    .describe('[[year, month?, day?]]'),
})
export type CslDate = z.infer<typeof cslDateSchema>

export const cslItemSchema = z
  .object({
    id: z
      .string()
      .regex(CITATION_KEY_PATTERN, 'a citation key starts with a letter, digit or underscore'),
    type: z.enum(CSL_TYPES),
    title: z.string().trim().min(1, 'a reference needs a title'),
    author: z.array(cslNameSchema).optional(),
    'container-title': z.string().optional(),
    publisher: z.string().optional(),
    issued: cslDateSchema.optional(),
    volume: z.union([z.string(), z.number()]).transform(String).optional(),
    issue: z.union([z.string(), z.number()]).transform(String).optional(),
    page: z.string().optional(),
    DOI: z.string().regex(DOI_PATTERN, DOI_HINT).optional(),
    PMID: z
      .union([z.string(), z.number()])
      .transform(String)
      .pipe(z.string().regex(PMID_PATTERN, PMID_HINT))
      .optional(),
    URL: z
      .url({ protocol: /^https?$/, error: 'a reference URL must be an http(s) address' })
      .optional(),
    note: z.string().optional(),
  })
  .loose()

export type CslItem = z.infer<typeof cslItemSchema>
