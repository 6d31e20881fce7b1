import { spawn } from 'node:child_process'
import fs from 'node:fs/promises'

/** What one command cost: as a person waits for it, and as the machine paid for it. */
export interface Measured {
  /** Wall time, start to exit. */
  wallMs: number
  /** User + system CPU time of the whole process tree (every thread, every child). */
  cpuMs: number
  /** The largest sum of resident memory of the process tree, sampled every 50 ms. */
  peakRssMiB: number
  stdout: string
  stderr: string
}

const PAGE = 4096

/** Resident bytes of `root` and all its descendants, from /proc. */
async function treeRss(root: number): Promise<number> {
  const entries = await fs.readdir('/proc').catch(() => [] as string[])
  const parent = new Map<number, number>()
  await Promise.all(
    entries
      .filter((e) => /^\d+$/.test(e))
      .map(async (e) => {
        const stat = await fs.readFile(`/proc/${e}/stat`, 'utf8').catch(() => '')
        // The command name is in parentheses and may hold spaces: fields follow the last ')'.
        const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
        if (fields[1]) parent.set(Number(e), Number(fields[1]))
      }),
  )
  const tree = new Set([root])
  for (let grew = true; grew;) {
    grew = false
    for (const [pid, ppid] of parent) {
      if (!tree.has(pid) && tree.has(ppid)) {
        tree.add(pid)
        grew = true
      }
    }
  }
  let bytes = 0
  for (const pid of tree) {
    const statm = await fs.readFile(`/proc/${pid}/statm`, 'utf8').catch(() => '')
    bytes += Number(statm.split(' ')[1] ?? 0) * PAGE
  }
  return bytes
}

/**
 * Runs a command to its end and measures it. The command runs under bash, whose `times` builtin
 * reports the CPU time of every child it waited for (threads included), so no other tool is needed.
 * Rejects, with the command's output, when it exits non-zero.
 */
export function runMeasured(
  command: string,
  args: readonly string[],
  options: { env?: NodeJS.ProcessEnv; cwd?: string } = {},
): Promise<Measured> {
  return new Promise((resolve, reject) => {
    const started = performance.now()
    const child = spawn(
      'bash',
      ['-c', '"$@"; code=$?; times >&3; exit $code', 'bench', command, ...args],
      {
        cwd: options.cwd,
        env: options.env ?? process.env,
        stdio: ['ignore', 'pipe', 'pipe', 'pipe'],
      },
    )
    let stdout = ''
    let stderr = ''
    let times = ''
    child.stdout!.on('data', (d) => (stdout += d))
    child.stderr!.on('data', (d) => (stderr += d))
    child.stdio[3]!.on('data', (d) => (times += d))
    let peak = 0
    let sampling = false
    const sampler = setInterval(() => {
      if (sampling || child.pid === undefined) return
      sampling = true
      treeRss(child.pid)
        .then((bytes) => (peak = Math.max(peak, bytes)))
        .finally(() => (sampling = false))
    }, 50)
    child.on('error', reject)
    child.on('close', (code) => {
      clearInterval(sampler)
      const wallMs = performance.now() - started
      if (code !== 0) {
        reject(new Error(`${command} ${args.join(' ')} exited with ${code}\n${stdout}\n${stderr}`))
        return
      }
      // Second line of `times`: user and system time of the children, e.g. "0m1.234s 0m0.056s".
      const seconds = (times.split('\n')[1] ?? '')
        .trim()
        .split(/\s+/)
        .map((t) => {
          const m = /^(\d+)m([\d.]+)s$/.exec(t)
          return m ? Number(m[1]) * 60 + Number(m[2]) : 0
        })
      resolve({
        wallMs,
        cpuMs: seconds.reduce((a, b) => a + b, 0) * 1000,
        peakRssMiB: peak / 2 ** 20,
        stdout,
        stderr,
      })
    })
  })
}

/** The median of numbers (the mean of the middle two for an even count). */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2
}

/** The median run of several, by wall time, with every figure taken from the median of its own. */
export function medianOf(runs: readonly Measured[]): Omit<Measured, 'stdout' | 'stderr'> {
  return {
    wallMs: median(runs.map((r) => r.wallMs)),
    cpuMs: median(runs.map((r) => r.cpuMs)),
    peakRssMiB: median(runs.map((r) => r.peakRssMiB)),
  }
}
