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

describe('src/markdown', () => {
  it('stays framework-free: no Payload, Next or collections imports', () => {
    const offenders: string[] = []
    for (const file of sources(root)) {
      const text = readFileSync(file, 'utf8')
      for (const match of text.matchAll(/(?:from|import)\s*\(?\s*['"]([^'"]+)['"]/g)) {
        const specifier = match[1] as string
        if (
          /^(payload|next|@payloadcms)(\/|$)|(^|\/)collections(\/|$)|^@payload-config$/.test(
            specifier,
          )
        ) {
          offenders.push(`${relative(root, file)}: ${specifier}`)
        }
      }
    }
    expect(sources(root).length).toBeGreaterThan(10)
    expect(offenders).toEqual([])
  })

  it('imports from src/ only the references core (never src/content, the glue)', () => {
    const references = resolve(root, '../references')
    const offenders: string[] = []
    for (const file of sources(root)) {
      const text = readFileSync(file, 'utf8')
      for (const match of text.matchAll(/(?:from|import)\s*\(?\s*['"](\.[^'"]*)['"]/g)) {
        const target = resolve(dirname(file), match[1] as string)
        const inside = (dir: string) => !relative(dir, target).startsWith('..')
        if (!inside(root) && !inside(references)) {
          offenders.push(`${relative(root, file)}: ${match[1]}`)
        }
      }
    }
    expect(offenders).toEqual([])
  })
})
