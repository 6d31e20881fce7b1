import { describe, expect, it } from 'vitest'

import { databaseAdapter, databaseKind } from './database'

describe('DATABASE_URL selects the adapter', () => {
  it.each([
    [undefined, 'sqlite'],
    ['', 'sqlite'],
    ['file:./data/app.db', 'sqlite'],
    ['file:/var/lib/app.db', 'sqlite'],
    ['postgres://u:p@127.0.0.1:5432/db', 'postgres'],
    ['postgresql://127.0.0.1/db', 'postgres'],
    ['mongodb://127.0.0.1:27017/db', 'mongodb'],
    ['mongodb+srv://cluster.example.org/db', 'mongodb'],
    ['POSTGRES://127.0.0.1/db', 'postgres'],
  ])('%s -> %s', (url, kind) => {
    expect(databaseKind(url)).toBe(kind)
  })

  it.each(['mysql://127.0.0.1/db', 'sqlite:app.db', 'app.db', 'http://db.example.org'])(
    'refuses %s, naming the accepted schemes',
    (url) => {
      expect(() => databaseKind(url)).toThrow(
        /unsupported scheme.*file:PATH \(SQLite, the default\), postgres:\/\/… \(PostgreSQL\) or mongodb:\/\/… \(MongoDB\)/,
      )
    },
  )

  it('builds the official adapter for each kind', () => {
    expect(databaseAdapter('file::memory:').name).toBe('sqlite')
    expect(databaseAdapter('postgres://127.0.0.1/db').name).toBe('postgres')
    expect(databaseAdapter('mongodb://127.0.0.1/db').name).toBe('mongoose')
  })
})
