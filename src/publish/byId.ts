import { chunks } from '../content/paging'

/** How many documents a `ById` keeps across pages by default. */
export const BY_ID_KEPT = 5_000

/**
 * Documents by id, read in chunks and kept across the pages of a publish (articles share their
 * references and people), at most `capacity` of them (the least recently asked for go first):
 * a site citing 65 000 distinct references does not hold them all. Every document asked for by
 * one `load` is kept until the next `load`, whatever the capacity.
 */
export class ById<T extends { id: string | number }> {
  private readonly kept = new Map<string, T>()
  constructor(
    private readonly read: (ids: string[]) => Promise<T[]>,
    private readonly capacity = BY_ID_KEPT,
  ) {}

  async load(ids: Iterable<string>): Promise<void> {
    const wanted = new Set(ids)
    const missing: string[] = []
    for (const id of wanted) {
      const doc = this.kept.get(id)
      if (doc === undefined) {
        missing.push(id)
        continue
      }
      // The most recently asked for last: a Map iterates in insertion order.
      this.kept.delete(id)
      this.kept.set(id, doc)
    }
    for (const chunk of chunks(missing)) {
      for (const doc of await this.read(chunk)) this.kept.set(String(doc.id), doc)
    }
    for (const id of this.kept.keys()) {
      if (this.kept.size <= this.capacity || wanted.has(id)) break
      this.kept.delete(id)
    }
  }

  get(id: string): T | undefined {
    return this.kept.get(id)
  }

  get size(): number {
    return this.kept.size
  }
}
