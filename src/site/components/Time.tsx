import { formatDate, formatDateTime, isoDate, isoDateTime } from '../format'

/** A date as readers see it ("November 27, 2025", UTC), machine-readable in `datetime`. */
export function DateOnly({ iso, language }: { iso: string; language: string }) {
  return <time dateTime={isoDate(iso)}>{formatDate(iso, language)}</time>
}

/** A date and time ("November 27, 2025, 14:05 UTC"). */
export function DateAndTime({ iso, language }: { iso: string; language: string }) {
  return <time dateTime={isoDateTime(iso)}>{formatDateTime(iso, language)}</time>
}
