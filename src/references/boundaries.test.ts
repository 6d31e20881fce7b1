import { readdirSync, readFileSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

import { describe, expect, it } from 'vitest'

const root = fileURLToPath(new URL('.', import.meta.url))

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) return entry.name === 'fixtures' ? [] : sources(path)
    return /\.tsx?$/.test(entry.name) ? [path] : []
  })
}

/** Why `specifier`, imported by `file`, is not allowed in the references core, if it is not. */
function violation(file: string, specifier: string): string | undefined {
  if (/^(payload|next|@payloadcms)(\/|$)|^@payload-config$/.test(specifier)) {
    return 'a framework'
  }
  if (specifier.startsWith('.')) {
    const target = resolve(dirname(file), specifier)
    if (relative(root, target).startsWith('..')) return 'outside src/references'
  }
  return undefined
}

describe('src/references', () => {
  it('is pure: imports no framework and nothing outside itself', () => {
    const offenders: string[] = []
    for (const file of sources(root)) {
      const text = readFileSync(file, 'utf8')
      for (const match of text.matchAll(/(?:from|import)\s*\(?\s*['"]([^'"]+)['"]/g)) {
        const specifier = match[1] as string
        const why = violation(file, specifier)
        if (why) offenders.push(`${relative(root, file)}: ${specifier} (${why})`)
      }
    }
    expect(sources(root).length).toBeGreaterThan(8)
    expect(offenders).toEqual([])
  })

  it('would notice an import of payload, a glue folder or another src/ module', () => {
    const file = join(root, 'csl.ts')
    expect(violation(file, 'payload')).toBe('a framework')
    expect(violation(file, '@payloadcms/ui')).toBe('a framework')
    expect(violation(file, '../../payload-types')).toBe('outside src/references')
    expect(violation(file, '../markdown')).toBe('outside src/references')
    expect(violation(file, '../../collections/Citations')).toBe('outside src/references')
    expect(violation(join(root, 'styles', 'index.ts'), '../csl')).toBeUndefined()
    expect(violation(file, 'zod')).toBeUndefined()
  })
})
