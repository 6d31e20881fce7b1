/**
 * `node scripts/run.mjs NAME [ARGS]`: runs a command-line script (scripts/NAME.ts) compiled into
 * one module with esbuild, so a command starts in Node's own loader instead of compiling and
 * resolving every TypeScript file through tsx on each run (about a second and a half of a
 * `npm run publish` that has nothing to do). The bundle (and the render workers' bundle) is made
 * again when any source file changed; packages stay in node_modules. `import.meta.url` keeps
 * meaning each source file's own address, so files found beside a module are still found.
 */
import { createHash } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { pathToFileURL } from 'node:url'

const ROOT = process.cwd()
const OUT = path.join(ROOT, '.build', 'cli')
/** What the commands and the render workers are compiled from. */
const SOURCES = [
  'src',
  'collections',
  'jobs',
  'scripts',
  'migrations',
  'payload.config.ts',
  'package-lock.json',
]
/** The entry points: each command, and the render pool's worker. */
const ENTRIES = {
  publish: 'scripts/publish.ts',
  'content-import': 'scripts/content-import.ts',
  'content-export': 'scripts/content-export.ts',
  'render-worker': 'src/render/worker.ts',
}

const [name, ...args] = process.argv.slice(2)
const buildOnly = name === '--build'
if (!buildOnly && (!name || !(name in ENTRIES) || name === 'render-worker')) {
  console.error(
    `usage: node scripts/run.mjs ${Object.keys(ENTRIES)
      .filter((e) => e !== 'render-worker')
      .join('|')} [ARGS]`,
  )
  process.exit(2)
}

/** Every source file's path, size and modification time: a change to any makes new bundles. */
function sourcesStamp() {
  const hash = createHash('sha256')
  const visit = (entry) => {
    let stat
    try {
      stat = fs.statSync(entry)
    } catch {
      return
    }
    if (stat.isDirectory()) {
      for (const child of fs.readdirSync(entry).sort()) visit(path.join(entry, child))
    } else {
      hash.update(`${path.relative(ROOT, entry)}\0${stat.size}\0${stat.mtimeMs}\n`)
    }
  }
  for (const source of SOURCES) visit(path.join(ROOT, source))
  return hash.digest('hex')
}

const stampFile = path.join(OUT, 'stamp')
const stamp = sourcesStamp()
const fresh = fs.existsSync(stampFile) && fs.readFileSync(stampFile, 'utf8') === stamp
if (!fresh) {
  const { build } = await import('esbuild')
  /** Each source's `import.meta.url` is its own file's address, not the bundle's. */
  const ownUrl = {
    name: 'own-import-meta-url',
    setup(b) {
      b.onLoad({ filter: /\.(ts|tsx|mjs)$/ }, async (file) => {
        const text = await fs.promises.readFile(file.path, 'utf8')
        return {
          contents: text.replaceAll(
            'import.meta.url',
            JSON.stringify(pathToFileURL(file.path).href),
          ),
          loader: file.path.endsWith('x') ? 'tsx' : file.path.endsWith('.mjs') ? 'js' : 'ts',
        }
      })
    },
  }
  // Built beside, then put in place: a command started meanwhile never reads half a bundle.
  const next = `${OUT}-${process.pid}`
  await build({
    entryPoints: ENTRIES,
    outdir: next,
    outExtension: { '.js': '.mjs' },
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    packages: 'external',
    sourcemap: 'linked',
    jsx: 'automatic',
    logLevel: 'warning',
    plugins: [ownUrl],
  })
  fs.writeFileSync(path.join(next, 'stamp'), stamp)
  fs.rmSync(OUT, { recursive: true, force: true })
  fs.renameSync(next, OUT)
}

if (buildOnly) process.exit(0)
// The render pool starts its workers from this bundle too (see src/render/pool.ts).
process.env.RENDER_WORKER_MODULE = pathToFileURL(path.join(OUT, 'render-worker.mjs')).href
process.argv = [process.argv[0], path.join(ROOT, ENTRIES[name]), ...args]
await import(pathToFileURL(path.join(OUT, `${name}.mjs`)).href)
