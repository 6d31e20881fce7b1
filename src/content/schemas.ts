import { z } from 'zod'

import { CITATION_STYLES, type CitationStyle, cslItemSchema } from '../references'
import { VARIANT_AUDIENCES, type VariantAudience } from '../site/audiences'
import { REFERENCE_POLICIES, REVIEW_INTERVAL_MONTHS, ROLES } from '../workflow'
import { isValidOrcid, ORCID_HINT, SLUG_HINT, SLUG_PATTERN } from './identifiers'

/**
 * Text a person typed: trimmed, not blank. A backup is read with `exactText` instead (not blank,
 * kept as stored), so restoring gives back every field as it was.
 */
const trimmedText = z.string().trim().min(1)
const exactText = z.string().regex(/\S/, 'must not be blank')
type Text = typeof trimmedText | typeof exactText
const isoDate = z.union([z.string(), z.date()]).transform((v, ctx) => {
  const date = v instanceof Date ? v : new Date(v)
  if (Number.isNaN(date.getTime())) {
    ctx.addIssue({ code: 'custom', message: `"${String(v)}" is not a date: use YYYY-MM-DD` })
    return z.NEVER
  }
  return date
})

/**
 * `references.json`: a CSL-JSON array whose `id`s are the citation keys, as Zotero, PubMed's
 * citation exporter or citation-js write it (normalized, every field kept: see src/references).
 */
export const referencesSchema = z.array(cslItemSchema).superRefine((items, ctx) => {
  const seen = new Map<string, number>()
  items.forEach((item, index) => {
    const first = seen.get(item.id)
    if (first !== undefined) {
      ctx.addIssue({
        code: 'custom',
        path: [index, 'id'],
        message: `duplicate citation key "${item.id}" (first at entry ${first + 1})`,
      })
    } else seen.set(item.id, index)
  })
})

/** The schemas of a content folder's files, over one kind of text. */
function contentSchemas<T extends Text>(text: T) {
  /** The YAML front matter of `articles/*.md`. Unknown keys are refused: they are usually typos. */
  const frontMatterSchema = z.strictObject({
    title: text.describe('the question the article answers'),
    slug: z.string().regex(SLUG_PATTERN, SLUG_HINT).optional(),
    summary: text.optional(),
    topics: z.array(text).optional(),
    authors: z
      .array(z.email('an author is given by email address'))
      .min(1, 'list at least one author'),
    variants: z
      .array(
        z.strictObject({
          audience: z.enum(VARIANT_AUDIENCES),
          title: text.optional(),
          summary: text.optional(),
          body: text,
        }),
      )
      .optional(),
    review: z
      .strictObject({
        status: z.literal('approved'),
        reviewer: z.email(),
        date: isoDate,
        comment: text.optional(),
      })
      .optional(),
  })

  /** `people.json`: authors and reviewers to create (they set a password through the reset flow). */
  const peopleSchema = z
    .array(
      z.strictObject({
        email: z.email(),
        name: text,
        roles: z.array(z.enum(ROLES)).min(1),
        credentials: text.optional(),
        specialty: text.optional(),
        bio: text.optional(),
        disclosures: text.optional(),
        orcid: z.string().refine(isValidOrcid, ORCID_HINT).optional(),
      }),
    )
    .superRefine((people, ctx) => {
      const seen = new Set<string>()
      people.forEach((p, index) => {
        const email = p.email.toLowerCase()
        if (seen.has(email)) {
          ctx.addIssue({
            code: 'custom',
            path: [index, 'email'],
            message: `duplicate person ${p.email}`,
          })
        }
        seen.add(email)
      })
    })

  /** `site.yaml`: the site settings the content ships with (all optional). */
  const siteSettingsSchema = z.strictObject({
    siteName: text.optional(),
    advisoryBoardStatement: text.optional(),
    disclaimer: text.optional(),
    /** Each other audience's own disclaimer (see globals/SiteSettings). */
    audienceDisclaimers: z
      .strictObject(
        Object.fromEntries(VARIANT_AUDIENCES.map((a) => [a, text.optional()])) as Record<
          VariantAudience,
          z.ZodOptional<T>
        >,
      )
      .optional(),
    editorialPolicy: text.optional(),
    publishPolicy: z.enum(['approved-only', 'pending-with-banner']).optional(),
    referencePolicy: z.enum(REFERENCE_POLICIES).optional(),
    reviewIntervalMonths: z
      .number()
      .int()
      .min(REVIEW_INTERVAL_MONTHS.min)
      .max(REVIEW_INTERVAL_MONTHS.max)
      .optional(),
    citationStyle: z
      .enum(CITATION_STYLES.map((style) => style.id) as [CitationStyle, ...CitationStyle[]])
      .optional(),
    followUp: z
      .strictObject({
        heading: text.optional(),
        text: text.optional(),
        label: text.optional(),
        url: text.optional(),
      })
      .optional(),
  })
  return { frontMatterSchema, peopleSchema, siteSettingsSchema }
}

/** A content folder as people write it: text trimmed. */
export const { frontMatterSchema, peopleSchema, siteSettingsSchema } = contentSchemas(trimmedText)
/** A backup (`npm run content:export`): text exactly as it was stored. */
export const exactSchemas = contentSchemas(exactText)

export type FrontMatter = z.infer<typeof frontMatterSchema>
export type Person = z.infer<typeof peopleSchema>[number]
export type SiteSettingsInput = z.infer<typeof siteSettingsSchema>
