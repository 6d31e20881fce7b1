/**
 * The formats references are imported from, their names for people, and the format a file
 * name says. Kept apart from the readers (./importText, which load citation-js) so that the
 * admin can use the same list without bundling them.
 */
export const REFERENCE_FORMATS = ['bibtex', 'ris', 'medline', 'csl-json', 'identifiers'] as const
export type ReferenceFormat = (typeof REFERENCE_FORMATS)[number]

export const REFERENCE_FORMAT_LABELS: Record<ReferenceFormat, string> = {
  bibtex: 'BibTeX',
  ris: 'RIS',
  medline: 'PubMed MEDLINE (.nbib)',
  'csl-json': 'CSL-JSON',
  identifiers: 'DOIs and PMIDs',
}

/** The format a file name says (`.bib`, `.ris`, `.nbib`/`.medline`/`.txt` from PubMed, `.json`). */
export function formatOfFileName(name: string): ReferenceFormat | undefined {
  const extension = /\.([a-z]+)$/i.exec(name)?.[1]?.toLowerCase()
  if (extension === 'bib' || extension === 'bibtex' || extension === 'biblatex') return 'bibtex'
  if (extension === 'ris') return 'ris'
  if (extension === 'nbib' || extension === 'medline') return 'medline'
  if (extension === 'json') return 'csl-json'
  return undefined
}
