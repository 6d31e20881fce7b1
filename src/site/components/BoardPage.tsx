import { SITE_PATHS, displayName, orcidUrl } from '../format'
import type { Person, SiteInfo } from '../types'
import { Document } from './Layout'

const ROLE_LABELS: Record<string, string> = {
  reviewer: 'Reviewer',
  author: 'Author',
  editor: 'Editor',
}

/** The advisory board: one profile per person, each at `#<slug>`. */
export function BoardPage({ site, people }: { site: SiteInfo; people: Person[] }) {
  return (
    <Document
      site={site}
      title="Medical Advisory Board"
      description={site.advisoryBoardStatement}
      path={SITE_PATHS.board}
      current="board"
    >
      <div className="intro">
        <h1>Medical Advisory Board</h1>
        <p className="lede">{site.advisoryBoardStatement}</p>
      </div>
      {people.length === 0 ? <p>No board members are listed yet.</p> : null}
      {people.map((person) => {
        const orcid = orcidUrl(person.orcid)
        const roles = person.roles.map((r) => ROLE_LABELS[r]).filter(Boolean)
        return (
          <section
            key={person.id}
            className="profile"
            id={person.slug}
            aria-labelledby={`${person.slug}-name`}
          >
            <h2 id={`${person.slug}-name`}>{displayName(person)}</h2>
            {person.specialty || roles.length ? (
              <p className="profile-role">
                {[person.specialty, roles.join(', ')].filter(Boolean).join(' · ')}
              </p>
            ) : null}
            {person.bio ? <p>{person.bio}</p> : null}
            <dl className="profile-facts">
              <dt>Conflict-of-interest disclosure</dt>
              <dd>{person.disclosures?.trim() || 'No disclosure on file.'}</dd>
              {orcid ? (
                <>
                  <dt>ORCID</dt>
                  <dd>
                    <a href={orcid}>{orcid}</a>
                  </dd>
                </>
              ) : null}
            </dl>
          </section>
        )
      })}
    </Document>
  )
}
