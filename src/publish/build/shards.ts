import { putObject, readObject, sha256 } from './objects'

/** How many shards a build's file table and article table are split into. */
export const SHARDS = 256

/**
 * A table split into shards: entry `i` names the object holding the shard's entries (sorted JSON
 * `[key, value]` pairs), or is null when the shard is empty. Equal shards are one object, so a
 * build shares every shard it did not change with the build it came from.
 */
export type ShardTable = (string | null)[]

/** A table with no entries. */
export const emptyTable = (): ShardTable => new Array<string | null>(SHARDS).fill(null)

/** The shard a key belongs to (FNV-1a of its UTF-16 code units). */
export function shardIndex(key: string, shards = SHARDS): number {
  let hash = 0x811c9dc5
  for (let i = 0; i < key.length; i++) {
    hash ^= key.charCodeAt(i)
    hash = Math.imul(hash, 0x01000193)
  }
  return (hash >>> 0) % shards
}

/** How many shards a table read from the site folder and wrote to it. */
export interface ShardStats {
  read: number
  written: number
}

// Shards are immutable objects: a parsed one stays valid for as long as it is kept, across
// builds and across publishes in one process (a job worker, the site's server).
const parsed = new Map<string, Map<string, unknown>>()
const KEEP_PARSED = 1024

async function loadShard(root: string, name: string): Promise<Map<string, unknown>> {
  const hit = parsed.get(name)
  if (hit) {
    // Most recently used last.
    parsed.delete(name)
    parsed.set(name, hit)
    return hit
  }
  const entries = JSON.parse((await readObject(root, name)).toString('utf8')) as [string, unknown][]
  const shard = new Map(entries)
  parsed.set(name, shard)
  if (parsed.size > KEEP_PARSED) parsed.delete(parsed.keys().next().value!)
  return shard
}

/**
 * A sharded table of a build (a site path to its file, an article id to what the build knows of
 * it), copy-on-write over the table of an earlier build: reading a key loads only its shard,
 * changing one copies only its shard, and `save` writes only the shards that changed. `group`
 * maps a key to the part of it that picks its shard, so that related keys (an article's pages)
 * share one.
 */
export class ShardedTable<T> {
  private readonly loaded = new Map<number, Map<string, T>>()
  private readonly dirty = new Set<number>()
  readonly stats: ShardStats = { read: 0, written: 0 }

  /**
   * @param size how many entries `table` holds (kept up to date as entries come and go)
   */
  constructor(
    private readonly root: string,
    private readonly table: ShardTable = emptyTable(),
    public size = 0,
    private readonly group: (key: string) => string = (key) => key,
  ) {
    if (table.length !== SHARDS)
      throw new Error(`a shard table has ${SHARDS} entries, not ${table.length}`)
  }

  /** The entries of one shard (read-only). */
  async shard(index: number): Promise<ReadonlyMap<string, T>> {
    return this.loadedShard(index)
  }

  private async loadedShard(index: number): Promise<Map<string, T>> {
    let shard = this.loaded.get(index)
    if (shard) return shard
    const name = this.table[index]
    if (name) {
      this.stats.read++
      shard = (await loadShard(this.root, name)) as Map<string, T>
    } else {
      shard = new Map()
    }
    this.loaded.set(index, shard)
    return shard
  }

  private async writable(index: number): Promise<Map<string, T>> {
    if (this.dirty.has(index)) return this.loaded.get(index)!
    const copy = new Map(await this.loadedShard(index))
    this.loaded.set(index, copy)
    this.dirty.add(index)
    return copy
  }

  private indexOf(key: string): number {
    return shardIndex(this.group(key))
  }

  async get(key: string): Promise<T | undefined> {
    return (await this.shard(this.indexOf(key))).get(key)
  }

  async set(key: string, value: T): Promise<void> {
    const shard = await this.writable(this.indexOf(key))
    if (!shard.has(key)) this.size++
    shard.set(key, value)
  }

  async delete(key: string): Promise<boolean> {
    const index = this.indexOf(key)
    if (!(await this.loadedShard(index)).has(key)) return false
    this.size--
    return (await this.writable(index)).delete(key)
  }

  /** Every entry, shard by shard (a whole-table pass: an export, a clean-up, a full check). */
  async *entries(): AsyncGenerator<[string, T]> {
    for (let index = 0; index < SHARDS; index++) yield* (await this.shard(index)).entries()
  }

  /** Whether the table is unchanged since it was opened (no shard was written to). */
  get changed(): boolean {
    return this.dirty.size > 0
  }

  /**
   * Writes the shards that changed as objects and returns the new table (the unchanged shards
   * keep their objects).
   */
  async save(): Promise<ShardTable> {
    const table = [...this.table]
    for (const index of [...this.dirty].sort((a, b) => a - b)) {
      const shard = this.loaded.get(index)!
      if (shard.size === 0) {
        table[index] = null
        continue
      }
      const content = JSON.stringify([...shard].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      const name = sha256(content)
      if (name !== this.table[index]) {
        await putObject(this.root, content, name)
        this.stats.written++
      }
      table[index] = name
      // Kept parsed: the next publish in this process starts from it.
      parsed.set(name, shard as Map<string, unknown>)
    }
    this.dirty.clear()
    return table
  }
}
