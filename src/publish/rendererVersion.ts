import { createHash } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'

import * as esbuild from 'esbuild'

/** The modules pages are rendered through: everything they import, transitively, is an input. */
export const RENDER_ENTRY_POINTS = ['src/publish/publishSite.ts', 'src/render/worker.ts']

/** What an article's documents are rendered by (the Markdown pipeline, through the site's view). */
export const DOCUMENT_ENTRY_POINTS = ['src/site/view.ts']

export interface RendererInputs {
  /** Changes whenever anything a page is rendered from changes, other than the content. */
  version: string
  /** Repository-relative files: the module graph, and the files it loads by URL. */
  files: string[]
  /** Installed packages (lock file locations) the graph imports, with what they import. */
  packages: string[]
}

export interface RendererInputsOptions {
  /** The repository root (where package-lock.json is). */
  root: string
  entryPoints?: string[]
  /** Reads a file for hashing; a test can change what a file says without touching it. */
  readFile?: (absolutePath: string) => Buffer | string
}

interface LockEntry {
  version?: string
  integrity?: string
  dependencies?: Record<string, string>
  optionalDependencies?: Record<string, string>
  peerDependencies?: Record<string, string>
}

/** `@scope/name/sub` -> `@scope/name`; undefined for Node's built-ins and relative paths. */
function packageName(specifier: string): string | undefined {
  if (specifier.startsWith('node:') || specifier.startsWith('.') || path.isAbsolute(specifier))
    return undefined
  const parts = specifier.split('/')
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]
}

/**
 * Where Node finds `name` from the package at `from` (a lock file key like `node_modules/a`, or
 * '' for the repository): its own node_modules, then each enclosing one.
 */
function resolveIn(packages: Record<string, LockEntry>, from: string, name: string) {
  for (let at = from; ;) {
    const key = at ? `${at}/node_modules/${name}` : `node_modules/${name}`
    if (packages[key]) return key
    if (!at) return undefined
    const up = at.lastIndexOf('/node_modules/')
    at = up === -1 ? '' : at.slice(0, up)
  }
}

/** The lock file entries of `names` and of everything they depend on, as `key@version`. */
function packageClosure(lock: { packages?: Record<string, LockEntry> }, names: string[]) {
  const packages = lock.packages ?? {}
  const seen = new Set<string>()
  const visit = (from: string, name: string) => {
    const key = resolveIn(packages, from, name)
    if (!key || seen.has(key)) return
    seen.add(key)
    const entry = packages[key]
    for (const deps of [entry.dependencies, entry.optionalDependencies, entry.peerDependencies]) {
      for (const dep of Object.keys(deps ?? {})) visit(key, dep)
    }
  }
  for (const name of names) visit('', name)
  return [...seen]
    .sort()
    .map((key) => `${key}@${packages[key].version ?? '?'} ${packages[key].integrity ?? ''}`)
}

// `new URL('./assets/site.css', import.meta.url)`: a file a module loads at run time.
const URL_REFERENCE = /new URL\(\s*(['"])(\.{1,2}\/[^'"]+)\1\s*,\s*import\.meta\.url\s*\)/g

function filesUnder(absolute: string): string[] {
  const stat = fs.statSync(absolute, { throwIfNoEntry: false })
  if (!stat) return []
  if (!stat.isDirectory()) return [absolute]
  return fs
    .readdirSync(absolute)
    .sort()
    .flatMap((name) => filesUnder(path.join(absolute, name)))
}

/**
 * What pages are rendered from besides their content, found from the real module graph of the
 * renderer (esbuild resolves every import from `entryPoints`): each local module's content, the
 * files those modules load by `new URL(..., import.meta.url)` (the site's stylesheet and
 * script), the installed version of every package the graph imports and of their dependencies
 * (from package-lock.json), and the Node version (its ICU formats the dates). A hand-kept list
 * of folders cannot drift from what is imported, because there is none.
 */
export async function rendererInputs(options: RendererInputsOptions): Promise<RendererInputs> {
  const root = path.resolve(options.root)
  const read = options.readFile ?? ((file: string) => fs.readFileSync(file))
  const result = await esbuild.build({
    absWorkingDir: root,
    entryPoints: options.entryPoints ?? RENDER_ENTRY_POINTS,
    bundle: true,
    write: false,
    metafile: true,
    platform: 'node',
    packages: 'external',
    format: 'esm',
    outdir: 'renderer-version',
    logLevel: 'silent',
  })
  const files = new Set<string>()
  const external = new Set<string>()
  for (const [input, meta] of Object.entries(result.metafile.inputs)) {
    files.add(input)
    for (const imported of meta.imports) {
      const name = imported.external ? packageName(imported.path) : undefined
      if (name) external.add(name)
    }
    const source = String(read(path.join(root, input)))
    for (const [, , relative] of source.matchAll(URL_REFERENCE)) {
      for (const file of filesUnder(path.resolve(root, path.dirname(input), relative))) {
        files.add(path.relative(root, file))
      }
    }
  }
  const lock = JSON.parse(String(read(path.join(root, 'package-lock.json'))))
  const packages = packageClosure(lock, [...external].sort())

  const hash = createHash('sha256').update(`node ${process.version}\0`)
  const sorted = [...files].sort()
  for (const file of sorted)
    hash
      .update(file)
      .update('\0')
      .update(read(path.join(root, file)))
  for (const entry of packages) hash.update(entry).update('\0')
  return { version: hash.digest('hex'), files: sorted, packages }
}
