// @citation-js/* ship no types; only what src/references uses is declared here.
declare module '@citation-js/core' {
  interface BibliographyOptions {
    format: 'html' | 'text'
    template: string
    lang: string
    /** Return `[id, html]` pairs instead of one HTML string. */
    asEntryArray: true
  }
  /** citation-js's `util.Register`: named entries, here CSL styles as XML. */
  interface Register<T> {
    has(name: string): boolean
    add(name: string, value: T): void
  }
  export const plugins: {
    input: {
      /** Parses `data` through the input plugins, to CSL-JSON items. Throws on bad input. */
      chain(data: string, options: { forceType?: string; generateGraph?: boolean }): unknown
    }
    output: {
      format(
        name: 'bibliography',
        data: readonly object[],
        options: BibliographyOptions,
      ): Array<[id: string, html: string]>
    }
    config: {
      get(plugin: '@csl'): { styles: Register<string> }
    }
  }
}

declare module '@citation-js/plugin-csl'
declare module '@citation-js/plugin-bibtex'
declare module '@citation-js/plugin-ris'
