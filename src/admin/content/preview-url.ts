/**
 * Where the phone frame and the QR code point. The server may answer the
 * preview call with the shopper API's draft URL (`…/api/v1/pages/SLUG?preview=T`);
 * staff need the app itself, so that becomes the H5 build's content page on
 * `appOrigin` (the backend serves the H5 build at `/`, as under `npm start`)
 * with the same slug and token. Any other URL (the app's own) is used as given.
 */
const API_PAGE = /^\/api\/v1\/pages\/([^/]+)$/

export function appPreviewUrl(url: string, appOrigin: string): string {
  let parsed: URL
  try {
    parsed = new URL(url, appOrigin)
  } catch {
    return url
  }
  const match = API_PAGE.exec(parsed.pathname)
  const token = parsed.searchParams.get('preview')
  if (!match || !token) return url
  const query = new URLSearchParams({ slug: decodeURIComponent(match[1] as string), preview: token })
  return `${appOrigin}/#/pages/content/index?${query.toString()}`
}

/** Whether a URL points at this machine only (127.0.0.0/8, localhost, ::1): no phone can open it. */
export function isLoopbackUrl(url: string): boolean {
  let host: string
  try {
    host = new URL(url).hostname.toLowerCase()
  } catch {
    return false
  }
  return host === 'localhost' || host.endsWith('.localhost') || host === '[::1]' || /^127(\.\d{1,3}){3}$/.test(host) || host === '0.0.0.0'
}
