/** The current time, re-read every `everyMs` so countdowns move while the screen stays open. */
import { useEffect, useState } from 'react'

export function useNow(everyMs = 60_000): number {
  const [now, setNow] = useState(() => Date.now())
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), everyMs)
    return () => clearInterval(timer)
  }, [everyMs])
  return now
}
