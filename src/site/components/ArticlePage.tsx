import type { Element, Root } from 'hast'
import { Fragment } from 'react'
import { visit } from 'unist-util-visit'
import { TRACKER_STEP_LABELS } from '../../workflow'
import { type Audience, disclaimerHeading } from '../audiences'
import { SITE_PATHS, displayName, historyUrl, profileUrl, token } from '../format'
import { Hast, SanitizedHtml } from '../hast'
import { articleJsonLd } from '../jsonld'
import type {
  ArticleView,
  AudienceVersion,
  PersonRef,
  ReviewStep,
  SiteInfo,
  TocEntry,
} from '../types'
import { Document } from './Layout'
import { FollowUp } from './FollowUp'
import { DateOnly } from './Time'

/** The stylesheet switches between at most this many audience versions without JavaScript. */
export const MAX_VERSIONS = 6

/** The caution banner's text, verbatim from the model page. */
export const CAUTION_TEXT = 'Exercise caution as content is pending human review'

/** Ids of the page chrome; content ids come prefixed per version from `src/markdown`. */
export function versionIds(versions: AudienceVersion[]) {
  const used = new Set<string>()
  return versions.map((version, index) => {
    let key = token(version.audience)
    if (used.has(key)) key = `${key}-${index + 1}`
    used.add(key)
    return {
      key,
      section: `version-${key}`,
      option: `audience-${key}`,
      references: `version-${key}-references`,
      toc: `version-${key}-contents`,
      disclaimer: `version-${key}-disclaimer`,
    }
  })
}

/** Ids the page itself uses, besides those of `versionIds`. */
const CHROME_IDS = [
  'main',
  'article-title',
  'tracker-heading',
  'personalize-heading',
  'audience-help',
  'follow-up-heading',
  'question-text',
  'question-text-help',
  'question-email',
  'question-trap',
  'question-status',
]

/** The disclaimer a version shows: its audience's, or the professional one for an unknown one. */
export function disclaimerFor(site: SiteInfo, version: AudienceVersion): Root {
  return site.disclaimers[version.audience as Audience] ?? site.disclaimers.clinician
}

/**
 * Content ids come from `src/markdown` with a per-version prefix; a missing or shared prefix would
 * give the page duplicate ids (invalid HTML, broken links). That is a programming error: throw.
 */
function assertUniqueIds(site: SiteInfo, article: ArticleView, ids: ReturnType<typeof versionIds>) {
  const seen = new Set<string>(CHROME_IDS)
  for (const v of ids)
    for (const id of [v.section, v.option, v.references, v.toc, v.disclaimer]) seen.add(id)
  const claim = (id: string, where: string) => {
    if (seen.has(id)) {
      throw new TypeError(
        `article ${article.slug}: id "${id}" (${where}) is used twice on the page; render each version with its own idPrefix`,
      )
    }
    seen.add(id)
  }
  article.versions.forEach((version, i) => {
    visit(disclaimerFor(site, version), 'element', (el: Element) => {
      if (typeof el.properties.id === 'string') claim(el.properties.id, `${ids[i]!.key} disclaimer`)
    })
    for (const id of version.body.ids) claim(id, `${ids[i]!.key} body`)
    for (const id of version.referenceList.ids) claim(id, `${ids[i]!.key} references`)
  })
}

export function ArticlePage({ site, article }: { site: SiteInfo; article: ArticleView }) {
  if (article.versions.length === 0) throw new TypeError(`article ${article.slug} has no version`)
  if (article.versions.length > MAX_VERSIONS) {
    throw new TypeError(`article ${article.slug} has more than ${MAX_VERSIONS} audience versions`)
  }
  const lang = site.language
  const ids = versionIds(article.versions)
  assertUniqueIds(site, article, ids)
  return (
    <Document
      site={site}
      title={article.title}
      description={article.summary}
      path={article.url}
      ogType="article"
      noindex={!article.approved}
      jsonLd={articleJsonLd(site, article)}
    >
      <article className="article" aria-labelledby="article-title">
        <header className="article-header">
          <a className="board-badge" href={SITE_PATHS.board}>
            <span className="board-badge-title">Medical Advisory Board</span>{' '}
            <span className="board-badge-text">
              All articles are reviewed for accuracy by our Medical Advisory Board
            </span>
          </a>
          <h1 id="article-title">{article.title}</h1>
          {article.summary ? <p className="lede">{article.summary}</p> : null}
          {article.approved ? null : (
            <p className="notice notice-caution">
              <strong>Educational purpose only</strong> <span aria-hidden="true">•</span>{' '}
              {CAUTION_TEXT}
            </p>
          )}
          {article.overdue ? (
            <p className="notice notice-overdue">
              <strong>Re-review overdue</strong>{' '}
              {article.nextReviewDue ? (
                <>
                  The scheduled re-review of this article was due on{' '}
                  <DateOnly iso={article.nextReviewDue} language={lang} /> and has not happened yet.
                </>
              ) : (
                <>The scheduled re-review of this article has not happened yet.</>
              )}{' '}
              Newer evidence may not be reflected.
            </p>
          ) : null}
          <ArticleMeta site={site} article={article} />
          <Tracker site={site} article={article} />
        </header>

        {article.versions.length > 1 ? (
          <AudienceChoice versions={article.versions} ids={ids} />
        ) : null}
        <div className="versions">
          {article.versions.map((version, i) => (
            <VersionSection
              key={ids[i]!.key}
              version={version}
              ids={ids[i]!}
              single={ids.length === 1}
              disclaimer={disclaimerFor(site, version)}
            />
          ))}
        </div>

        {site.followUp ? <FollowUp followUp={site.followUp} article={article.slug} /> : null}
      </article>
    </Document>
  )
}

function PersonName({ person, link }: { person: PersonRef; link: boolean }) {
  return link ? <a href={profileUrl(person)}>{displayName(person)}</a> : <>{displayName(person)}</>
}

/** "A, B and C". */
function PeopleList({ people }: { people: PersonRef[] }) {
  return (
    <>
      {people.map((person, i) => (
        <Fragment key={person.id}>
          {i === 0 ? null : i === people.length - 1 ? ' and ' : ', '}
          <PersonName person={person} link={person.listedOnBoard === true} />
        </Fragment>
      ))}
    </>
  )
}

function ArticleMeta({ site, article }: { site: SiteInfo; article: ArticleView }) {
  const lang = site.language
  return (
    <div className="article-meta">
      <ul className="meta-facts">
        {article.authors.length ? (
          <li>
            Written by <PeopleList people={article.authors} />
          </li>
        ) : null}
        <li>
          Last updated: <DateOnly iso={article.lastUpdated} language={lang} />
        </li>
        {article.lastReviewed ? (
          <li>
            Last reviewed by <PersonName person={article.lastReviewed.by} link /> on{' '}
            <DateOnly iso={article.lastReviewed.at} language={lang} />
          </li>
        ) : null}
        {article.nextReviewDue ? (
          <li>
            Next review due <DateOnly iso={article.nextReviewDue} language={lang} />
          </li>
        ) : null}
      </ul>
      <ul className="meta-links">
        <li>
          <a href={SITE_PATHS.policy}>View editorial policy</a>
        </li>
        <li>
          <a href={historyUrl(article)}>Review history</a>
        </li>
      </ul>
    </div>
  )
}

function stepStatus(step: ReviewStep, lang: string) {
  const date = step.date ? <DateOnly iso={step.date} language={lang} /> : null
  switch (step.status) {
    case 'done':
      return <>Completed{date ? <> {date}</> : null}</>
    case 'current':
      return <>In progress{date ? <> since {date}</> : null}</>
    case 'upcoming':
      return <>Not yet</>
  }
}

function Tracker({ site, article }: { site: SiteInfo; article: ArticleView }) {
  return (
    <section className="tracker" aria-labelledby="tracker-heading">
      <h2 id="tracker-heading">Article Review Status</h2>
      <ol className="tracker-steps">
        {article.tracker.map((step) => (
          <li
            key={step.step}
            className={`tracker-step is-${step.status}`}
            aria-current={step.status === 'current' ? 'step' : undefined}
          >
            <span className="tracker-name">{TRACKER_STEP_LABELS[step.step]}</span>{' '}
            <span className="tracker-status">{stepStatus(step, site.language)}</span>
          </li>
        ))}
      </ol>
    </section>
  )
}

type Ids = ReturnType<typeof versionIds>[number]

/**
 * The audience selector: a radio group. Without JavaScript the stylesheet shows the version whose
 * radio is checked (`:has()`, matched by position); site.js only remembers and restores the choice.
 */
function AudienceChoice({ versions, ids }: { versions: AudienceVersion[]; ids: Ids[] }) {
  return (
    <section className="personalize" aria-labelledby="personalize-heading">
      <h2 id="personalize-heading">
        <span className="eyebrow">Personalize</span> Help us tailor your experience
      </h2>
      <fieldset
        className="audience-choice"
        data-audience-choice=""
        aria-describedby="audience-help"
      >
        <legend>Which best describes you?</legend>
        <p id="audience-help">
          Your choice helps us use language that&apos;s most understandable for you.
        </p>
        {versions.map((version, i) => (
          <div className="audience-option" key={ids[i]!.key}>
            <input
              type="radio"
              name="audience"
              id={ids[i]!.option}
              value={ids[i]!.key}
              defaultChecked={i === 0}
              aria-controls={ids[i]!.section}
            />
            <label htmlFor={ids[i]!.option}>{version.label}</label>
          </div>
        ))}
      </fieldset>
    </section>
  )
}

export function VersionSection({
  version,
  ids,
  single,
  disclaimer,
}: {
  version: AudienceVersion
  ids: Ids
  single: boolean
  /** The audience's disclaimer, under the version on the page (the admin's preview leaves it out). */
  disclaimer?: Root
}) {
  return (
    <section
      className="version"
      id={ids.section}
      data-audience={ids.key}
      aria-label={`${version.label} version`}
    >
      {single ? null : (
        <p className="version-label">
          Written for: <strong>{version.label}</strong>
        </p>
      )}
      {version.title ? <h2 className="version-title">{version.title}</h2> : null}
      {version.summary ? <p className="version-summary">{version.summary}</p> : null}
      {version.toc.length >= 3 ? (
        <Toc entries={version.toc} ids={ids} label={version.label} />
      ) : null}
      <SanitizedHtml className="prose" html={version.body} />
      {version.references.length ? <References version={version} ids={ids} /> : null}
      {disclaimer ? (
        <section className="disclaimer" aria-labelledby={ids.disclaimer}>
          <h2 id={ids.disclaimer}>{disclaimerHeading(version.audience)}</h2>
          <Hast tree={disclaimer} />
        </section>
      ) : null}
    </section>
  )
}

/** Nested list: depth-3 entries go under the preceding depth-2 entry. */
function Toc({ entries, ids, label }: { entries: TocEntry[]; ids: Ids; label: string }) {
  const groups: { entry: TocEntry; children: TocEntry[] }[] = []
  for (const entry of entries) {
    const last = groups[groups.length - 1]
    if (entry.depth === 3 && last) last.children.push(entry)
    else groups.push({ entry, children: [] })
  }
  return (
    <nav className="toc" aria-labelledby={ids.toc}>
      <h2 id={ids.toc}>
        Contents<span className="visually-hidden"> ({label} version)</span>
      </h2>
      <ol>
        {groups.map(({ entry, children }) => (
          <li key={entry.id}>
            <a href={`#${entry.id}`}>{entry.text}</a>
            {children.length ? (
              <ol>
                {children.map((child) => (
                  <li key={child.id}>
                    <a href={`#${child.id}`}>{child.text}</a>
                  </li>
                ))}
              </ol>
            ) : null}
          </li>
        ))}
      </ol>
    </nav>
  )
}

/** The pipeline's own reference list (`renderReferenceList`), under its heading. */
function References({ version, ids }: { version: AudienceVersion; ids: Ids }) {
  return (
    <section className="references" aria-labelledby={ids.references}>
      <h2 id={ids.references}>References</h2>
      <SanitizedHtml html={version.referenceList} />
    </section>
  )
}
