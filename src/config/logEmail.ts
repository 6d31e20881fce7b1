import type { EmailAdapter, SendEmailOptions } from 'payload'

type Addresses = SendEmailOptions['to']

const addresses = (value: Addresses): string => {
  if (!value) return ''
  if (typeof value === 'string') return value
  if (Array.isArray(value)) return value.map((a) => addresses(a as Addresses)).join(', ')
  return 'address' in value ? String(value.address) : ''
}

/**
 * Mail without SMTP (development): each message is written to the log whole (to, subject and the
 * body), so a person trying the platform sees what a reviewer would receive.
 */
export const logEmailAdapter =
  (from: { address: string; name: string }): EmailAdapter =>
  ({ payload }) => ({
    name: 'log',
    defaultFromAddress: from.address,
    defaultFromName: from.name,
    sendEmail: async (message) => {
      // Payload's own mail (password reset) is HTML only: shown without its tags.
      const body =
        typeof message.text === 'string'
          ? message.text
          : typeof message.html === 'string'
            ? message.html.replace(/<[^>]+>/g, '').trim()
            : '(no body)'
      payload.logger.info(
        `Mail (not sent: SMTP_HOST is not set)\n  To: ${addresses(message.to)}\n  Subject: ${message.subject ?? ''}\n\n${body.replace(/^/gm, '  ')}\n`,
      )
    },
  })
