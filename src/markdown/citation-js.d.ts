// @citation-js/* ship no types; only what src/markdown/references.ts uses is declared here.
declare module '@citation-js/core' {
  interface BibliographyOptions {
    format: 'html' | 'text'
    template: string
    lang: string
    /** Return `[id, html]` pairs instead of one HTML string. */
    asEntryArray: true
  }
  export const plugins: {
    output: {
      format(
        name: 'bibliography',
        data: readonly object[],
        options: BibliographyOptions,
      ): Array<[id: string, html: string]>
    }
  }
}

declare module '@citation-js/plugin-csl'
