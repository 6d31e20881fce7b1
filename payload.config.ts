import path from 'node:path'

import { nodemailerAdapter } from '@payloadcms/email-nodemailer'
import { buildConfig } from 'payload'

import { ArticleRenders } from './collections/ArticleRenders'
import { SiteChanges } from './collections/SiteChanges'
import { Articles } from './collections/Articles'
import { Citations } from './collections/Citations'
import { PreviewLinks } from './collections/PreviewLinks'
import { Questions } from './collections/Questions'
import { Reviews } from './collections/Reviews'
import { Comments } from './collections/Comments'
import { Users } from './collections/Users'
import { workflowMutation } from './collections/Articles/graphql/workflowMutation'
import { SiteSettings } from './globals/SiteSettings'
import { jobs } from './jobs'
import { databaseAdapter } from './src/config/database'
import { graphqlLimitsRule } from './src/config/graphqlLimits'
import { readEnv, resolveSecret, ROOT_DIR } from './src/config/env'
import { logEmailAdapter } from './src/config/logEmail'
import { logGraphQLError, loggingLevels } from './src/config/logging'
import { renderPool } from './src/render'

const env = readEnv()

// nodemailer's transport takes `auth` beside the connection options its newest types describe.
const smtp = {
  host: env.SMTP_HOST,
  port: env.SMTP_PORT ?? 587,
  secure: env.SMTP_SECURE === 'true',
  auth: env.SMTP_USER ? { user: env.SMTP_USER, pass: env.SMTP_PASS } : undefined,
}

/** Mail goes out over SMTP when SMTP_HOST is set; otherwise each message is written to the log. */
const email = env.SMTP_HOST
  ? nodemailerAdapter({
      defaultFromAddress: env.EMAIL_FROM,
      defaultFromName: env.EMAIL_FROM_NAME,
      skipVerify: true,
      transportOptions: smtp,
    })
  : logEmailAdapter({ address: env.EMAIL_FROM, name: env.EMAIL_FROM_NAME })

export default buildConfig({
  // No serverURL: the admin calls the API on whatever address it was opened at (a fixed one broke
  // every call from 127.0.0.1 or the network address). Links in mail use SITE_URL instead.
  // The CSRF rule is applied by the server in front of Payload (src/proxy.ts, for the
  // `allowedOrigins`): Payload's own refuses every GET from a plain-http network address.
  csrf: [],
  secret: resolveSecret(env),
  db: databaseAdapter(env.DATABASE_URL),
  collections: [
    Articles,
    Citations,
    Reviews,
    Comments,
    Users,
    Questions,
    PreviewLinks,
    ArticleRenders,
    SiteChanges,
  ],
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
  // Refused requests are expected, not server faults: logged as information, without a stack.
  loggingLevels,
  hooks: { afterError: [logGraphQLError] },
  telemetry: false,
  // The web server loads its render workers at start, so the first preview does not wait for them.
  onInit: () => {
    if (process.env.NEXT_RUNTIME) void renderPool().warm()
  },
})
