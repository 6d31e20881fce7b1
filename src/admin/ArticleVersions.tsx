import { Gutter, SetDocumentStepNav } from '@payloadcms/ui'
import type { DocumentViewServerProps } from 'payload'

import { revisionLabels } from '../workflow'
import { formatDateTime } from './dates'

import './ArticleVersions.scss'

const LIMIT = 25

/**
 * The Versions tab of an article, in place of Payload's list (whose rows all read "Draft"): every
 * kept revision, newest first, named after the workflow action that saved it and who took it
 * ("Approved by Dr Roe"), with the state it was saved in and when; each opens Payload's
 * comparison of that revision. Read as the signed-in person (their access to revisions applies).
 */
export async function ArticleVersions({ initPageResult, searchParams }: DocumentViewServerProps) {
  const { req, docID } = initPageResult
  const user = req.user
  const page = Math.max(1, Number.parseInt(String(searchParams?.page ?? '1'), 10) || 1)
  const scoped = { req, overrideAccess: false, user } as const
  const versions =
    docID === undefined
      ? undefined
      : await req.payload
          .findVersions({
            collection: 'articles',
            where: { parent: { equals: docID } },
            sort: '-updatedAt',
            depth: 0,
            limit: LIMIT,
            page,
            select: { updatedAt: true, version: { state: true, _status: true } },
            ...scoped,
          })
          .catch(() => undefined)
  const docs = versions?.docs ?? []
  const events = docs.length
    ? (
        await req.payload.find({
          collection: 'reviews',
          where: {
            and: [
              { article: { equals: docID } },
              { at: { greater_than_equal: minus(docs.at(-1)!.updatedAt, 60_000) } },
              { at: { less_than_equal: docs[0].updatedAt } },
            ],
          },
          sort: 'at',
          depth: 0,
          pagination: false,
          select: { type: true, at: true, actorName: true },
          ...scoped,
        })
      ).docs
    : []
  const labels = revisionLabels(
    docs.map((v) => ({ id: v.id, savedAt: v.updatedAt, state: v.version.state })),
    events,
  )
  const base = `/admin/collections/articles/${docID}/versions`
  return (
    <>
      <SetDocumentStepNav
        collectionSlug="articles"
        id={docID}
        pluralLabel="Articles"
        useAsTitle="title"
        view="Versions"
      />
      <main className="article-versions">
        <Gutter>
          <h2 className="article-versions__heading">Revisions</h2>
          <p className="article-versions__lead">
            Every saved revision, newest first, named after the review action that saved it. Open
            one to compare it with another; the review panel shows the changes since the last
            approval.
          </p>
          {docs.length === 0 ? (
            <p>No revisions that you can read.</p>
          ) : (
            <table className="article-versions__table">
              <thead>
                <tr>
                  <th scope="col">Revision</th>
                  <th scope="col">State</th>
                  <th scope="col">Saved</th>
                  <th scope="col">Status</th>
                </tr>
              </thead>
              <tbody>
                {docs.map((v) => {
                  const label = labels.get(String(v.id))!
                  return (
                    <tr key={v.id} data-testid="article-version">
                      <td>
                        <a href={`${base}/${v.id}`}>{label.label}</a>
                      </td>
                      <td>{label.stateLabel}</td>
                      <td>
                        <time dateTime={v.updatedAt}>{formatDateTime(v.updatedAt)}</time>
                      </td>
                      <td>{v.version._status === 'published' ? 'Published' : 'Draft'}</td>
                    </tr>
                  )
                })}
              </tbody>
            </table>
          )}
          {versions && versions.totalPages > 1 ? (
            <nav className="article-versions__pages" aria-label="Pages of revisions">
              {versions.hasPrevPage ? <a href={`${base}?page=${page - 1}`}>Newer</a> : null}
              <span>
                Page {page} of {versions.totalPages}
              </span>
              {versions.hasNextPage ? <a href={`${base}?page=${page + 1}`}>Older</a> : null}
            </nav>
          ) : null}
        </Gutter>
      </main>
    </>
  )
}

const minus = (iso: string, ms: number) => new Date(Date.parse(iso) - ms).toISOString()
