/**
 * This platform's own CSL 1.0 style for the AMA Manual of Style, 11th edition, written for it
 * from the manual's rules (not derived from another style file). It is a TypeScript module, not a
 * .csl file beside it, so that every bundle that formats references (the Next.js admin preview
 * included) carries it without reading the file system.
 *
 * Rules it follows:
 * - authors: family name then initials without periods or spaces (Polack FP), separated by
 *   commas, no "and"; up to 6 listed, more than 6 gives the first 3 and "et al"; particles kept
 *   in front (van de Donk NWCJ), suffix after the initials (Frenck RW Jr); editors with "ed"/"eds"
 *   stand in when there is no author;
 * - journal articles: `Title. *Abbrev J*. Year;Vol(Issue):pages.` with the abbreviated journal
 *   title (container-title-short, or journalAbbreviation as Zotero writes it) in italics, else
 *   the full title; page ranges written out in full with a hyphen (2603-2615);
 * - books: `*Title*. 21st ed. Publisher; Year.` (no place of publication, as in the 11th ed.);
 * - chapters, encyclopedia entries, conference papers:
 *   `Title. In: Editor A, Editor B, eds. *Book*. Ed. Publisher; Year:pages.`;
 * - web pages and posts: `Title. Site. Published Month Day, Year. Accessed Month Day, Year. URL`;
 * - reports, theses, standards: `*Title*. Genre. Number. Publisher; Year.`;
 * - anything else: `*Title*. Ed. Publisher; Year.`;
 * - then `doi:10.xxx` when there is a DOI (no final period), else `Accessed Month Day, Year. URL`.
 * Titles are printed as entered: CSL's case transforms mangle medical terms (mRNA, COVID-19).
 */
export const AMA_11TH_EDITION_CSL = `<?xml version="1.0" encoding="utf-8"?>
<style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0" demote-non-dropping-particle="never" page-range-format="expanded" default-locale="en-US">
  <info>
    <title>AMA Manual of Style, 11th edition (medical review platform)</title>
    <id>urn:medical-review-platform:csl:ama-11th-edition</id>
    <category citation-format="numeric"/>
    <category field="medicine"/>
    <summary>Numbered references after the AMA Manual of Style, 11th edition.</summary>
    <updated>2026-01-15T00:00:00+00:00</updated>
  </info>
  <locale xml:lang="en">
    <terms>
      <term name="et-al">et al</term>
      <term name="page-range-delimiter">-</term>
    </terms>
  </locale>
  <macro name="contributors">
    <names variable="author">
      <name name-as-sort-order="all" sort-separator=" " initialize-with="" delimiter=", " delimiter-precedes-last="always"/>
      <label form="short" prefix=", "/>
      <substitute>
        <names variable="editor"/>
      </substitute>
    </names>
  </macro>
  <macro name="editors">
    <names variable="editor">
      <name name-as-sort-order="all" sort-separator=" " initialize-with="" delimiter=", " delimiter-precedes-last="always"/>
      <label form="short" prefix=", "/>
    </names>
  </macro>
  <macro name="year">
    <date variable="issued">
      <date-part name="year"/>
    </date>
  </macro>
  <macro name="journal-locator">
    <group>
      <text macro="year"/>
      <group prefix=";">
        <text variable="volume"/>
        <text variable="issue" prefix="(" suffix=")"/>
      </group>
      <text variable="page" prefix=":"/>
    </group>
  </macro>
  <macro name="edition">
    <group delimiter=" ">
      <number variable="edition" form="ordinal"/>
      <text term="edition" form="short"/>
    </group>
  </macro>
  <macro name="publisher">
    <group delimiter="; ">
      <text variable="publisher"/>
      <text macro="year"/>
    </group>
  </macro>
  <macro name="access">
    <choose>
      <if variable="DOI">
        <text variable="DOI" prefix="doi:"/>
      </if>
      <else-if variable="URL">
        <group delimiter=" ">
          <group delimiter=" " suffix=".">
            <text term="accessed" text-case="capitalize-first"/>
            <date variable="accessed" form="text"/>
          </group>
          <text variable="URL"/>
        </group>
      </else-if>
    </choose>
  </macro>
  <citation>
    <layout delimiter=",">
      <text variable="citation-number"/>
    </layout>
  </citation>
  <bibliography second-field-align="flush" et-al-min="7" et-al-use-first="3">
    <layout>
      <text variable="citation-number" suffix="."/>
      <group delimiter=" ">
        <group delimiter=". " suffix=".">
          <text macro="contributors"/>
          <choose>
            <if type="article article-journal article-magazine article-newspaper periodical review review-book" match="any">
              <text variable="title"/>
              <text variable="container-title" form="short" font-style="italic"/>
              <text macro="journal-locator"/>
            </if>
            <else-if type="chapter entry entry-dictionary entry-encyclopedia paper-conference" match="any">
              <text variable="title"/>
              <group delimiter=". " prefix="In: ">
                <text macro="editors"/>
                <text variable="container-title" font-style="italic"/>
              </group>
              <text macro="edition"/>
              <group>
                <text macro="publisher"/>
                <text variable="page" prefix=":"/>
              </group>
            </else-if>
            <else-if type="webpage post post-weblog" match="any">
              <text variable="title"/>
              <text variable="container-title"/>
              <group delimiter=" ">
                <text value="Published"/>
                <date variable="issued" form="text"/>
              </group>
            </else-if>
            <else-if type="report thesis standard" match="any">
              <text variable="title" font-style="italic"/>
              <text variable="genre"/>
              <text variable="number"/>
              <text macro="publisher"/>
            </else-if>
            <else>
              <text variable="title" font-style="italic"/>
              <text macro="edition"/>
              <text macro="publisher"/>
            </else>
          </choose>
        </group>
        <text macro="access"/>
      </group>
    </layout>
  </bibliography>
</style>
`
