import type { Payload } from 'payload'

import { ROLES, type Role } from '../workflow'
import { importContent, type ImportReport } from './importContent'
import { type ContentBundle, loadContentDir } from './loadContentDir'

/** A development sign-in, one per role. Never created when NODE_ENV=production. */
export interface DemoAccount {
  role: Role
  email: string
  password: string
  name: string
}

export const DEMO_ACCOUNTS: readonly DemoAccount[] = ROLES.map((role) => ({
  role,
  email: `${role}@example.org`,
  password: `demo-${role}`,
  name: `Demo ${role[0]!.toUpperCase()}${role.slice(1)}`,
}))

const DEMO_PROFILES: Partial<
  Record<Role, { credentials: string; specialty: string; bio: string; disclosures: string }>
> = {
  reviewer: {
    credentials: 'MD (demo account)',
    specialty: 'Hematology',
    bio: 'A demonstration advisory board member for trying the review workflow. Not a real person.',
    disclosures: 'None (demo account).',
  },
}

/**
 * The seed content as the demo uses it: the demo author is also an author of every article, so
 * signing in as them shows the seeded article as theirs to submit (the journey the README walks).
 */
export function withDemoAuthor(bundle: ContentBundle): ContentBundle {
  const email = DEMO_ACCOUNTS.find((a) => a.role === 'author')!.email
  return {
    ...bundle,
    articles: bundle.articles.map((article) =>
      article.frontMatter.authors.includes(email)
        ? article
        : {
            ...article,
            frontMatter: {
              ...article.frontMatter,
              authors: [...article.frontMatter.authors, email],
            },
          },
    ),
  }
}

export interface SeedResult {
  /** What the import did, when the database was empty and content/ was imported. */
  imported?: ImportReport
  /** Demo accounts that exist (created now or before), for printing at start. */
  demoAccounts: DemoAccount[]
}

/**
 * Seeds an empty database (no users, no articles) from a content folder; in development also
 * creates one demo account per role on that first run, the demo author being an author of every
 * seeded article. A database that has anything in it is
 * left alone, so restarting never re-imports over an editor's work.
 */
export async function seedIfEmpty(
  payload: Payload,
  { contentDir, demo }: { contentDir: string; demo: boolean },
): Promise<SeedResult> {
  const [users, articles] = await Promise.all([
    payload.count({ collection: 'users' }),
    payload.count({ collection: 'articles' }),
  ])
  const empty = users.totalDocs === 0 && articles.totalDocs === 0
  let imported: ImportReport | undefined
  if (empty) {
    // The demo accounts come first: the demo author is named as an author of the seeded content.
    if (demo) {
      for (const account of DEMO_ACCOUNTS) {
        await payload.create({
          collection: 'users',
          data: {
            email: account.email,
            password: account.password,
            name: account.name,
            roles: [account.role],
            ...DEMO_PROFILES[account.role],
          },
        })
      }
    }
    const bundle = await loadContentDir(contentDir)
    imported = await importContent(payload, demo ? withDemoAuthor(bundle) : bundle)
  }
  if (!demo) return { imported, demoAccounts: [] }
  const existing = await payload.find({
    collection: 'users',
    where: { email: { in: DEMO_ACCOUNTS.map((a) => a.email) } },
    pagination: false,
    depth: 0,
  })
  const present = new Set(existing.docs.map((u) => u.email))
  return { imported, demoAccounts: DEMO_ACCOUNTS.filter((a) => present.has(a.email)) }
}
