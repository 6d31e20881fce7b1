/**
 * `date` plus a whole number of calendar months, in UTC, keeping the time of day. When the target
 * month is shorter, the day is clamped to its last day: 31 January + 1 month is 28 February (29 in
 * a leap year), 29 February 2024 + 12 months is 28 February 2025. Negative `months` go back.
 * Throws a TypeError for an invalid date and a RangeError for a non-integer `months`.
 */
export function addMonths(date: Date, months: number): Date {
  assertValidDate(date, 'addMonths: date')
  if (!Number.isSafeInteger(months)) {
    throw new RangeError(`addMonths: months must be a whole number, got ${String(months)}`)
  }
  const monthIndex = date.getUTCFullYear() * 12 + date.getUTCMonth() + months
  const year = Math.floor(monthIndex / 12)
  const month = monthIndex - year * 12
  const day = Math.min(date.getUTCDate(), daysInMonth(year, month))
  const result = new Date(date.getTime())
  // One call sets all three: setting them one by one can overflow through an intermediate
  // invalid date (e.g. day 31 in a 30-day month).
  result.setUTCFullYear(year, month, day)
  return result
}

/** Days in a month of the proleptic Gregorian calendar (`month` 0-11), UTC. */
export function daysInMonth(year: number, month: number): number {
  const date = new Date(0)
  // Day 0 of the next month is the last day of this one; setUTCFullYear avoids the 0-99 -> 19xx
  // mapping of Date.UTC.
  date.setUTCFullYear(year, month + 1, 0)
  return date.getUTCDate()
}

/**
 * The one definition of "overdue for re-review", as a bound on `reviewDue`: an approved article
 * is overdue once `now` has reached its `reviewDue` (the review period ends at that instant, so
 * the due moment itself counts). Database queries use this bound (`reviewDue <= dueAtOrBefore`);
 * `isOverdue` applies it to one article.
 */
export function overdueBoundary(now: Date): { dueAtOrBefore: Date } {
  assertValidDate(now, 'overdueBoundary: now')
  return { dueAtOrBefore: new Date(now.getTime()) }
}

/**
 * True when re-review is due (see `overdueBoundary`). No due date means never overdue.
 * `reviewDue` may be an ISO string, as Payload returns dates. Throws a TypeError for an
 * unparseable `reviewDue` or an invalid `now`.
 */
export function isOverdue(reviewDue: Date | string | null | undefined, now: Date): boolean {
  const { dueAtOrBefore } = overdueBoundary(now)
  if (reviewDue === null || reviewDue === undefined) return false
  const due = typeof reviewDue === 'string' ? new Date(reviewDue) : reviewDue
  assertValidDate(due, 'isOverdue: reviewDue')
  return due.getTime() <= dueAtOrBefore.getTime()
}

/** Throws a TypeError unless `value` is a Date holding a real time. */
export function assertValidDate(value: unknown, what: string): asserts value is Date {
  if (!(value instanceof Date) || Number.isNaN(value.getTime())) {
    throw new TypeError(`${what} must be a valid Date, got ${String(value)}`)
  }
}
