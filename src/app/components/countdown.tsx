// Time left to pay (dayjs), ticking each second; calls onExpire once at zero.
import { useEffect, useState } from 'react'
import { Text } from '@tarojs/components'
import dayjs from 'dayjs'

function left(expiresAt: string): number {
  return Math.max(0, dayjs(expiresAt).diff(dayjs(), 'second'))
}

export function formatLeft(seconds: number): string {
  const m = Math.floor(seconds / 60)
  const s = seconds % 60
  return `${String(m).padStart(2, '0')}:${String(s).padStart(2, '0')}`
}

export function Countdown({ expiresAt, onExpire, className = '' }: { expiresAt: string; onExpire?: () => void; className?: string }) {
  const [seconds, setSeconds] = useState(() => left(expiresAt))
  useEffect(() => {
    setSeconds(left(expiresAt))
    const timer = setInterval(() => {
      const s = left(expiresAt)
      setSeconds(s)
      if (s === 0) {
        clearInterval(timer)
        onExpire?.()
      }
    }, 1000)
    return () => clearInterval(timer)
  }, [expiresAt, onExpire])
  return <Text className={className}>{formatLeft(seconds)}</Text>
}
