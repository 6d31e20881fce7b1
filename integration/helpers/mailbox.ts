import { simpleParser } from 'mailparser'
import { SMTPServer } from 'smtp-server'
import { inject } from 'vitest'

export interface ReceivedMail {
  from: string
  to: string[]
  subject: string
  text: string
  html: string
}

const received: ReceivedMail[] = []
let server: SMTPServer | undefined

/** A real SMTP server on loopback that keeps every message Payload sends during the run. */
export async function startMailbox(): Promise<void> {
  if (server) return
  server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, _session, callback) {
      simpleParser(stream)
        .then((mail) => {
          const to = [mail.to ?? []].flat().flatMap((a) => a.value.map((v) => v.address ?? ''))
          received.push({
            from: mail.from?.value[0]?.address ?? '',
            to,
            subject: mail.subject ?? '',
            text: mail.text ?? '',
            html: typeof mail.html === 'string' ? mail.html : '',
          })
          callback()
        })
        .catch(callback)
    },
  })
  await new Promise<void>((resolve, reject) => {
    server!.once('error', reject)
    server!.listen(inject('smtpPort'), '127.0.0.1', () => resolve())
  })
}

/** Mail received so far, optionally only that sent to `address`. */
export function mailTo(address?: string): ReceivedMail[] {
  return address ? received.filter((m) => m.to.includes(address)) : [...received]
}

/** Waits until `predicate` matches a received message (sending is asynchronous), or fails. */
export async function waitForMail(
  predicate: (mail: ReceivedMail) => boolean,
  timeoutMs = 10_000,
): Promise<ReceivedMail> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const found = received.find(predicate)
    if (found) return found
    if (Date.now() > deadline) {
      throw new Error(
        `No matching mail within ${timeoutMs} ms. Received: ${JSON.stringify(received.map((m) => ({ to: m.to, subject: m.subject })))}`,
      )
    }
    await new Promise((r) => setTimeout(r, 50))
  }
}
