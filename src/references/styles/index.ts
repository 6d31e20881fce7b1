import { plugins } from '@citation-js/core'
import '@citation-js/plugin-csl'

import { AMA_11TH_EDITION_CSL } from './ama'

/**
 * The citation styles the site can use, the single list the `CitationStyle` type, the site
 * setting's options and the formatter derive from. `template` is the citation-js template name;
 * `csl` is the style's XML when it is ours (registered with citation-js on first use), absent
 * for a template citation-js ships.
 */
export const CITATION_STYLES = [
  {
    id: 'vancouver',
    label: 'Vancouver (ICMJE/NLM)',
    template: 'vancouver',
  },
  {
    id: 'ama',
    label: 'AMA (11th edition)',
    template: 'medical-review-platform-ama-11',
    csl: AMA_11TH_EDITION_CSL,
  },
] as const satisfies readonly { id: string; label: string; template: string; csl?: string }[]

export type CitationStyle = (typeof CITATION_STYLES)[number]['id']

/** The style the site uses until an editor picks another. */
export const DEFAULT_CITATION_STYLE: CitationStyle = 'vancouver'

export function isCitationStyle(value: unknown): value is CitationStyle {
  return CITATION_STYLES.some((style) => style.id === value)
}

/**
 * The citation-js template of `style`, registering our own CSL first if citation-js does not
 * have it yet. Throws a TypeError for a style that is not in the registry (programmer misuse).
 */
export function citationTemplate(style: CitationStyle): string {
  const entry = CITATION_STYLES.find((candidate) => candidate.id === style)
  if (!entry) {
    throw new TypeError(
      `Unknown citation style: ${String(style)} (known: ${CITATION_STYLES.map((s) => s.id).join(', ')})`,
    )
  }
  const templates = plugins.config.get('@csl').styles
  if ('csl' in entry && !templates.has(entry.template)) templates.add(entry.template, entry.csl)
  return entry.template
}
