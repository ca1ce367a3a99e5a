/** Dates for staff: local time, minutes precision, Chinese-friendly order. */
import dayjs from 'dayjs'

export function formatTime(iso: string | null | undefined): string {
  return iso ? dayjs(iso).format('YYYY-MM-DD HH:mm') : '—'
}

export function formatTimeSeconds(iso: string | null | undefined): string {
  return iso ? dayjs(iso).format('YYYY-MM-DD HH:mm:ss') : '—'
}
