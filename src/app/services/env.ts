// Build-time facts. API_BASE / SANDBOX_BASE come from config/index.ts (defineConstants);
// TARO_ENV is replaced by Taro's build, so the platform branches below are dead-code
// eliminated per platform. Only services read these: pages never know the platform.

export type Platform = 'weapp' | 'h5'

export function platform(): Platform {
  return process.env.TARO_ENV === 'weapp' ? 'weapp' : 'h5'
}

export function apiBase(): string {
  return API_BASE.replace(/\/+$/, '')
}

export function sandboxBase(): string {
  return SANDBOX_BASE.replace(/\/+$/, '')
}

/** Backend media paths (`/media/…`) become absolute; http(s) URLs pass through. */
export function mediaUrl(url: string): string
export function mediaUrl(url: string | null | undefined): string | null
export function mediaUrl(url: string | null | undefined): string | null {
  if (!url) return null
  return url.startsWith('/') ? `${apiBase()}${url}` : url
}

/** The H5 page leaving for another URL (the sandbox cashier). An object, so tests can watch it. */
export const browser = {
  assign(url: string): void {
    location.href = url
  }
}
