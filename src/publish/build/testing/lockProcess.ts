/**
 * A process that takes a site folder's publish lock, for the lock's tests: forked with
 * `ROOT LOG ID HOLD_MS`, it says `ready`, waits for `go`, then takes the lock and appends
 * `ID enter` and `ID exit` lines to LOG around holding it for HOLD_MS (forever when HOLD_MS is
 * `forever`), telling the parent `held` in between and `done` or `failed` at the end.
 */
import fs from 'node:fs'

import { withLock } from '../lock'

const [root, log, id, hold] = process.argv.slice(2)
const send = (message: Record<string, unknown>) => process.send?.(message)
const line = (event: string) =>
  fs.appendFileSync(log, `${id} ${event} ${process.hrtime.bigint()}\n`)

process.on('message', async (message) => {
  if (message !== 'go') return
  try {
    await withLock(root, async () => {
      line('enter')
      send({ held: process.pid })
      if (hold === 'forever') await new Promise(() => setInterval(() => undefined, 1 << 30))
      await new Promise((resolve) => setTimeout(resolve, Number(hold)))
      line('exit')
    })
    send({ done: true })
    process.exit(0)
  } catch (error) {
    send({ failed: (error as Error).message })
    process.exit(1)
  }
})
send({ ready: true })
