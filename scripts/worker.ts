/**
 * The job worker: runs queued jobs (publishing, notifications) every second and the
 * scheduled daily overdue check. `npm start` runs it beside the web server; run it on its own
 * with `npx tsx scripts/worker.ts` where the web server runs elsewhere.
 */
import { getPayload } from 'payload'

process.env.JOBS_WORKER = 'true'
process.env.PAYLOAD_MIGRATING ??= 'true'

const { default: config } = await import('../payload.config')
const payload = await getPayload({ config, cron: true })
payload.logger.info('Job worker running: queued jobs every second, scheduled checks daily.')

const stop = async () => {
  await payload.destroy().catch(() => undefined)
  process.exit(0)
}
process.on('SIGINT', stop)
process.on('SIGTERM', stop)
