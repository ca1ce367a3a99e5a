/**
 * Downloads a file the staff API makes (the orders CSV): fetched with the
 * session cookie so a refusal shows as a message instead of a JSON page,
 * then handed to the browser as a download under the server's file name.
 */
import { ApiError } from './api-error'
import { readResponse } from './client'

function fileNameOf(disposition: string | null, fallback: string): string {
  const star = disposition?.match(/filename\*=UTF-8''([^;]+)/i)
  if (star?.[1]) return decodeURIComponent(star[1])
  const plain = disposition?.match(/filename="?([^";]+)"?/i)
  return plain?.[1] ?? fallback
}

export async function download(path: string, fallbackName: string): Promise<string> {
  let response: Response
  try {
    response = await fetch(path, { credentials: 'include', headers: { Accept: 'text/csv, application/json' } })
  } catch (e) {
    throw new ApiError(0, 'NETWORK', `Network error on GET ${path}: ${e instanceof Error ? e.message : String(e)}`)
  }
  if (!response.ok) await readResponse(response, 'GET', path)
  const name = fileNameOf(response.headers.get('Content-Disposition'), fallbackName)
  const url = URL.createObjectURL(await response.blob())
  const a = document.createElement('a')
  a.href = url
  a.download = name
  document.body.appendChild(a)
  a.click()
  a.remove()
  // NOTE: revoking at once can cancel the download in some browsers; give it a moment.
  setTimeout(() => URL.revokeObjectURL(url), 10_000)
  return name
}
