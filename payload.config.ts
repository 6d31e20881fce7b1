import path from 'node:path'

import { nodemailerAdapter } from '@payloadcms/email-nodemailer'
import { buildConfig, type Config } from 'payload'

import { ArticleRenders } from './collections/ArticleRenders'
import { SiteChanges } from './collections/SiteChanges'
import { Articles } from './collections/Articles'
import { Citations } from './collections/Citations'
import { Reviews } from './collections/Reviews'
import { Users } from './collections/Users'
import { workflowMutation } from './collections/Articles/graphql/workflowMutation'
import { SiteSettings } from './globals/SiteSettings'
import { jobs } from './jobs'
import { databaseAdapter } from './src/config/database'
import { graphqlLimitsRule } from './src/config/graphqlLimits'
import { readEnv, resolveSecret, ROOT_DIR, siteUrl } from './src/config/env'
import { renderPool } from './src/render'

const env = readEnv()

// nodemailer's transport takes `auth` beside the connection options its newest types describe.
const smtp = {
  host: env.SMTP_HOST,
  port: env.SMTP_PORT ?? 587,
  secure: env.SMTP_SECURE === 'true',
  auth: env.SMTP_USER ? { user: env.SMTP_USER, pass: env.SMTP_PASS } : undefined,
}

/** Mail goes out over SMTP when SMTP_HOST is set; otherwise Payload writes it to the log. */
const email = env.SMTP_HOST
  ? nodemailerAdapter({
      defaultFromAddress: env.EMAIL_FROM,
      defaultFromName: env.EMAIL_FROM_NAME,
      skipVerify: true,
      transportOptions: smtp,
    })
  : undefined

export default buildConfig({
  serverURL: siteUrl(env),
  secret: resolveSecret(env),
  db: databaseAdapter(env.DATABASE_URL),
  collections: [Articles, Citations, Reviews, Users, ArticleRenders, SiteChanges],
  globals: [SiteSettings],
  email,
  admin: {
    user: Users.slug,
    meta: { titleSuffix: ' · Medical Review' },
    // Gravatar images come from the internet; the built-in avatar works everywhere.
    avatar: 'default',
    importMap: { baseDir: ROOT_DIR },
    components: {
      // What waits for the signed-in person: reviews, their articles, overdue re-reviews.
      beforeDashboard: ['/src/admin/ReviewDashboard#ReviewDashboard'],
    },
  },
  typescript: {
    outputFile: path.resolve(ROOT_DIR, 'payload-types.ts'),
  },
  graphQL: {
    mutations: (GraphQL) => workflowMutation(GraphQL),
    // Payload's own complexity estimate, plus ours: depth, aliases and documents asked for.
    maxComplexity: 1000,
    validationRules: (args) => [graphqlLimitsRule(args.variableValues ?? {})],
    disableIntrospectionInProduction: true,
    disablePlaygroundInProduction: true,
  },
  jobs,
  // Refused workflow actions are expected, not server faults: log them as information.
  // (Payload types this map by its own error names; it looks levels up by `err.name`.)
  loggingLevels: { WorkflowRefusal: 'info' } as Config['loggingLevels'],
  telemetry: false,
  // The web server loads its render workers at start, so the first preview does not wait for them.
  onInit: () => {
    if (process.env.NEXT_RUNTIME) void renderPool().warm()
  },
})
