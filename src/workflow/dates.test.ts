import { describe, expect, it } from 'vitest'

import { addMonths, daysInMonth, isOverdue } from './dates'

const utc = (iso: string) => new Date(`${iso}Z`)

describe('addMonths', () => {
  it.each([
    ['2025-01-31T10:00:00.000', 1, '2025-02-28T10:00:00.000'],
    ['2024-01-31T10:00:00.000', 1, '2024-02-29T10:00:00.000'],
    ['2024-02-29T10:00:00.000', 12, '2025-02-28T10:00:00.000'],
    ['2024-02-29T10:00:00.000', 48, '2028-02-29T10:00:00.000'],
    ['2025-03-31T10:00:00.000', 1, '2025-04-30T10:00:00.000'],
    ['2025-08-31T10:00:00.000', 6, '2026-02-28T10:00:00.000'],
    ['2025-11-30T10:00:00.000', 3, '2026-02-28T10:00:00.000'],
    ['2025-12-15T10:00:00.000', 1, '2026-01-15T10:00:00.000'],
    ['2025-03-15T10:30:00.000', 12, '2026-03-15T10:30:00.000'],
    ['2025-01-31T23:59:59.999', 1, '2025-02-28T23:59:59.999'],
    ['1900-01-31T00:00:00.000', 1, '1900-02-28T00:00:00.000'],
    ['2000-01-31T00:00:00.000', 1, '2000-02-29T00:00:00.000'],
    ['2100-01-31T00:00:00.000', 1, '2100-02-28T00:00:00.000'],
    ['2025-05-31T00:00:00.000', -3, '2025-02-28T00:00:00.000'],
    ['2025-01-15T00:00:00.000', -1, '2024-12-15T00:00:00.000'],
    ['2025-03-31T00:00:00.000', -13, '2024-02-29T00:00:00.000'],
    ['2025-06-30T00:00:00.000', 0, '2025-06-30T00:00:00.000'],
    ['2025-01-31T00:00:00.000', 120, '2035-01-31T00:00:00.000'],
  ] as const)('%s + %i months = %s (UTC)', (from, months, to) => {
    expect(addMonths(utc(from), months)).toEqual(utc(to))
  })

  it('counts calendar days in UTC, whatever the time zone of the process', () => {
    const saved = process.env.TZ
    // Node re-reads TZ when it is assigned, so local-time arithmetic would show here.
    process.env.TZ = 'America/New_York'
    try {
      // 23:30 on 31 January in New York is already 1 February in UTC.
      const date = new Date('2025-01-31T23:30:00-05:00')
      expect(date.getDate()).toBe(31)
      expect(addMonths(date, 1)).toEqual(new Date('2025-03-01T04:30:00.000Z'))
    } finally {
      if (saved === undefined) delete process.env.TZ
      else process.env.TZ = saved
    }
  })

  it('returns a new Date and leaves its argument alone', () => {
    const date = utc('2025-01-31T10:00:00.000')
    const result = addMonths(date, 0)
    expect(result).not.toBe(date)
    addMonths(date, 1)
    expect(date).toEqual(utc('2025-01-31T10:00:00.000'))
  })

  it('handles years before 100 without the Date.UTC 19xx mapping', () => {
    const date = new Date(0)
    date.setUTCFullYear(4, 0, 31)
    const result = addMonths(date, 1)
    expect([result.getUTCFullYear(), result.getUTCMonth(), result.getUTCDate()]).toEqual([4, 1, 29])
  })

  it('moves by exactly `months` calendar months and clamps only when the month is shorter', () => {
    const leap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0
    const lengths = (y: number) => [31, leap(y) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
    let checked = 0
    for (let day = Date.UTC(2023, 0, 1); day < Date.UTC(2025, 0, 1); day += 86_400_000) {
      const date = new Date(day + 12 * 3_600_000)
      for (const months of [1, 2, 6, 11, 12, 13, 24, -1, -12]) {
        const result = addMonths(date, months)
        const monthIndex = date.getUTCFullYear() * 12 + date.getUTCMonth() + months
        const [year, month] = [Math.floor(monthIndex / 12), ((monthIndex % 12) + 12) % 12]
        expect([result.getUTCFullYear(), result.getUTCMonth()]).toEqual([year, month])
        expect(result.getUTCDate()).toBe(Math.min(date.getUTCDate(), lengths(year)[month]!))
        expect(result.getUTCHours()).toBe(12)
        checked++
      }
    }
    expect(checked).toBe(731 * 9)
  })

  it.each([1.5, Number.NaN, Number.POSITIVE_INFINITY])('throws a RangeError for %s months', (m) => {
    expect(() => addMonths(new Date(), m)).toThrow(RangeError)
  })

  it('throws a TypeError for an invalid date', () => {
    expect(() => addMonths(new Date('not a date'), 1)).toThrow(TypeError)
  })
})

describe('daysInMonth', () => {
  it.each([
    [2025, 0, 31],
    [2025, 1, 28],
    [2024, 1, 29],
    [2000, 1, 29],
    [1900, 1, 28],
    [2100, 1, 28],
    [0, 1, 29],
    [2025, 3, 30],
    [2025, 11, 31],
  ])('%i, month %i: %i days', (year, month, days) => {
    expect(daysInMonth(year, month)).toBe(days)
  })
})

describe('isOverdue', () => {
  const due = utc('2026-03-15T10:30:00.000')

  it('is false without a due date', () => {
    expect(isOverdue(null, due)).toBe(false)
    expect(isOverdue(undefined, due)).toBe(false)
  })

  it('is false before the due instant, true at and after it', () => {
    expect(isOverdue(due, new Date(due.getTime() - 1))).toBe(false)
    expect(isOverdue(due, due)).toBe(true)
    expect(isOverdue(due, new Date(due.getTime() + 1))).toBe(true)
  })

  it('accepts the ISO strings Payload returns', () => {
    expect(isOverdue('2026-03-15T10:30:00.000Z', utc('2026-03-15T10:29:59.999'))).toBe(false)
    expect(isOverdue('2026-03-15T10:30:00.000Z', utc('2026-03-16T00:00:00.000'))).toBe(true)
  })

  it('throws on an unparseable due date or an invalid now', () => {
    expect(() => isOverdue('soon', due)).toThrow(TypeError)
    expect(() => isOverdue(due, new Date(Number.NaN))).toThrow(TypeError)
  })
})
