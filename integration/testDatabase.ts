import { randomBytes } from 'node:crypto'
import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'

import { MongoClient } from 'mongodb'
import pg from 'pg'

import { databaseKind } from '../src/config/database'

/** A database made for one test run and removed after it. */
export interface TestDatabase {
  url: string
  drop(): Promise<void>
}

/**
 * A fresh, empty database for this run. Without a base URL: a temporary SQLite file. With a
 * `postgres://` or `mongodb://` base URL: a new database on that server, named after the run.
 */
export async function createTestDatabase(baseUrl: string | undefined): Promise<TestDatabase> {
  const name = `mrp_it_${Date.now()}_${randomBytes(3).toString('hex')}`
  switch (databaseKind(baseUrl)) {
    case 'sqlite': {
      const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'mrp-it-'))
      return {
        url: `file:${path.join(dir, `${name}.db`)}`,
        drop: () => fs.rm(dir, { recursive: true, force: true }),
      }
    }
    case 'postgres': {
      const admin = new pg.Client({ connectionString: baseUrl })
      await admin.connect()
      await admin.query(`CREATE DATABASE "${name}"`)
      await admin.end()
      const url = new URL(baseUrl!)
      url.pathname = `/${name}`
      return {
        url: url.toString(),
        drop: async () => {
          const client = new pg.Client({ connectionString: baseUrl })
          await client.connect()
          await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)
          await client.end()
        },
      }
    }
    case 'mongodb': {
      const url = new URL(baseUrl!)
      url.pathname = `/${name}`
      return {
        url: url.toString(),
        drop: async () => {
          const client = await MongoClient.connect(url.toString())
          await client.db(name).dropDatabase()
          await client.close()
        },
      }
    }
  }
}
